/**
 * The rollups follow their sources as they change: the booking plugin's changes (its `after`
 * events, and the bookings' database lifecycles for writes that bypass them), the CRM's requests
 * (lifecycles), the assessment plugin's results and written recommendations (its events), and the
 * registry of users (a person refreshed — where they live, born when — or their talents
 * re-evaluated, told by the talent plugin). A change queues the person's key; the queue is
 * refreshed after the change commits, one batch at a time, in order. Only ids and counts are logged.
 */
import type { Core } from '@strapi/strapi';
import { followModels, keyQueue, servicesOf } from '@qabilet/plugin-kit/server';
import type { BookingServices } from '@qabilet/strapi-plugin-booking/strapi-server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { TalentServices } from '@qabilet/strapi-plugin-talent/strapi-server';
import { refreshPeople } from './refresh';
import { BOOKING, BOOKING_COLUMNS, REQUEST, SPECIALIST, STAFF_PROFILE, bookingKey, bookingRows, bookingTables, forgetStaffing, requestKey } from './sources';

const refreshes = keyQueue('stats', refreshPeople);

/** Queues people for a refresh once the current transaction (if any) commits. */
export const queueRefresh = (strapi: Core.Strapi, keys: Iterable<string>): void => refreshes.queue(strapi, keys);

/** Waits until every queued refresh is done — the registry's first (its refreshes tell this queue of people). */
export async function settled(strapi: Core.Strapi): Promise<void> {
  const talent = servicesOf<TalentServices>(strapi, 'talent');
  do await talent('talents').settled();
  while (!(await refreshes.settle()));
}

export const stopFollowing = () => refreshes.stop();

/** Whom these bookings count for. */
async function bookingKeys(strapi: Core.Strapi, ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const t = bookingTables(strapi);
  const rows = await bookingRows(strapi.db.connection, t).whereIn('b.id', ids).select(BOOKING_COLUMNS(t));
  return rows.map(bookingKey);
}

type Event = { model: { uid: string }; result?: Record<string, unknown> | null; params?: { where?: Record<string, unknown> } };
const idOf = (v: unknown): number | null => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);
function idsOf(event: Event): number[] {
  const id = idOf(event.result?.id);
  if (id !== null) return [id];
  const where = event.params?.where?.id;
  const list = where && typeof where === 'object' && Array.isArray((where as { $in?: unknown }).$in) ? (where as { $in: unknown[] }).$in : [where];
  return list.map(idOf).filter((n): n is number => n !== null);
}

async function keysOf(strapi: Core.Strapi, event: Event): Promise<string[]> {
  if (event.model.uid === BOOKING) return bookingKeys(strapi, idsOf(event).slice(0, 1000));
  const r = event.result ?? {};
  if (r.personKind)
    return [
      requestKey({
        person_kind: String(r.personKind),
        user_id: idOf(r.userId),
        child_id: idOf(r.childId),
        phone: (r.phone as string) ?? null,
        id: Number(r.id),
      }),
    ];
  // A request changed by ids only (an updateMany): its rows say whose.
  const ids = idsOf(event);
  if (!ids.length) return [];
  const rows = await strapi.db.connection('crm_requests').whereIn('id', ids.slice(0, 1000)).select('id', 'person_kind', 'user_id', 'child_id', 'phone');
  return rows.map(requestKey);
}

export function followSources(strapi: Core.Strapi): void {
  refreshes.start();
  const booking = servicesOf<BookingServices>(strapi, 'booking');
  booking('events').on('after', (change) =>
    bookingKeys(strapi, [change.booking.id]).then((keys) =>
      queueRefresh(strapi, [
        ...keys,
        ...(change.booking.childId ? [`c:${change.booking.childId}`] : change.booking.userId ? [`u:${change.booking.userId}`] : []),
      ]),
    ),
  );
  const assessment = servicesOf<AssessmentServices>(strapi, 'assessment');
  assessment('results').on((key) => queueRefresh(strapi, [key]));
  assessment('notes').on((key) => queueRefresh(strapi, [key]));
  servicesOf<TalentServices>(strapi, 'talent')('people').onRefreshed((keys) => queueRefresh(strapi, keys));

  // Looked up after the commit: the row a lifecycle names may not be visible to another connection before it.
  const on = (event: Event) => refreshes.queueFound(strapi, () => keysOf(strapi, event));
  // A deleted booking or request is gone by afterDelete: whose it was is taken before.
  const before = (event: Event) => void keysOf(strapi, event).then((keys) => keys.length && queueRefresh(strapi, keys));
  // Whose a specialist's bookings are (their admin user, their centre) is read from a cache: a change
  // of a specialist or a staff profile empties it, and a specialist's own bookings are counted again
  // (a staff profile's other changes are repaired by the nightly reconciliation).
  const staffChanged = (event: Event) => {
    forgetStaffing();
    const id = event.model.uid === SPECIALIST ? Number(event.result?.id) : NaN;
    if (!Number.isInteger(id)) return;
    const t = bookingTables(strapi);
    void strapi.db
      .connection(t.specialist.table)
      .where(t.specialist.other, id)
      .select(`${t.specialist.own} as id`)
      .then((rows: Array<{ id: number }>) =>
        bookingKeys(
          strapi,
          rows.map((r) => r.id),
        ),
      )
      .then((keys) => keys.length && queueRefresh(strapi, keys))
      .catch((e: Error) => strapi.log.warn(`stats: could not follow a specialist's change: ${e.name}`));
  };
  followModels(strapi, [SPECIALIST, STAFF_PROFILE], { written: staffChanged, deleted: staffChanged });
  followModels(strapi, [BOOKING, REQUEST], { written: on, beforeDelete: before });
}
