/**
 * A booking's moves after it is made: the user cancels or reschedules their own (within the
 * centre's notice, packages/domain: userChangeRefusal); `move` is every status change, the staff's
 * included (staff.ts). Each is one transaction that re-reads the booking, updates it and its
 * history, frees or takes its cells and queues the news; the listeners hear of it after the commit.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { canMove, checkReason, readSlotId, userChangeRefusal, type BookingStatus } from '@qabilet/domain';
import { BookingError, invalid } from '../errors';
import { changedAfter, changedInside, changeOf, type BookingChange } from '../events';
import { BOOKING, policyOf, type CentrePolicy } from '../schedule';
import { forgetSlots } from '../slots';
import { tell } from './news';
import { accounts } from './person';
import { allowOnly, objectBody } from './request';
import { checkSlot, resolveSlot, takenError } from './resolve-slot';
import { entry, isDocumentId, LIVE, loadBooking, type Actor, type Row } from './rows';
import { freeCells, SlotTaken, takeCells } from './take-cells';

/** The reason a body gives (400 when it is not a valid one). */
export function reasonOf(body: Record<string, unknown>, required: boolean): string | undefined {
  const checked = checkReason(body.reason, required);
  if ('problem' in checked) throw invalid(checked.problem);
  return checked.reason;
}

/** The user's own booking (theirs or a child's), or 404 — the same answer whether it exists or not. */
async function ownBooking(strapi: Core.Strapi, userId: number, documentId: unknown): Promise<Row> {
  const row = isDocumentId(documentId) ? await loadBooking(strapi, { documentId, user: userId }) : null;
  if (!row) throw new BookingError(404, { code: 'booking.notFound' });
  return row;
}

function mayChange(row: Row, policy: CentrePolicy | undefined, now: Date) {
  const refusal = userChangeRefusal(row.status, new Date(row.start), now, policy?.changeNoticeMinutes ?? 0);
  if (refusal) throw invalid(refusal);
}

/** Moves a booking to `to`, keeps its history, frees its cells when it no longer holds the time. */
export async function move(strapi: Core.Strapi, row: Row, to: BookingStatus, actor: Actor, now: Date, reason?: string) {
  const change: BookingChange = changeOf({ ...row, status: to }, to === 'requested' ? 'created' : to, actor, reason ? { reason } : {});
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    // Re-read inside the transaction: a concurrent change wins once, not twice.
    const current = await strapi.db.query(BOOKING).findOne({ where: { id: row.id }, select: ['status', 'history'] });
    if (!canMove(current.status, to)) throw invalid({ code: 'booking.move', values: { from: current.status, to } });
    const updated = await strapi.db.query(BOOKING).update({
      where: { id: row.id, status: current.status },
      data: { status: to, history: [...(current.history ?? []), entry(now, actor, to, to, reason ? { reason } : {})] },
    });
    if (!updated) throw invalid({ code: 'booking.move', values: { from: current.status, to } });
    if (to === 'cancelled') await freeCells(trx, row.id);
    if (to === 'confirmed' || to === 'cancelled') await tell(strapi, trx, { ...row, status: to }, to, String((current.history ?? []).length), reason);
    await changedInside(strapi, change);
  });
  forgetSlots();
  changedAfter(strapi, change);
  await accounts(strapi).audit({
    actorType: actor.by === 'staff' ? 'admin' : actor.by,
    actorId: actor.id,
    action: `booking.${to}`,
    subjectType: BOOKING,
    subjectId: row.documentId,
  });
  return (await loadBooking(strapi, { id: row.id }))!;
}

export async function cancelByUser(strapi: Core.Strapi, userId: number, documentId: unknown, input: unknown, now: Date) {
  const body = objectBody(input ?? {});
  const problems = allowOnly(body, ['reason']);
  if (problems.length) throw invalid(problems);
  const reason = reasonOf(body, false);
  const row = await ownBooking(strapi, userId, documentId);
  mayChange(row, await policyOf(strapi, row.centre), now);
  return move(strapi, row, 'cancelled', { by: 'user', id: userId }, now, reason);
}

export async function rescheduleByUser(strapi: Core.Strapi, userId: number, documentId: unknown, input: unknown, now: Date) {
  const body = objectBody(input);
  const problems = allowOnly(body, ['slot']);
  const read = readSlotId(body.slot);
  if ('problem' in read) problems.push(read.problem);
  if (problems.length || !('slot' in read)) throw invalid(problems);
  const row = await ownBooking(strapi, userId, documentId);
  mayChange(row, await policyOf(strapi, row.centre), now);
  const request = { slot: read.slot, service: row.service, format: row.format, moving: row };
  const resolved = await resolveSlot(strapi, request);
  const { specialist, policy, start } = resolved;
  if ((await checkSlot(strapi, request, resolved, now)) === 'taken') throw await takenError(strapi, specialist, row.service, row.format, start, now);

  const timing = specialist.timings[row.service]!;
  const end = new Date(start.getTime() + timing.slotMinutes * 60_000);
  const status: BookingStatus = policy.autoConfirm ? 'confirmed' : 'requested';
  let rescheduled: BookingChange | undefined;
  try {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const current = await strapi.db.query(BOOKING).findOne({ where: { id: row.id }, select: ['status', 'history', 'start'] });
      if (!LIVE.includes(current.status)) throw invalid({ code: 'booking.final', values: { status: current.status } });
      const history = [
        ...(current.history ?? []),
        entry(now, { by: 'user', id: userId }, 'rescheduled', status, { from: new Date(current.start).toISOString() }),
      ];
      await strapi.db
        .query(BOOKING)
        .update({ where: { id: row.id }, data: { specialist: specialist.id, start: start.toISOString(), end: end.toISOString(), status, history } });
      await freeCells(trx, row.id);
      await takeCells(trx, specialist.id, row.id, start, new Date(end.getTime() + timing.bufferMinutes * 60_000));
      const moved = (await loadBooking(strapi, { id: row.id }))!;
      await tell(strapi, trx, moved, 'rescheduled', String(history.length));
      rescheduled = changeOf(
        moved,
        'rescheduled',
        { by: 'user', id: userId },
        { from: { specialistId: row.specialist?.id ?? null, start: new Date(row.start).toISOString() } },
      );
      await changedInside(strapi, rescheduled);
    });
    forgetSlots();
    if (rescheduled) changedAfter(strapi, rescheduled);
  } catch (error) {
    // Someone took the time between our look and our commit: 409, as when we saw it taken.
    if (error instanceof SlotTaken) throw await takenError(strapi, specialist, row.service, row.format, start, now);
    throw error;
  }
  await accounts(strapi).audit({ actorType: 'user', actorId: userId, action: 'booking.reschedule', subjectType: BOOKING, subjectId: row.documentId });
  return (await loadBooking(strapi, { id: row.id }))!;
}
