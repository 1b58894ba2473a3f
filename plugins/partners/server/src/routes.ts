/**
 * The routes (README "HTTP"): the cabinet's under /api/partners (users-permissions: the
 * authenticated role), the partners' own (LTI, the callback, the desktop push API) public and
 * authenticated by their signatures, tokens or keys, and the staff's under /partners behind admin
 * permissions.
 */
import { desktopAdminRoutes, desktopContentRoutes } from './desktop-routes';

import { routeConfigs, router } from '@qabilet/plugin-kit/server';

const { can, user, open } = routeConfigs('partners');

export default {
  'content-api': router('content-api', [
    ['GET /tests', 'public.tests', user],
    ['POST /launches', 'public.launch', user],
    ['GET /jwks', 'lti.jwks', open],
    ['GET /lti/auth', 'lti.auth', open],
    ['POST /lti/auth', 'lti.auth', open],
    ['POST /lti/token', 'lti.token', open],
    ['GET /lti/:clientId/lineitems', 'lti.lineItems', open],
    ['GET /lti/:clientId/lineitems/:test', 'lti.lineItem', open],
    ['POST /lti/:clientId/lineitems/:test/scores', 'lti.score', open],
    ['POST /callback/:clientId', 'lti.callback', open],
    ...desktopContentRoutes,
  ]),
  admin: router('admin', [
    ['GET /partners', 'admin.list', can('manage')],
    ['POST /partners', 'admin.create', can('manage')],
    ['GET /partners/:id', 'admin.get', can('manage')],
    ['PUT /partners/:id', 'admin.update', can('manage')],
    ['POST /partners/:id/secret', 'admin.rotate', can('manage')],
    ['GET /partners/:id/events', 'admin.events', can('manage')],
    ['GET /scales', 'admin.scales', can('manage')],
    ...desktopAdminRoutes,
  ]),
};

/** What the authenticated role may call. */
export const USER_ACTIONS = ['tests', 'launch'].map((a) => `plugin::partners.public.${a}`);
