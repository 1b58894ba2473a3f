/**
 * The public site, rebuilt when its content changes: the CMS calls `SITE_REBUILD_URL` (the site
 * server's /__rebuild) with `SITE_REBUILD_TOKEN` after a publish, unpublish, edit or delete of
 * public content. Unset, nothing is called (the site is then rebuilt by hand or by a schedule).
 */
import type { Core } from '@strapi/strapi';

export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  rebuildUrl: env('SITE_REBUILD_URL', ''),
  rebuildToken: env('SITE_REBUILD_TOKEN', ''),
});
