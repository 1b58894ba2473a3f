/** Days and weeks as Kazakhstan's calendar dates (`YYYY-MM-DD`, Asia/Almaty), never the browser's zone. */
import { addDays, WEEKDAYS, weekdayOf } from '@qabilet/domain';

export type View = 'day' | 'week';

export function rangeOf(view: View, anchor: string): { from: string; to: string } {
  if (view === 'day') return { from: anchor, to: anchor };
  const monday = addDays(anchor, -WEEKDAYS.indexOf(weekdayOf(anchor)));
  return { from: monday, to: addDays(monday, 6) };
}

export const moveBy = (view: View, anchor: string, direction: 1 | -1) => addDays(anchor, direction * (view === 'day' ? 1 : 7));

/** A calendar date as a Date at its UTC midnight, to be formatted with `timeZone: 'UTC'` so it never shifts a day. */
export const asUtcMidnight = (date: string) => new Date(`${date}T00:00:00Z`);
