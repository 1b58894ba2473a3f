/**
 * Asks the public site's server to rebuild (its `POST /__rebuild`, at the CMS's `site.rebuildUrl`
 * with `site.rebuildToken`): after a content manager publishes, after a snapshot of the open
 * statistics. Only the names of what changed are sent; a failure is logged, never thrown — the
 * site keeps its previous build.
 */
import type { Core } from '@strapi/strapi';

export async function requestSiteRebuild(strapi: Core.Strapi, models: readonly string[]): Promise<void> {
  const url = strapi.config.get<string>('site.rebuildUrl');
  if (!url) return;
  const token = strapi.config.get<string>('site.rebuildToken');
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ models }),
    });
    if (response.status !== 202) strapi.log.warn(`site rebuild: ${url} answered ${response.status}`);
  } catch (error) {
    strapi.log.warn(`site rebuild: ${url} unreachable (${(error as Error).message})`);
  }
}
