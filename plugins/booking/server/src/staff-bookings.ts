/**
 * Bookings made by staff for someone else: a call-centre operator or a centre's staff books a slot
 * for a registered user, a parent's child, or a caller without an account (a lead: a name and a
 * phone). The same rules hold as for a user's own booking — the slot must exist and be free, the
 * database's cells refuse a double booking, a registered person's consent is checked — and the
 * news goes to the person, not to the staff member.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { decodeSlotId, FORMATS, SERVICES, type BookingStatus, type Format, type Service } from '@qabilet/domain';
import { BookingError, invalid } from './errors';
import { policyOf, SPECIALIST, BOOKING, type Specialist } from './schedule';
import { forgetSlots } from './slots';
import { accounts, contactOf, SlotTaken, slotState, takeCells, takenError, tell, videoRoom, type Row } from './bookings';
import { changedAfter, changedInside, changeOf } from './events';
import { isUniqueViolation } from './tables';

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
  let child: Row['child'] = null;
  if ('userId' in person) {
    const user = await contactOf(strapi, person.userId);
    if (!user) throw invalid({ field: 'person', code: 'booking.notFound' });
    const consent = await accounts(strapi).consentState(user);
    if (!consent.own || !consent.servicesAllowed) throw new BookingError(403, { code: consent.parentalNeeded && !consent.parental ? 'consent.parental' : 'consent.missing' });
    if (person.childId) {
      child = await strapi.db.query('api::child.child').findOne({ where: { id: person.childId, parent: person.userId }, select: ['id', 'documentId', 'firstName', 'surname'] });
      if (!child) throw invalid({ field: 'child', code: 'child.unknown' });
      if (!(await accounts(strapi).childConsentGiven(person.userId, child.id))) throw new BookingError(403, { field: 'child', code: 'consent.child' });
    }
  }

  const start = slot.start;
  const state = await slotState(strapi, specialist, policy, input.service, start, now);
  if (state === 'unknown') throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (state === 'past') throw invalid({ field: 'slot', code: 'slot.past' });
  if (state === 'taken') throw await takenError(strapi, specialist, input.service, input.format, start, now);

  const timing = specialist.timings[input.service]!;
  const end = new Date(start.getTime() + timing.slotMinutes * 60_000);
  const heldUntil = new Date(end.getTime() + timing.bufferMinutes * 60_000);
  // A staff member agreed the time with the person: it needs no second confirmation.
  const status: BookingStatus = 'confirmed';
  const actor = { by: 'staff' as const, id: input.adminId };
  let booked: Row;
  try {
    booked = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }): Promise<Row> => {
      const created = await strapi.db.query(BOOKING).create({
        data: {
          user: 'userId' in person ? person.userId : null, child: child?.id ?? null, lead: 'lead' in person ? person.lead : null,
          specialist: specialist.id, centre: specialist.centre, service: input.service, format: input.format, status,
          start: start.toISOString(), end: end.toISOString(), videoLink: input.format === 'online' ? videoRoom(policy) : null,
          history: [{ at: now.toISOString(), by: 'staff', actor: input.adminId, action: 'created', status }],
        },
      });
      try {
        await takeCells(trx, specialist.id, created.id, start, heldUntil);
      } catch (error) {
        if (isUniqueViolation(error)) throw new SlotTaken();
        throw error;
      }
      const row: Row = { ...created, user: 'userId' in person ? { id: person.userId } : null, child, specialist };
      await tell(strapi, trx, row, status, '0');
      await changedInside(strapi, changeOf(row, 'created', actor, { requestId: input.requestId }));
      await accounts(strapi).audit({ actorType: 'admin', actorId: input.adminId, action: 'booking.create', subjectType: BOOKING, subjectId: created.documentId });
      return row;
    });
  } catch (error) {
    if (error instanceof SlotTaken) throw await takenError(strapi, specialist, input.service, input.format, start, now);
    throw error;
  }
  forgetSlots();
  changedAfter(strapi, changeOf(booked, 'created', actor, { requestId: input.requestId }));
  return booked;
}
