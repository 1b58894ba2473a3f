import type { Core } from '@strapi/strapi';

/** The content the public site is built from: a change to any of it calls for a rebuild. */
const PUBLIC_TYPES = new Set(
  ['news', 'page', 'faq', 'profession', 'specialty', 'institution', 'statistic', 'centre', 'region', 'locality'].map((type) => `api::${type}.${type}`),
);
// With drafts, only publishing changes what the public sees; without, every save does.
const WITH_DRAFTS = ['publish', 'unpublish', 'delete'];
const WITHOUT_DRAFTS = ['create', 'update', 'delete'];

/**
 * Tells the site server to rebuild after a change to public content. Only the content type's
 * name is sent, never the entry, and a failure is logged, never in the editor's way.
 */
export function registerSiteRebuild(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    const result = await next();
    if (!PUBLIC_TYPES.has(context.uid)) return result;
    const drafts = Boolean(strapi.contentType(context.uid).options?.draftAndPublish);
    if (!(drafts ? WITH_DRAFTS : WITHOUT_DRAFTS).includes(context.action)) return result;
    const url = strapi.config.get<string>('site.rebuildUrl');
    if (!url) return result;
    const token = strapi.config.get<string>('site.rebuildToken');
    fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ model: context.uid }) })
      .then((response) => {
        if (response.status !== 202) strapi.log.warn(`site rebuild: ${url} answered ${response.status}`);
      })
      .catch((error: Error) => strapi.log.warn(`site rebuild: ${url} unreachable (${error.message})`));
    return result;
  });
}
