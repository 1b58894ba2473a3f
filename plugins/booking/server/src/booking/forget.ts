/**
 * When an account is anonymised: its future bookings are cancelled (their time freed), and the
 * messages queued or kept for them — which hold a phone number and an address — are deleted, as are
 * its idempotency keys. Past bookings stay, tied to the anonymised account, for the statistics.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { changedAfter, changedInside, changeOf, type BookingChange } from '../events';
import { BOOKING } from '../schedule';
import { forgetSlots } from '../slots';
import { CELLS, IDEMPOTENCY, OUTBOX } from '../tables';
import { forgetWaitlist } from '../waitlist-store';
import { entry, LIVE, populate, type Row } from './rows';

export async function forgetPerson(strapi: Core.Strapi, userId: number, now: Date): Promise<void> {
  const cancelled: BookingChange[] = [];
  // Joins the caller's transaction when there is one (the anonymisation runs in one).
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    const rows: Row[] = await strapi.db.query(BOOKING).findMany({ where: { user: userId }, populate });
    for (const r of rows.filter((b) => LIVE.includes(b.status) && new Date(b.start) > now)) {
      await strapi.db.query(BOOKING).update({
        where: { id: r.id },
        data: { status: 'cancelled', history: [...(r.history ?? []), entry(now, { by: 'system' }, 'cancelled', 'cancelled', { reason: 'account deleted' })] },
      });
      const change = changeOf({ ...r, status: 'cancelled' }, 'cancelled', { by: 'system' }, { reason: 'account deleted' });
      await changedInside(strapi, change);
      cancelled.push(change);
    }
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      await trx(CELLS).whereIn('booking_id', ids).delete();
      await trx(OUTBOX).whereIn('booking_id', ids).delete();
    }
    await trx(IDEMPOTENCY).where({ user_id: userId }).delete();
    // Their places on the waitlist go too; a time held for them is free for the next sweep.
    await forgetWaitlist(strapi, trx, userId);
  });
  forgetSlots();
  for (const change of cancelled) changedAfter(strapi, change);
}
