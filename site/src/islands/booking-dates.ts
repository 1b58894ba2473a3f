/**
 * Calendar arithmetic and wording for the slot picker. Every date here is a Kazakhstan wall-clock
 * date `YYYY-MM-DD` (as the API gives it), never converted through the visitor's time zone.
 */
import { addDays, kzDate, kzTime, parseDate, WEEKDAYS, weekdayOf } from '@qabilet/domain';
import { format, type Messages } from './Form';

export { addDays };

/** `YYYY-MM` of a date. */
export const monthOf = (date: string) => date.slice(0, 7);
export const firstDay = (month: string) => `${month}-01`;

export function lastDay(month: string): string {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, mon!, 0)).toISOString().slice(0, 10);
}

export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number);
  return new Date(Date.UTC(year!, mon! - 1 + count, 1)).toISOString().slice(0, 7);
}

const utc = (date: string) => {
  const { year, month, day } = parseDate(date)!;
  return Date.UTC(year, month - 1, day);
};

/** 0 for Monday … 6 for Sunday. */
export const weekdayIndex = (date: string) => WEEKDAYS.indexOf(weekdayOf(date));

/** The weeks of a month, Monday first (as in Kazakhstan), with `null` for the neighbouring months' days. */
export function monthWeeks(month: string): Array<Array<string | null>> {
  const first = firstDay(month);
  const cells: Array<string | null> = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let date = first; monthOf(date) === month; date = addDays(date, 1)) cells.push(date);
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** Days between two dates (positive when `to` is later). */
export const daysBetween = (from: string, to: string) => Math.round((utc(to) - utc(from)) / 86_400_000);

/*
 * Names of months and weekdays come from the catalogues, not from the browser's Intl: browsers ship
 * date names for only some languages (Chromium has none for Kazakh and falls back to "2026 M12").
 */
const list = (t: Messages, key: string) => (t[key] ?? '').split(',');
const parts = (t: Messages, date: string) => {
  const { year, month, day } = parseDate(date)!;
  return { year, day, month: list(t, 'booking.calendar.monthsOf')[month - 1] ?? '', weekday: list(t, 'booking.calendar.weekdays')[weekdayIndex(date)] ?? '' };
};

/** "Tuesday, 1 December 2026" in the page's language. */
export const longDate = (t: Messages, date: string) => format(t['booking.calendar.date'], parts(t, date));
/** "1 December 2026". */
export const plainDate = (t: Messages, date: string) => format(t['booking.calendar.plainDate'], parts(t, date));
/** "December 2026". */
export function monthName(t: Messages, month: string): string {
  const [year, mon] = month.split('-').map(Number);
  return format(t['booking.calendar.month'], { year: year!, month: list(t, 'booking.calendar.months')[mon! - 1] ?? '' });
}

/** The weekdays' names, Monday first: short for the grid's heading, long for screen readers. */
export function weekdays(t: Messages): Array<{ short: string; long: string }> {
  const short = list(t, 'booking.calendar.weekdaysShort');
  return list(t, 'booking.calendar.weekdays').map((long, i) => ({ long, short: short[i] ?? long }));
}

/** An instant as Kazakhstan's date and time (UTC+5 by law, whatever the browser's time zone data says). */
export function kzDateTime(t: Messages, iso: string): { date: string; time: string } {
  const instant = new Date(iso);
  return { date: plainDate(t, kzDate(instant)), time: kzTime(instant) };
}
