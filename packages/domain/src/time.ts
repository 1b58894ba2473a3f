/**
 * Kazakhstan's clock. The whole country has kept one time zone, UTC+5 (Asia/Almaty), since
 * 1 March 2024, with no daylight saving, so local wall time converts to an instant by a fixed offset.
 */
export const KZ_OFFSET_MINUTES = 5 * 60;
export const KZ_TIME_ZONE = 'Asia/Almaty';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A calendar date `YYYY-MM-DD` that exists, or undefined. */
export function parseDate(input: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
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
