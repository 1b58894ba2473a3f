/**
 * Admin routes under /crm, each behind an admin permission (the scope within it comes from
 * scope.ts), and the call-centre webhook under /api/crm, which authenticates by its signature.
 */
import { routeConfigs } from '@qabilet/plugin-kit/server';

const { can, open } = routeConfigs('crm');

export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/me', handler: 'admin.me', config: can('read') },
      { method: 'GET', path: '/requests', handler: 'admin.list', config: can('read') },
      { method: 'POST', path: '/requests', handler: 'admin.create', config: can('intake') },
      { method: 'POST', path: '/requests/bulk', handler: 'admin.bulk', config: can('manage') },
      { method: 'GET', path: '/requests/:id', handler: 'admin.get', config: can('read') },
      { method: 'POST', path: '/requests/:id/book', handler: 'admin.book', config: can('intake') },
      { method: 'POST', path: '/requests/:id/assign', handler: 'admin.assign', config: can('manage') },
      // Who may close how is checked in the handler (complete for specialists, manage or intake for the rest).
      { method: 'POST', path: '/requests/:id/close', handler: 'admin.close', config: can('read') },
      { method: 'GET', path: '/people', handler: 'admin.people', config: can('intake') },
      { method: 'GET', path: '/exports/templates', handler: 'admin.templates', config: can('export') },
      { method: 'GET', path: '/exports/requests', handler: 'admin.export', config: can('export') },
      { method: 'GET', path: '/calls/current', handler: 'admin.currentCall', config: can('intake') },
    ],
  },
  'content-api': {
    type: 'content-api',
    routes: [{ method: 'POST', path: '/call-events', handler: 'public.callEvent', config: open }],
  },
};
