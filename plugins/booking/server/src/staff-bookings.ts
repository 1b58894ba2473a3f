/**
 * Bookings made by staff for someone else: a call-centre operator or a centre's staff books a slot
 * for a registered user, a parent's child, or a caller without an account (a lead: a name and a
 * phone). The same rules hold as for a user's own booking — the slot must exist and be free, the
 * database's cells refuse a double booking, a registered person's consent is checked — and the
 * news goes to the person, not to the staff member.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { decodeSlotId, FORMATS, SERVICES, type Format, type Service } from '@qabilet/domain';
import { invalid } from './errors';
import { policyOf, SPECIALIST, type Specialist } from './schedule';
import { forgetSlots } from './slots';
import { checkPerson, insertBooking, SlotTaken, slotState, takenError, type Row } from './bookings';
import { changedAfter, changeOf } from './events';

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
  const slot = decodeSlotId(input.slot);
  if (!slot) throw invalid({ field: 'slot', code: input.slot === undefined ? 'field.required' : 'slot.unknown' });
  if (!SERVICES.includes(input.service)) throw invalid({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(input.format)) throw invalid({ field: 'format', code: 'format.unknown' });
  const specialist: Specialist | null = await strapi.db.query(SPECIALIST).findOne({ where: { id: slot.specialistId, active: true } });
  const policy = specialist ? await policyOf(strapi, specialist.centre) : undefined;
  if (!specialist || !policy) throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (!specialist.services.includes(input.service) || !specialist.formats.includes(input.format)) throw invalid({ field: 'slot', code: 'slot.mismatch' });
  if (!policy.formats.includes(input.format)) throw invalid({ field: 'format', code: 'format.notOffered' });

  const person = input.person;
  let checked: Awaited<ReturnType<typeof checkPerson>> | undefined;
  if ('userId' in person) {
    // The registry knows a child by id; the consent rules by the parent's own reference to them.
    const child = person.childId ? await strapi.db.query('api::child.child').findOne({ where: { id: person.childId, parent: person.userId }, select: ['documentId'] }) : undefined;
    if (child === null) throw invalid({ field: 'child', code: 'child.unknown' });
    checked = await checkPerson(strapi, person.userId, child?.documentId ?? null);
  }

  const start = slot.start;
  const state = await slotState(strapi, specialist, policy, input.service, start, now);
  if (state === 'unknown') throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (state === 'past') throw invalid({ field: 'slot', code: 'slot.past' });
  if (state === 'taken') throw await takenError(strapi, specialist, input.service, input.format, start, now);

  // A staff member agreed the time with the person: it needs no second confirmation.
  const actor = { by: 'staff' as const, id: input.adminId };
  let booked: Row;
  try {
    booked = await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) =>
      insertBooking(strapi, trx, {
        person: 'userId' in person ? { userId: person.userId, user: checked!.user, child: checked!.child } : person, actor, status: 'confirmed', requestId: input.requestId,
        specialist, policy, service: input.service, format: input.format, start, now,
      }));
  } catch (error) {
    if (error instanceof SlotTaken) throw await takenError(strapi, specialist, input.service, input.format, start, now);
    throw error;
  }
  forgetSlots();
  changedAfter(strapi, changeOf(booked, 'created', actor, { requestId: input.requestId }));
  return booked;
}
