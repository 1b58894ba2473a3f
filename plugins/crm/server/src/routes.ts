/**
 * Admin routes under /crm, each behind an admin permission (the scope within it comes from
 * scope.ts), and the call-centre webhook under /api/crm, which authenticates by its signature.
 */
import { routeConfigs, router } from '@qabilet/plugin-kit/server';

const { can, open } = routeConfigs('crm');

export default {
  admin: router('admin', [
    ['GET /me', 'admin.me', can('read')],
    ['GET /requests', 'admin.list', can('read')],
    ['POST /requests', 'admin.create', can('intake')],
    ['POST /requests/bulk', 'admin.bulk', can('manage')],
    ['GET /requests/:id', 'admin.get', can('read')],
    ['POST /requests/:id/book', 'admin.book', can('intake')],
    ['POST /requests/:id/assign', 'admin.assign', can('manage')],
    // Who may close how is checked in the handler (complete for specialists, manage or intake for the rest).
    ['POST /requests/:id/close', 'admin.close', can('read')],
    ['GET /people', 'admin.people', can('intake')],
    ['GET /exports/templates', 'admin.templates', can('export')],
    ['GET /exports/requests', 'admin.export', can('export')],
    ['GET /calls/current', 'admin.currentCall', can('intake')],
  ]),
  'content-api': router('content-api', [['POST /call-events', 'public.callEvent', open]]),
};
