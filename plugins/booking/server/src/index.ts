/**
 * The booking plugin's server: content types, routes, the admin permissions, the occupancy and
 * outbox tables, and the worker (every instance runs one): the outbox's deliveries (the leases keep
 * instances apart) and the waitlist's sweep (its conditional updates do).
 */
import type { Core } from '@strapi/strapi';
import { grantOnce, type ServicesOf } from '@qabilet/plugin-kit/server';
import contentTypes from './content-types';
import routes, { USER_ACTIONS } from './routes';
import makeControllers from './controllers';
import makeWaitlistControllers from './waitlist-controllers';
import { ensureTables } from './tables';
import { deliverDue, purgeDelivered, queueReminders } from './outbox';
import { checkPerson } from './booking/person';
import { remind } from './booking/news';
import { actAsStaff, type StaffAction } from './booking/staff';
import { forgetPerson } from './booking/forget';
import { seedBooking } from './seed';
import { registerConditions } from './scope';
import { EXCEPTION, forgetCache, HOLIDAY, POLICY, SPECIALIST } from './schedule';
import { forgetSlots } from './slots';
import { onBookingChange } from './events';
import { offerFreedTime } from './waitlist';
import { sweepAfter } from './waitlist/sweep';
import { ensureOneLivePlace } from './waitlist-store';
import { createStaffBooking, type StaffBookingInput } from './staff-bookings';

const forgetAll = () => {
  forgetCache();
  forgetSlots();
};

let timers: NodeJS.Timeout[] = [];
let stopped = false;
let unsubscribe: (() => void) | undefined;

/**
 * Gives the authenticated role each booking action once per database: the store remembers which
 * were granted, so an action staff revoked stays revoked while one a new version adds is granted.
 */
async function grantUsers(strapi: Core.Strapi): Promise<void> {
  // `true`: granted by a version that knew only the four booking actions.
  await grantOnce(strapi, 'booking', USER_ACTIONS, (stored) => (stored ? USER_ACTIONS.filter((a) => a.startsWith('plugin::booking.public.')) : []));
}

function startWorker(strapi: Core.Strapi): void {
  const every = Number(process.env.BOOKING_OUTBOX_INTERVAL_MS ?? 2000);
  if (every <= 0) return;
  let busy = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      await deliverDue(strapi);
    } catch (error) {
      strapi.log.warn(`booking outbox: ${(error as Error).message}`);
    } finally {
      busy = false;
    }
  };
  const hourly = async () => {
    if (stopped) return;
    try {
      await queueReminders(strapi, (id) => remind(strapi, id));
      await purgeDelivered(strapi);
    } catch (error) {
      strapi.log.warn(`booking reminders: ${(error as Error).message}`);
    }
  };
  // The waitlist's sweep: expires offers not taken and offers what the event-driven sweeps missed.
  let sweeping = false;
  const sweep = async () => {
    if (sweeping || stopped) return;
    sweeping = true;
    try {
      await offerFreedTime(strapi, {}, new Date());
    } catch (error) {
      strapi.log.warn(`booking waitlist: ${(error as { code?: string }).code ?? (error as Error).name}`);
    } finally {
      sweeping = false;
    }
  };
  stopped = false;
  timers = [
    setInterval(tick, every),
    setInterval(hourly, Number(process.env.BOOKING_REMINDER_INTERVAL_MS ?? 10 * 60_000)),
    setInterval(sweep, Number(process.env.BOOKING_WAITLIST_INTERVAL_MS ?? 30_000)),
  ];
  for (const t of timers) t.unref();
}

const plugin = {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany([
      { section: 'plugins', displayName: 'See bookings and schedules', uid: 'read', pluginName: 'booking' },
      { section: 'plugins', displayName: 'Act on bookings and edit schedules', uid: 'manage', pluginName: 'booking' },
    ]);
    await registerConditions(strapi);
    // Edits in the Content Manager (policies, specialists, exceptions, holidays) show at once on this instance.
    strapi.db.lifecycles.subscribe({
      models: [POLICY, SPECIALIST, EXCEPTION, HOLIDAY],
      afterCreate: forgetAll,
      afterUpdate: forgetAll,
      afterDelete: forgetAll,
    });
    await ensureTables(strapi);
    await ensureOneLivePlace(strapi);
    await grantUsers(strapi);
    // Time a cancellation or a move frees goes to the waitlist of its centre (either service and
    // format: the specialist's time is free for both).
    unsubscribe = onBookingChange('after', (change, on) =>
      change.kind === 'cancelled' || change.kind === 'rescheduled' ? sweepAfter(on, { centre: change.booking.centre }) : undefined,
    );
  },
  destroy() {
    unsubscribe?.();
    stopped = true;
    for (const t of timers) clearInterval(t);
    timers = [];
  },
  contentTypes,
  routes,
  controllers: {
    public: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).public,
    admin: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).admin,
    waitlist: makeWaitlistControllers,
  },
  services: {
    seed: ({ strapi }: { strapi: Core.Strapi }) => ({ run: (options: { demo: boolean }) => seedBooking(strapi, options) }),
    // Started by the application once its own bootstrap (and seed) is done: a delivery pass during
    // a long seed transaction would only wait for the database.
    // What the accounts ask of the plugin when a person's data must go (forget), and what other
    // plugins ask of a person (check: the consents that open the services, and whose child it is).
    people: ({ strapi }: { strapi: Core.Strapi }) => ({
      forget: (userId: number, now: Date) => forgetPerson(strapi, userId, now),
      check: (userId: number, child: unknown) => checkPerson(strapi, userId, child),
    }),
    worker: ({ strapi }: { strapi: Core.Strapi }) => ({ start: () => startWorker(strapi) }),
    // Other plugins (the CRM registry, the waitlist) hear of booking changes here; see events.ts.
    events: () => ({ on: onBookingChange }),
    // Bookings staff make for someone else (the CRM's call-centre intake).
    staff: ({ strapi }: { strapi: Core.Strapi }) => ({
      book: (input: StaffBookingInput, now = new Date()) => createStaffBooking(strapi, input, now),
      act: (adminId: number, documentId: string, action: StaffAction, body: { reason?: string }, now = new Date()) =>
        actAsStaff(strapi, adminId, 'all', documentId, action, body, now),
    }),
  },
};

export default plugin;

/** What other plugins call (`servicesOf<BookingServices>(strapi, 'booking')`), and what they hear. */
export type BookingServices = ServicesOf<typeof plugin.services>;
export type { BookingChange } from './events';
