/**
 * The desktop import's routes (README "HTTP"): the push API is public to Strapi and
 * authenticated by the partner's own API key; the staff's routes sit behind the admin permission
 * `plugin::partners.import`, and the handlers narrow them to the centres in the staff member's scope.
 */
const importing = { policies: [{ name: 'admin::hasPermissions', config: { actions: ['plugin::partners.import'] } }] };
const byKey = { auth: false as const, policies: [] };

export const desktopContentRoutes = [
  { method: 'POST', path: '/desktop/:clientId/results', handler: 'desktop.results', config: byKey },
];

export const desktopAdminRoutes = [
  { method: 'GET', path: '/desktop', handler: 'desktopAdmin.list', config: importing },
  { method: 'PUT', path: '/desktop/:id/columns', handler: 'desktopAdmin.columns', config: importing },
  { method: 'POST', path: '/desktop/:id/imports', handler: 'desktopAdmin.imports', config: importing },
  { method: 'GET', path: '/queue', handler: 'desktopAdmin.queue', config: importing },
  { method: 'POST', path: '/queue/:rowId/resolve', handler: 'desktopAdmin.resolve', config: importing },
];
