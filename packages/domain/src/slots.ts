/**
 * Free slots of a specialist: the weekly hours, minus holidays and exceptions (leave, closures),
 * plus one-off extra hours, cut into slots of the service's length with its buffer after each, minus
 * what is already booked, within the centre's horizon and minimum notice. Pure: the caller gives the
 * clock, the bookings and the holidays.
 */
import { addDays, isLocalDate, kzDate, kzInstant, kzTime, minutesOf, weekdayOf, type Weekday } from './time.ts';

export const SERVICES = ['consultation', 'testing'] as const;
export type Service = (typeof SERVICES)[number];

export type WorkingHours = { day: Weekday; opens: string; closes: string };
export type ScheduleException = { kind: 'closed'; from: string; to: string } | { kind: 'extra'; date: string; opens: string; closes: string };
export type ServiceTiming = { slotMinutes: number; bufferMinutes: number };
export type BookingPolicy = { horizonDays: number; minNoticeMinutes: number };
export type Busy = { start: Date; end: Date };
export type Slot = { start: Date; end: Date; date: string; time: string };

export type SlotQuery = {
  hours: readonly WorkingHours[];
  exceptions: readonly ScheduleException[];
  holidays: ReadonlySet<string>;
  timing: ServiceTiming;
  policy: BookingPolicy;
  /** What is already taken, each interval including its own buffer. */
  busy: readonly Busy[];
  now: Date;
  from: string;
  to: string;
};

type Interval = { opens: number; closes: number };

function intervalsOn(date: string, q: Pick<SlotQuery, 'hours' | 'exceptions' | 'holidays'>): Interval[] {
  const extra = q.exceptions
    .filter((e): e is Extract<ScheduleException, { kind: 'extra' }> => e.kind === 'extra' && e.date === date)
    .map((e) => ({ opens: minutesOf(e.opens)!, closes: minutesOf(e.closes)! }));
  const closed = q.holidays.has(date) || q.exceptions.some((e) => e.kind === 'closed' && e.from <= date && date <= e.to);
  const weekly = closed ? [] : q.hours.filter((h) => h.day === weekdayOf(date)).map((h) => ({ opens: minutesOf(h.opens)!, closes: minutesOf(h.closes)! }));
  return [...weekly, ...extra].filter((i) => i.opens !== undefined && i.closes !== undefined && i.opens < i.closes).sort((a, b) => a.opens - b.opens);
}

const overlaps = (a: Busy, b: Busy) => a.start < b.end && b.start < a.end;

/** The free slots from `from` to `to` (local dates, inclusive), earliest first. */
export function freeSlots(q: SlotQuery): Slot[] {
  const { slotMinutes, bufferMinutes } = q.timing;
  if (slotMinutes <= 0 || bufferMinutes < 0) return [];
  const today = kzDate(q.now);
  const last = addDays(today, q.policy.horizonDays);
  const earliest = new Date(q.now.getTime() + q.policy.minNoticeMinutes * 60_000);
  const slots: Slot[] = [];
  const seen = new Set<number>();
  for (let date = q.from > today ? q.from : today; date <= q.to && date <= last; date = addDays(date, 1)) {
    for (const interval of intervalsOn(date, q)) {
      for (let m = interval.opens; m + slotMinutes <= interval.closes; m += slotMinutes + bufferMinutes) {
        const start = kzInstant(date, m);
        const end = new Date(start.getTime() + slotMinutes * 60_000);
        const held = { start, end: new Date(end.getTime() + bufferMinutes * 60_000) };
        if (start < earliest || seen.has(start.getTime()) || q.busy.some((b) => overlaps(held, b))) continue;
        seen.add(start.getTime());
        slots.push({ start, end, date, time: kzTime(start) });
      }
    }
  }
  return slots.sort((a, b) => a.start.getTime() - b.start.getTime());
}

export type RangeProblem = { field: 'from' | 'to'; code: 'date.malformed' | 'range.past' | 'range.order' | 'range.tooLong' };

/** A requested range of days: real dates, not before today, in order, within the horizon. */
export function checkRange(from: unknown, to: unknown, now: Date, policy: BookingPolicy): RangeProblem[] {
  const problems: RangeProblem[] = [];
  if (!isLocalDate(from)) problems.push({ field: 'from', code: 'date.malformed' });
  if (!isLocalDate(to)) problems.push({ field: 'to', code: 'date.malformed' });
  if (problems.length) return problems;
  const today = kzDate(now);
  if ((to as string) < today) problems.push({ field: 'to', code: 'range.past' });
  else if ((to as string) < (from as string)) problems.push({ field: 'to', code: 'range.order' });
  else if ((to as string) > addDays(today, policy.horizonDays)) problems.push({ field: 'to', code: 'range.tooLong' });
  return problems;
}

export const BOOKING_STATUSES = ['requested', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

const NEXT: Record<BookingStatus, readonly BookingStatus[]> = {
  requested: ['confirmed', 'cancelled'],
  confirmed: ['completed', 'cancelled', 'no_show'],
  completed: [],
  cancelled: [],
  no_show: [],
};

/** Whether a booking may go from one status to another (completed, cancelled and no-show are final). */
export const canMove = (from: BookingStatus, to: BookingStatus): boolean => NEXT[from].includes(to);

/** Whether the user may still cancel or reschedule a booking starting at `start`. */
export const userMayChange = (start: Date, now: Date, noticeMinutes: number): boolean => start.getTime() - now.getTime() >= noticeMinutes * 60_000;
