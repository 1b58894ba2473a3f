/**
 * Kazakhstan's clock. The whole country has kept one time zone, UTC+5 (Asia/Almaty), since
 * 1 March 2024, with no daylight saving, so local wall time converts to an instant by a fixed offset.
 */
export const KZ_OFFSET_MINUTES = 5 * 60;
export const KZ_TIME_ZONE = 'Asia/Almaty';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `year` has a 29 February (Gregorian: every 4th year, not centuries unless divisible by 400). */
export const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** The days of `month` (1–12) in `year`. */
export const daysInMonth = (year: number, month: number) => (month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31);

/** Whether day `day` of `month` of `year` exists on the calendar. */
export const isCalendarDay = (year: number, month: number, day: number) =>
  Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);

/** A calendar date `YYYY-MM-DD` that exists, or undefined. */
export function parseDate(input: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isCalendarDay(year, month, day) ? { year, month, day } : undefined;
}

/** The most a UTC offset can be (Kiribati is +14:00, Baker Island −12:00; ISO allows no more). */
export const MAX_OFFSET_MINUTES = 14 * 60;

/**
 * The instant of a wall-clock time at a UTC offset, or undefined when that day, time or offset does
 * not exist: an impossible day is refused, never rolled over into the next month the way
 * `Date.UTC` or `Date.parse` would; 24:00 and leap seconds are refused too.
 */
export function wallClockInstant(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  offsetMinutes = 0,
  millisecond = 0,
): Date | undefined {
  if (!isCalendarDay(year, month, day)) return undefined;
  const inRange = (v: number, max: number) => Number.isInteger(v) && v >= 0 && v <= max;
  if (!inRange(hour, 23) || !inRange(minute, 59) || !inRange(second, 59) || !inRange(millisecond, 999)) return undefined;
  if (!Number.isInteger(offsetMinutes) || Math.abs(offsetMinutes) > MAX_OFFSET_MINUTES) return undefined;
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute - offsetMinutes, second, millisecond);
  return date;
}

/** A UTC offset `Z`, `±HH:MM` (or `±HHMM` when `compact`) in minutes, or undefined when there is no such offset. */
export function parseOffset(zone: string, compact = false): number | undefined {
  if (zone === 'Z') return 0;
  const m = (compact ? /^([+-])(\d{2}):?(\d{2})$/ : /^([+-])(\d{2}):(\d{2})$/).exec(zone);
  if (!m || Number(m[3]) > 59) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return minutes > MAX_OFFSET_MINUTES ? undefined : (m[1] === '-' ? -1 : 1) * minutes;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The one strict reader of a date-time that comes from outside (webhooks, partners' callbacks,
 * answers' clocks): ISO 8601 / RFC 3339 `YYYY-MM-DDTHH:MM[:SS[.fraction]]` with a required `Z` or
 * `±HH:MM` offset (at most ±14:00). The day must exist (no 30 February, no 31 April, 29 February
 * only in a leap year), hours run 00–23 (24:00 is refused), minutes and seconds 00–59. A fraction
 * finer than milliseconds is cut to milliseconds. Anything else is undefined, never a guess.
 */
export function parseDateTime(input: unknown): Date | undefined {
  if (typeof input !== 'string' || input.length > 40) return undefined;
  const m = DATE_TIME.exec(input);
  if (!m) return undefined;
  const offset = parseOffset(m[8]!);
  if (offset === undefined) return undefined;
  const millisecond = m[7] ? Number(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  return wallClockInstant(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), offset, millisecond);
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD`. */
export const isLocalDate = (value: unknown): value is string => typeof value === 'string' && parseDate(value) !== undefined;

/** Minutes since midnight of `HH:MM`, or undefined. */
export function minutesOf(time: string): number | undefined {
  const m = TIME.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** The instant at local `date` + `minutes` after midnight in Kazakhstan. */
export function kzInstant(date: string, minutes: number): Date {
  const [y, mo, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, mo! - 1, d!, 0, minutes - KZ_OFFSET_MINUTES));
}

/** The local date `YYYY-MM-DD` in Kazakhstan at `instant`. */
export function kzDate(instant: Date): string {
  return new Date(instant.getTime() + KZ_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}

/** Today's date in Kazakhstan. */
export const todayInKazakhstan = (now: Date = new Date()): string => kzDate(now);

/** The local time `HH:MM` in Kazakhstan at `instant`. */
export function kzTime(instant: Date): string {
  return new Date(instant.getTime() + KZ_OFFSET_MINUTES * 60_000).toISOString().slice(11, 16);
}

/** `date` moved by `days` (negative goes back). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number);
  return WEEKDAYS[(new Date(Date.UTC(y!, m! - 1, d!)).getUTCDay() + 6) % 7]!;
}
