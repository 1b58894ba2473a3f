/**
 * Public routes under /api/booking (slots need no account; the rest need a logged-in user with the
 * permission the plugin grants the authenticated role) and admin routes under /booking, each
 * behind an admin permission; the scope within it is worked out in scope.ts.
 */
const open = { auth: false as const, policies: [] };
const can = (action: 'read' | 'manage') => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: [`plugin::booking.${action}`] } }] });

export default {
  'content-api': {
    type: 'content-api',
    routes: [
      { method: 'GET', path: '/slots', handler: 'public.slots', config: open },
      { method: 'POST', path: '/bookings', handler: 'public.create', config: { policies: [] } },
      { method: 'GET', path: '/bookings/mine', handler: 'public.mine', config: { policies: [] } },
      { method: 'POST', path: '/bookings/:id/cancel', handler: 'public.cancel', config: { policies: [] } },
      { method: 'POST', path: '/bookings/:id/reschedule', handler: 'public.reschedule', config: { policies: [] } },
      { method: 'POST', path: '/waitlist', handler: 'waitlist.join', config: { policies: [] } },
      { method: 'GET', path: '/waitlist/mine', handler: 'waitlist.mine', config: { policies: [] } },
      { method: 'POST', path: '/waitlist/:id/leave', handler: 'waitlist.leave', config: { policies: [] } },
      // The offer's token travels in the body: a path or a query would land in servers' logs.
      { method: 'POST', path: '/offers/view', handler: 'waitlist.view', config: { policies: [] } },
      { method: 'POST', path: '/offers/accept', handler: 'waitlist.accept', config: { policies: [] } },
      { method: 'POST', path: '/offers/decline', handler: 'waitlist.decline', config: { policies: [] } },
    ],
  },
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/me', handler: 'admin.me', config: can('read') },
      { method: 'GET', path: '/bookings', handler: 'admin.bookings', config: can('read') },
      { method: 'POST', path: '/bookings/:id/:action', handler: 'admin.act', config: can('manage') },
      { method: 'GET', path: '/specialists/:id/schedule', handler: 'admin.schedule', config: can('read') },
      { method: 'PUT', path: '/specialists/:id/schedule', handler: 'admin.updateSchedule', config: can('manage') },
      { method: 'POST', path: '/specialists/:id/exceptions', handler: 'admin.addException', config: can('manage') },
      { method: 'DELETE', path: '/specialists/:id/exceptions/:exceptionId', handler: 'admin.removeException', config: can('manage') },
    ],
  },
};

/** What the authenticated role may call (the controllers keep each user to their own bookings and waitlist). */
export const USER_ACTIONS = [
  ...['create', 'mine', 'cancel', 'reschedule'].map((a) => `plugin::booking.public.${a}`),
  ...['join', 'mine', 'leave', 'view', 'accept', 'decline'].map((a) => `plugin::booking.waitlist.${a}`),
];
