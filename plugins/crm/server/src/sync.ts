/**
 * The registry follows the bookings: a booking made on the site makes its request in the same
 * transaction (source `site`), a booking an operator made for a request is linked to it, and every
 * later change of a booking (confirmed, rescheduled, completed, no-show, cancelled) moves its
 * request along, with a line in the request's history.
 */
import type { Core } from '@strapi/strapi';
import { statusOfBooking } from '@qabilet/domain';
import type { BookingChange } from '@qabilet/strapi-plugin-booking/strapi-server';
import { entry, insertRequest, rowBy, updateRequest, historyOf, REQUEST, type Actor } from './store';

const actorOf = (change: BookingChange): Actor => ({ kind: change.actor.by, ...(change.actor.id !== undefined ? { id: change.actor.id } : {}) });

/** The region a person lives in, for the registry (a child's own region, else the user's). */
async function regionOf(strapi: Core.Strapi, userId: number | null, childId: number | null): Promise<string | null> {
  if (childId) return (await strapi.db.query('api::child.child').findOne({ where: { id: childId }, select: ['region'] }))?.region ?? null;
  if (userId) return (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: userId }, select: ['region'] }))?.region ?? null;
  return null;
}

export async function followBooking(change: BookingChange, strapi: Core.Strapi): Promise<void> {
  const b = change.booking;
  const now = new Date();
  const status = statusOfBooking(b.status);
  if (change.kind === 'created') {
    const linked = change.requestId ? await rowBy(strapi, { id: change.requestId }) : undefined;
    if (linked) {
      const ok = await updateRequest(
        strapi,
        linked,
        { bookingId: b.id, status, specialistId: b.specialistId, centre: b.centre, service: b.service, format: b.format },
        entry(now, actorOf(change), 'booked', { changes: { status, booking: b.documentId, start: b.start } }),
      );
      // The request moved under the operator (closed by someone else meanwhile): undo the booking.
      if (!ok) throw new Error('crm: the request changed while it was being booked');
      return;
    }
    await insertRequest(strapi, {
      source: 'site',
      status,
      service: b.service,
      format: b.format,
      personKind: b.childId ? 'child' : 'user',
      userId: b.userId,
      childId: b.childId,
      region: await regionOf(strapi, b.userId, b.childId),
      centre: b.centre,
      specialistId: b.specialistId,
      bookingId: b.id,
      history: [entry(now, actorOf(change), 'created', { changes: { status, booking: b.documentId, start: b.start } })],
    });
    return;
  }
  const row = await rowBy(strapi, { booking_id: b.id });
  if (!row) return;
  const data: Record<string, unknown> = { status, specialistId: b.specialistId };
  const changes: Record<string, unknown> = { status };
  if (change.kind === 'rescheduled') changes.start = b.start;
  // A status written by the request's own transitions stays consistent with the booking's.
  await strapi.db.query(REQUEST).update({
    where: { id: row.id },
    data: { ...data, history: [...historyOf(row), entry(now, actorOf(change), change.kind, { changes, ...(change.reason ? { note: change.reason } : {}) })] },
  });
}
