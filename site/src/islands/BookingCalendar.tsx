import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { format, type Messages } from './Form';
import { addDays, addMonths, firstDay, lastDay, longDate, monthName, monthOf, monthWeeks, weekdayIndex, weekdays } from './booking-dates';

type Props = {
  t: Messages;
  /** `YYYY-MM` on show. */
  month: string;
  /** Free slots per date of the month, or null while they load. */
  free: ReadonlyMap<string, number> | null;
  selected?: string;
  today: string;
  /** The last bookable date, once the server has said how far ahead it books. */
  last?: string;
  onMonth: (month: string) => void;
  onSelect: (date: string) => void;
};

const clamp = (date: string, min: string, max?: string) => (date < min ? min : max && date > max ? max : date);

/**
 * A month as a table of day buttons with one tab stop (roving focus): the arrow keys move by day
 * and week, Home and End to the week's ends, Page Up and Page Down by month. Days without free
 * slots stay reachable, so their label can say so, but do nothing when pressed.
 */
export default function BookingCalendar({ t, month, free, selected, today, last, onMonth, onSelect }: Props) {
  const hintId = `calendar-hint-${useId().replace(/:/g, '')}`;
  const table = useRef<HTMLTableElement>(null);
  const moved = useRef(false);
  const [focused, setFocused] = useState<string>();
  const names = useMemo(() => weekdays(t), [t]);
  const weeks = useMemo(() => monthWeeks(month), [month]);

  const inMonth = (date?: string): date is string => !!date && monthOf(date) === month && date >= today && (!last || date <= last);
  const firstFree = free ? [...free.keys()].filter((d) => (free.get(d) ?? 0) > 0).sort()[0] : undefined;
  const active = [focused, selected, firstFree].find(inMonth) ?? clamp(firstDay(month), today, last);

  // Focus follows the keys only: a re-render after loading never pulls focus into the grid.
  useEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    table.current?.querySelector<HTMLButtonElement>(`button[data-date="${active}"]`)?.focus();
  });

  const move = (date: string) => {
    const target = clamp(date, today, last);
    moved.current = true;
    setFocused(target);
    if (monthOf(target) !== month) onMonth(monthOf(target));
  };

  const byMonths = (count: number) => {
    const target = addMonths(month, count);
    const day = Math.min(Number(active.slice(8)), Number(lastDay(target).slice(8)));
    return `${target}-${String(day).padStart(2, '0')}`;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const weekday = weekdayIndex(active);
    const targets: Record<string, () => string> = {
      ArrowLeft: () => addDays(active, -1),
      ArrowRight: () => addDays(active, 1),
      ArrowUp: () => addDays(active, -7),
      ArrowDown: () => addDays(active, 7),
      Home: () => addDays(active, -weekday),
      End: () => addDays(active, 6 - weekday),
      PageUp: () => byMonths(-1),
      PageDown: () => byMonths(1),
    };
    const target = targets[event.key];
    if (!target) return;
    event.preventDefault();
    move(target());
  };

  const label = (date: string) => {
    const count = free?.get(date) ?? 0;
    if (!free) return longDate(t, date);
    return format(t[count > 0 ? 'booking.day.free' : 'booking.day.none'], { date: longDate(t, date), count });
  };

  return (
    <div className="booking-calendar">
      <MonthSwitch t={t} month={month} today={today} last={last} onMonth={onMonth} />
      <table ref={table} aria-describedby={hintId} aria-busy={!free || undefined}>
        <caption>{monthName(t, month)}</caption>
        <thead>
          <tr>
            {names.map((name) => (
              <th key={name.long} scope="col">
                <span aria-hidden="true">{name.short}</span>
                <span className="visually-hidden">{name.long}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean)}>
              {week.map((date, i) => {
                if (!date) return <td key={`empty-${i}`} />;
                const open = inMonth(date) && (free?.get(date) ?? 0) > 0;
                return (
                  <td key={date}>
                    <button
                      type="button"
                      data-date={date}
                      className={`day${open ? ' day-free' : ''}`}
                      tabIndex={date === active ? 0 : -1}
                      aria-label={label(date)}
                      aria-pressed={date === selected}
                      aria-disabled={!open || undefined}
                      aria-current={date === today ? 'date' : undefined}
                      onKeyDown={onKeyDown}
                      onFocus={() => setFocused(date)}
                      onClick={() => open && onSelect(date)}
                    >
                      {Number(date.slice(8))}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" id={hintId}>
        {t['booking.calendar.hint']}
      </p>
    </div>
  );
}

/** The previous and next month buttons (and, over the plain list, the month's name). Ends stay focusable, marked unavailable. */
export function MonthSwitch({
  t,
  month,
  today,
  last,
  onMonth,
  title,
}: {
  t: Messages;
  month: string;
  today: string;
  last?: string;
  onMonth: (month: string) => void;
  title?: boolean;
}) {
  const canGoBack = month > monthOf(today);
  const canGoOn = !last || month < monthOf(last);
  return (
    <div className="booking-calendar-nav">
      <button
        type="button"
        className="secondary month-previous"
        aria-disabled={!canGoBack || undefined}
        onClick={() => canGoBack && onMonth(addMonths(month, -1))}
      >
        {t['booking.month.previous']}
      </button>
      {title ? <p className="month-title">{monthName(t, month)}</p> : null}
      <button type="button" className="secondary month-next" aria-disabled={!canGoOn || undefined} onClick={() => canGoOn && onMonth(addMonths(month, 1))}>
        {t['booking.month.next']}
      </button>
    </div>
  );
}
