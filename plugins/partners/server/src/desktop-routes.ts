/**
 * The desktop import's routes (README "HTTP"): the push API is public to Strapi and
 * authenticated by the partner's own API key; the staff's routes sit behind the admin permission
 * `plugin::partners.import`, and the handlers narrow them to the centres in the staff member's scope.
 */
import { routeConfigs, type RouteRow } from '@qabilet/plugin-kit/server';

const { can, open: byKey } = routeConfigs('partners');
const importing = can('import');

export const desktopContentRoutes: RouteRow[] = [['POST /desktop/:clientId/results', 'desktop.results', byKey]];

export const desktopAdminRoutes: RouteRow[] = [
  ['GET /desktop', 'desktopAdmin.list', importing],
  ['PUT /desktop/:id/columns', 'desktopAdmin.columns', importing],
  ['POST /desktop/:id/imports', 'desktopAdmin.imports', importing],
  ['GET /queue', 'desktopAdmin.queue', importing],
  ['POST /queue/:rowId/resolve', 'desktopAdmin.resolve', importing],
];
