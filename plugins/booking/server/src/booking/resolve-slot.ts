/**
 * The slot a booking asks for, resolved and checked once for every path that books one — a user's
 * own booking (create.ts), a staff member's (staff.ts) and a user's move of a booking (lifecycle.ts):
 * the specialist takes bookings, offers the service and format, the centre offers the format, and the
 * start is a slot of the schedule, still ahead and free. A waitlist offer (waitlist/offers.ts) holds
 * its time already, so it only asks `activeSpecialist`. Free here is a reading, not a promise: the
 * cells (take-cells.ts) decide between two requests that both saw it free.
 */
import type { Core } from '@strapi/strapi';
import { kzDate, slotStanding, type Format, type Service } from '@qabilet/domain';
import { BookingError, invalid } from '../errors';
import { busyOf, exceptionsOf, holidays, policyOf, SPECIALIST, type CentrePolicy, type Specialist } from '../schedule';
import { nearestSlots } from '../slots';
import type { Row } from './rows';

/** The specialist, if they still take bookings. */
export const activeSpecialist = (strapi: Core.Strapi, id: number): Promise<Specialist | null> =>
  strapi.db.query(SPECIALIST).findOne({ where: { id, active: true } });

/** Whether `start` is a slot of the specialist's schedule for the service, and whether it is free now (packages/domain: slotStanding). */
export async function slotState(
  strapi: Core.Strapi,
  specialist: Specialist,
  policy: CentrePolicy,
  service: Service,
  start: Date,
  now: Date,
  ignoreBooking?: number,
) {
  const timing = specialist.timings?.[service];
  if (!timing) return 'unknown' as const;
  const date = kzDate(start);
  const [exceptions, days] = await Promise.all([exceptionsOf(strapi, [specialist.id], date, date), holidays(strapi)]);
  const query = { hours: specialist.hours, exceptions: exceptions.get(specialist.id) ?? [], holidays: days, timing, policy, now };
  const standing = slotStanding(query, start, []);
  // The booked time is read only for a slot that could still be booked.
  if (standing !== 'free') return standing;
  const busy = (await busyOf(strapi, [specialist.id], date, date, ignoreBooking)).get(specialist.id) ?? [];
  return slotStanding(query, start, busy);
}

/** 409 for a slot someone else holds, with the nearest free ones to pick instead. */
export const takenError = async (strapi: Core.Strapi, specialist: Specialist, service: Service, format: Format, start: Date, now: Date) =>
  new BookingError(409, { field: 'slot', code: 'slot.taken' }, { nearest: await nearestSlots(strapi, specialist.centre, service, format, start, now) });

export type SlotRequest = {
  slot: { specialistId: number; start: Date };
  service: Service;
  format: Format;
  /** The booking being moved there: the slot must be of its centre, and the booking's own time counts as free. */
  moving?: Row;
};

export type ResolvedSlot = { specialist: Specialist; policy: CentrePolicy; start: Date };

/** The specialist and centre policy of the slot, with the service and format they offer (400 otherwise). */
export async function resolveSlot(strapi: Core.Strapi, r: SlotRequest): Promise<ResolvedSlot> {
  const specialist = await activeSpecialist(strapi, r.slot.specialistId);
  const policy = specialist ? await policyOf(strapi, specialist.centre) : undefined;
  if (!specialist || !policy || (r.moving && specialist.centre !== r.moving.centre)) throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (!specialist.services.includes(r.service) || !specialist.formats.includes(r.format)) throw invalid({ field: 'slot', code: 'slot.mismatch' });
  // A booking moved keeps the format it was made in.
  if (!r.moving && !policy.formats.includes(r.format)) throw invalid({ field: 'format', code: 'format.notOffered' });
  return { specialist, policy, start: r.slot.start };
}

/** Whether the resolved slot is free now or taken; 400 for a time that is no slot, or no longer one. */
export async function checkSlot(strapi: Core.Strapi, r: SlotRequest, { specialist, policy, start }: ResolvedSlot, now: Date): Promise<'free' | 'taken'> {
  const ignore = r.moving && specialist.id === r.moving.specialist?.id ? r.moving.id : undefined;
  const state = await slotState(strapi, specialist, policy, r.service, start, now, ignore);
  if (state === 'unknown') throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (state === 'past') throw invalid({ field: 'slot', code: 'slot.past' });
  return state;
}
