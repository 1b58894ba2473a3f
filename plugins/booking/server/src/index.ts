/**
 * The booking plugin's server: content types, routes, the admin permissions, the occupancy and
 * outbox tables, and the outbox worker (every instance runs one; the leases keep them apart).
 */
import type { Core } from '@strapi/strapi';
import contentTypes from './content-types';
import routes, { USER_ACTIONS } from './routes';
import makeControllers from './controllers';
import { ensureTables } from './tables';
import { deliverDue, purgeDelivered, queueReminders } from './outbox';
import { forgetPerson, remind } from './bookings';
import { seedBooking } from './seed';
import { registerConditions } from './scope';
import { EXCEPTION, forgetCache, HOLIDAY, POLICY, SPECIALIST } from './schedule';
import { forgetSlots } from './slots';

const forgetAll = () => {
  forgetCache();
  forgetSlots();
};

let timers: NodeJS.Timeout[] = [];
let stopped = false;

/** Gives the authenticated role the booking actions, once per database (staff may later revoke them). */
async function grantUsers(strapi: Core.Strapi): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: 'booking', key: 'granted' });
  if (await store.get()) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) return;
  for (const action of USER_ACTIONS) {
    if (!(await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } }))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
  await store.set({ value: true });
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
  stopped = false;
  timers = [setInterval(tick, every), setInterval(hourly, Number(process.env.BOOKING_REMINDER_INTERVAL_MS ?? 10 * 60_000))];
  for (const t of timers) t.unref();
}

export default {
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
    await grantUsers(strapi);
  },
  destroy() {
    stopped = true;
    for (const t of timers) clearInterval(t);
    timers = [];
  },
  contentTypes,
  routes,
  controllers: {
    public: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).public,
    admin: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).admin,
  },
  services: {
    seed: ({ strapi }: { strapi: Core.Strapi }) => ({ run: (options: { demo: boolean }) => seedBooking(strapi, options) }),
    // Started by the application once its own bootstrap (and seed) is done: a delivery pass during
    // a long seed transaction would only wait for the database.
    // What the accounts ask of the plugin when a person's data must go.
    people: ({ strapi }: { strapi: Core.Strapi }) => ({ forget: (userId: number, now: Date) => forgetPerson(strapi, userId, now) }),
    worker: ({ strapi }: { strapi: Core.Strapi }) => ({ start: () => startWorker(strapi) }),
  },
};
