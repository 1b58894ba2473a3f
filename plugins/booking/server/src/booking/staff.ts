/**
 * What staff do with bookings: list their specialists' bookings, act on one (confirm, complete,
 * no-show, cancel: packages/domain's staffMoveRefusal), and book a slot for someone else — a
 * call-centre operator or a centre's staff books for a registered user, a parent's child, or a
 * caller without an account (a lead: a name and a phone). Such a booking is held to the same rules
 * as a user's own — the slot is resolved and checked as theirs (resolve-slot.ts), the cells refuse a
 * double booking, a registered person's consent is checked — but not to the person's limit
 * (tables.ts), and the news goes to the person, not to the staff member.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { FORMATS, readSlotId, SERVICES, STAFF_MOVES, staffMoveRefusal, type Format, type Service, type StaffAction } from '@qabilet/domain';
import { BookingError, invalid } from '../errors';
import { changedAfter, changeOf } from '../events';
import { BOOKING } from '../schedule';
import { forgetSlots } from '../slots';
import { insertBooking } from './insert';
import { move, reasonOf } from './lifecycle';
import { checkPerson } from './person';
import { allowOnly, objectBody } from './request';
import { checkSlot, resolveSlot, takenError } from './resolve-slot';
import { isDocumentId, loadBooking, populate, type Row } from './rows';
import { SlotTaken } from './take-cells';

export { isStaffAction, type StaffAction } from '@qabilet/domain';

/** A staff member's action on a booking of a specialist in their scope (`specialistIds`; 'all' for everyone). */
export async function actAsStaff(
  strapi: Core.Strapi,
  adminId: number,
  specialistIds: number[] | 'all',
  documentId: unknown,
  action: StaffAction,
  input: unknown,
  now: Date,
) {
  const body = objectBody(input ?? {});
  const problems = allowOnly(body, ['reason']);
  if (problems.length) throw invalid(problems);
  const reason = reasonOf(body, action === 'cancel');
  const row = isDocumentId(documentId) ? await loadBooking(strapi, { documentId }) : null;
  if (!row || (specialistIds !== 'all' && !specialistIds.includes(row.specialist?.id ?? -1))) throw new BookingError(404, { code: 'booking.notFound' });
  const refusal = staffMoveRefusal(row.status, action, new Date(row.start), now);
  if (refusal) throw invalid(refusal);
  return move(strapi, row, STAFF_MOVES[action], { by: 'staff', id: adminId }, now, reason);
}

export async function staffBookings(strapi: Core.Strapi, specialistIds: number[] | 'all', from: Date, to: Date): Promise<Row[]> {
  const where: Record<string, unknown> = { start: { $gte: from.toISOString(), $lt: to.toISOString() } };
  if (specialistIds !== 'all') where.specialist = { id: { $in: specialistIds } };
  return strapi.db.query(BOOKING).findMany({
    where,
    populate: { ...populate, user: { select: ['id', 'surname', 'firstName', 'phone'] } },
    orderBy: { start: 'asc' },
    limit: 1000,
  });
}

export type StaffBookingInput = {
  adminId: number;
  /** The registry request this booking answers (the CRM links it). */
  requestId?: number;
  slot: unknown;
  service: Service;
  format: Format;
  person: { userId: number; childId?: number | null } | { lead: { name: string; phone: string; language: string } };
};

export async function createStaffBooking(strapi: Core.Strapi, input: StaffBookingInput, now: Date): Promise<Row> {
  const read = readSlotId(input.slot);
  if ('problem' in read) throw invalid(read.problem);
  if (!SERVICES.includes(input.service)) throw invalid({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(input.format)) throw invalid({ field: 'format', code: 'format.unknown' });
  const request = { slot: read.slot, service: input.service, format: input.format };
  const resolved = await resolveSlot(strapi, request);
  const { specialist, policy, start } = resolved;

  const person = input.person;
  let checked: Awaited<ReturnType<typeof checkPerson>> | undefined;
  if ('userId' in person) {
    // The registry knows a child by id; the consent rules by the parent's own reference to them.
    const child = person.childId
      ? await strapi.db.query('api::child.child').findOne({ where: { id: person.childId, parent: person.userId }, select: ['documentId'] })
      : undefined;
    if (child === null) throw invalid({ field: 'child', code: 'child.unknown' });
    checked = await checkPerson(strapi, person.userId, child?.documentId ?? null);
  }

  if ((await checkSlot(strapi, request, resolved, now)) === 'taken') throw await takenError(strapi, specialist, input.service, input.format, start, now);

  // A staff member agreed the time with the person: it needs no second confirmation.
  const actor = { by: 'staff' as const, id: input.adminId };
  let booked: Row;
  try {
    booked = await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) =>
      insertBooking(strapi, trx, {
        person: 'userId' in person ? { userId: person.userId, user: checked!.user, child: checked!.child } : person,
        actor,
        status: 'confirmed',
        requestId: input.requestId,
        specialist,
        policy,
        service: input.service,
        format: input.format,
        start,
        now,
      }),
    );
  } catch (error) {
    if (error instanceof SlotTaken) throw await takenError(strapi, specialist, input.service, input.format, start, now);
    throw error;
  }
  forgetSlots();
  changedAfter(strapi, changeOf(booked, 'created', actor, { requestId: input.requestId }));
  return booked;
}
