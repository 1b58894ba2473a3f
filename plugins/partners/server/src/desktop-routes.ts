/**
 * The desktop import's routes (README "HTTP"): the push API is public to Strapi and
 * authenticated by the partner's own API key; the staff's routes sit behind the admin permission
 * `plugin::partners.import`, and the handlers narrow them to the centres in the staff member's scope.
 */
import { routeConfigs } from '@qabilet/plugin-kit/server';

const { can, open: byKey } = routeConfigs('partners');
const importing = can('import');

export const desktopContentRoutes = [{ method: 'POST', path: '/desktop/:clientId/results', handler: 'desktop.results', config: byKey }];

export const desktopAdminRoutes = [
  { method: 'GET', path: '/desktop', handler: 'desktopAdmin.list', config: importing },
  { method: 'PUT', path: '/desktop/:id/columns', handler: 'desktopAdmin.columns', config: importing },
  { method: 'POST', path: '/desktop/:id/imports', handler: 'desktopAdmin.imports', config: importing },
  { method: 'GET', path: '/queue', handler: 'desktopAdmin.queue', config: importing },
  { method: 'POST', path: '/queue/:rowId/resolve', handler: 'desktopAdmin.resolve', config: importing },
];
