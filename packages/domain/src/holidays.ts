import { addDays, weekdayOf } from './time.ts';

/**
 * Kazakhstan's public holidays (days off under the Labour Code, art. 84–85 and the Law "On
 * holidays"): the fixed-date ones, and a holiday on a Saturday or Sunday moves the day off to the
 * next working day — except the religious holidays, which never move. Kurban Ait's date follows the
 * lunar calendar and is fixed each year by the Government; the dates here are the expected ones and
 * a centre can correct them in the admin.
 */
export type Holiday = { date: string; key: string; movedFrom?: string };

const FIXED: Array<{ month: number; day: number; key: string; religious?: boolean }> = [
  { month: 1, day: 1, key: 'new-year' },
  { month: 1, day: 2, key: 'new-year' },
  { month: 1, day: 7, key: 'orthodox-christmas', religious: true },
  { month: 3, day: 8, key: 'womens-day' },
  { month: 3, day: 21, key: 'nauryz' },
  { month: 3, day: 22, key: 'nauryz' },
  { month: 3, day: 23, key: 'nauryz' },
  { month: 5, day: 1, key: 'unity-day' },
  { month: 5, day: 7, key: 'defenders-day' },
  { month: 5, day: 9, key: 'victory-day' },
  { month: 7, day: 6, key: 'capital-day' },
  { month: 8, day: 30, key: 'constitution-day' },
  { month: 10, day: 25, key: 'republic-day' },
  { month: 12, day: 16, key: 'independence-day' },
];

/** Kurban Ait, first day (10 Dhu al-Hijjah), as expected for the year. */
export const KURBAN_AIT: Record<number, string> = { 2025: '2025-06-06', 2026: '2026-05-27', 2027: '2027-05-16', 2028: '2028-05-05' };

const pad = (n: number) => String(n).padStart(2, '0');
const weekend = (date: string) => ['sat', 'sun'].includes(weekdayOf(date));

export function kazakhstanHolidays(year: number): Holiday[] {
  const days: Holiday[] = FIXED.map((h) => ({ date: `${year}-${pad(h.month)}-${pad(h.day)}`, key: h.key }));
  if (KURBAN_AIT[year]) days.push({ date: KURBAN_AIT[year]!, key: 'kurban-ait' });
  const taken = new Set(days.map((d) => d.date));
  const religious = new Set(['orthodox-christmas', 'kurban-ait']);
  // Moved days off, in date order so that two weekend holidays in a row move to two different days.
  for (const holiday of [...days].sort((a, b) => a.date.localeCompare(b.date))) {
    if (religious.has(holiday.key) || !weekend(holiday.date)) continue;
    let next = addDays(holiday.date, 1);
    while (weekend(next) || taken.has(next)) next = addDays(next, 1);
    taken.add(next);
    days.push({ date: next, key: holiday.key, movedFrom: holiday.date });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}
