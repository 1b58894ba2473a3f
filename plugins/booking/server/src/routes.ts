/**
 * Public routes under /api/booking (slots need no account; the rest need a logged-in user with the
 * permission the plugin grants the authenticated role) and admin routes under /booking, each
 * behind an admin permission; the scope within it is worked out in scope.ts.
 */
import { routeConfigs, router } from '@qabilet/plugin-kit/server';

const { can, user, open } = routeConfigs('booking');

export default {
  'content-api': router('content-api', [
    ['GET /slots', 'public.slots', open],
    ['POST /bookings', 'public.create', user],
    ['GET /bookings/mine', 'public.mine', user],
    ['POST /bookings/:id/cancel', 'public.cancel', user],
    ['POST /bookings/:id/reschedule', 'public.reschedule', user],
    ['POST /waitlist', 'waitlist.join', user],
    ['GET /waitlist/mine', 'waitlist.mine', user],
    ['POST /waitlist/:id/leave', 'waitlist.leave', user],
    // The offer's token travels in the body: a path or a query would land in servers' logs.
    ['POST /offers/view', 'waitlist.view', user],
    ['POST /offers/accept', 'waitlist.accept', user],
    ['POST /offers/decline', 'waitlist.decline', user],
  ]),
  admin: router('admin', [
    ['GET /me', 'admin.me', can('read')],
    ['GET /bookings', 'admin.bookings', can('read')],
    ['POST /bookings/:id/:action', 'admin.act', can('manage')],
    ['GET /specialists/:id/schedule', 'admin.schedule', can('read')],
    ['PUT /specialists/:id/schedule', 'admin.updateSchedule', can('manage')],
    ['POST /specialists/:id/exceptions', 'admin.addException', can('manage')],
    ['DELETE /specialists/:id/exceptions/:exceptionId', 'admin.removeException', can('manage')],
  ]),
};

/** What the authenticated role may call (the controllers keep each user to their own bookings and waitlist). */
export const USER_ACTIONS = [
  ...['create', 'mine', 'cancel', 'reschedule'].map((a) => `plugin::booking.public.${a}`),
  ...['join', 'mine', 'leave', 'view', 'accept', 'decline'].map((a) => `plugin::booking.waitlist.${a}`),
];
