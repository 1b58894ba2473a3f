/**
 * A booking's own rules, pure (the caller gives the clock, the schedule and what is busy): whether a
 * requested start is a slot of the schedule and free, the slot id a request names, the reason given
 * for a cancellation, whether a user may still change a booking, and where a staff member's action
 * moves it. The booking server turns each problem into its localised refusal.
 */
import { decodeSlotId } from './schedule.ts';
import { canMove, freeSlots, userMayChange, type BookingStatus, type Busy, type Slot, type SlotQuery } from './slots.ts';
import { kzDate } from './time.ts';

/** The statuses in which a booking holds its time and may still change. */
export const LIVE_STATUSES: readonly BookingStatus[] = ['requested', 'confirmed'];

export type SlotStanding = 'unknown' | 'past' | 'taken' | 'free';

/**
 * Whether `start` is a slot of the schedule at all — seen from the day before it, so that a past
 * slot exists, but is past — then whether it is still ahead (horizon and notice), then whether it is
 * free of `busy`. With `busy` empty the answer is never `taken`: the caller reads the busy time only
 * for a slot that can still be booked.
 */
export function slotStanding(q: Omit<SlotQuery, 'busy' | 'from' | 'to'>, start: Date, busy: readonly Busy[]): SlotStanding {
  const date = kzDate(start);
  const day = { ...q, from: date, to: date };
  const has = (slots: Slot[]) => slots.some((s) => s.start.getTime() === start.getTime());
  const dayBefore = new Date(start.getTime() - 86_400_000);
  if (!has(freeSlots({ ...day, busy: [], now: dayBefore, policy: { horizonDays: 2, minNoticeMinutes: 0 } }))) return 'unknown';
  if (!has(freeSlots({ ...day, busy: [] }))) return 'past';
  return has(freeSlots({ ...day, busy })) ? 'free' : 'taken';
}

export type SlotIdProblem = { field: 'slot'; code: 'field.required' | 'slot.unknown' };

/** The specialist and start a request's slot id names, or why it names none. */
export function readSlotId(value: unknown): { slot: { specialistId: number; start: Date } } | { problem: SlotIdProblem } {
  const slot = decodeSlotId(value);
  return slot ? { slot } : { problem: { field: 'slot', code: value === undefined ? 'field.required' : 'slot.unknown' } };
}

export type ReasonProblem = { field: 'reason'; code: 'reason.required' | 'reason.tooLong' };

/** A reason for a cancellation: at most 500 characters, trimmed; empty is none (refused where one is required). */
export function checkReason(value: unknown, required: boolean): { reason: string | undefined } | { problem: ReasonProblem } {
  const missing = { problem: { field: 'reason', code: 'reason.required' } } as const;
  if (value === undefined || value === null || value === '') return required ? missing : { reason: undefined };
  if (typeof value !== 'string') return missing;
  if (value.length > 500) return { problem: { field: 'reason', code: 'reason.tooLong' } };
  const reason = value.trim();
  if (required && !reason) return missing;
  return { reason: reason || undefined };
}

export type ChangeProblem = { code: 'booking.final'; values: { status: BookingStatus } } | { code: 'booking.tooLate'; values: { hours: number } };

/** Why a user may no longer cancel or reschedule a booking (none when they may): it ended, or it starts within the centre's notice. */
export function userChangeRefusal(status: BookingStatus, start: Date, now: Date, noticeMinutes: number): ChangeProblem | undefined {
  if (!LIVE_STATUSES.includes(status)) return { code: 'booking.final', values: { status } };
  if (!userMayChange(start, now, noticeMinutes)) return { code: 'booking.tooLate', values: { hours: Math.round(noticeMinutes / 6) / 10 } };
  return undefined;
}

/** What each action of the staff does to a booking. */
export const STAFF_MOVES = { confirm: 'confirmed', complete: 'completed', 'no-show': 'no_show', cancel: 'cancelled' } as const;
export type StaffAction = keyof typeof STAFF_MOVES;
export const isStaffAction = (a: unknown): a is StaffAction => typeof a === 'string' && a in STAFF_MOVES;

export type MoveProblem = { code: 'booking.move'; values: { from: BookingStatus; to: BookingStatus } } | { code: 'booking.notStarted' };

/** Why a staff member's action cannot move a booking (none when it can): not a move its status allows, or an outcome before the start. */
export function staffMoveRefusal(status: BookingStatus, action: StaffAction, start: Date, now: Date): MoveProblem | undefined {
  const to = STAFF_MOVES[action];
  if (!canMove(status, to)) return { code: 'booking.move', values: { from: status, to } };
  if ((to === 'completed' || to === 'no_show') && start > now) return { code: 'booking.notStarted' };
  return undefined;
}
