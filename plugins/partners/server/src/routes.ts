/**
 * The routes (README "HTTP"): the cabinet's under /api/partners (users-permissions: the
 * authenticated role), the partners' own (LTI, the callback, the desktop push API) public and
 * authenticated by their signatures, tokens or keys, and the staff's under /partners behind admin
 * permissions.
 */
import { desktopAdminRoutes, desktopContentRoutes } from './desktop-routes';

import { routeConfigs } from '@qabilet/plugin-kit/server';

const { can, user, open } = routeConfigs('partners');

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/tests', handler: 'public.tests', config: user },
      { method: 'POST', path: '/launches', handler: 'public.launch', config: user },
      { method: 'GET', path: '/jwks', handler: 'lti.jwks', config: open },
      { method: 'GET', path: '/lti/auth', handler: 'lti.auth', config: open },
      { method: 'POST', path: '/lti/auth', handler: 'lti.auth', config: open },
      { method: 'POST', path: '/lti/token', handler: 'lti.token', config: open },
      { method: 'GET', path: '/lti/:clientId/lineitems', handler: 'lti.lineItems', config: open },
      { method: 'GET', path: '/lti/:clientId/lineitems/:test', handler: 'lti.lineItem', config: open },
      { method: 'POST', path: '/lti/:clientId/lineitems/:test/scores', handler: 'lti.score', config: open },
      { method: 'POST', path: '/callback/:clientId', handler: 'lti.callback', config: open },
      ...desktopContentRoutes,
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/partners', handler: 'admin.list', config: can('manage') },
      { method: 'POST', path: '/partners', handler: 'admin.create', config: can('manage') },
      { method: 'GET', path: '/partners/:id', handler: 'admin.get', config: can('manage') },
      { method: 'PUT', path: '/partners/:id', handler: 'admin.update', config: can('manage') },
      { method: 'POST', path: '/partners/:id/secret', handler: 'admin.rotate', config: can('manage') },
      { method: 'GET', path: '/partners/:id/events', handler: 'admin.events', config: can('manage') },
      { method: 'GET', path: '/scales', handler: 'admin.scales', config: can('manage') },
      ...desktopAdminRoutes,
    ],
  },
};

/** What the authenticated role may call. */
export const USER_ACTIONS = ['tests', 'launch'].map((a) => `plugin::partners.public.${a}`);
