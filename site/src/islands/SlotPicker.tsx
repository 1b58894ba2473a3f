import { useEffect, useMemo, useRef, useState } from 'react';
import { todayInKazakhstan } from '@qabilet/domain';
import { ApiError } from './api';
import { format, type Messages } from './Form';
import BookingCalendar, { MonthSwitch } from './BookingCalendar';
import BookingProblem from './BookingProblem';
import { listSlots, problemOf, type Problem, type Slot, type SlotQuery } from './booking-api';
import { addDays, addMonths, daysBetween, firstDay, lastDay, longDate, monthName, monthOf } from './booking-dates';

type Props = {
  locale: string;
  t: Messages;
  query: SlotQuery;
  /** Centre names by slug, to say whose slot it is when the query spans every centre. */
  centreNames?: Record<string, string>;
  /** The radio group's name, unique on the page. */
  name: string;
  value: Slot | null;
  onChange: (slot: Slot) => void;
  /** Slots known to be gone since they were listed (someone else just booked them). */
  taken?: ReadonlySet<string>;
  /** Told the month on show and its number of free times once they are in (and the last bookable date, once known). */
  onShown?: (shown: { month: string; count: number; last?: string }) => void;
};

type Loaded = { month: string; slots: Slot[] };

/**
 * Finds a free slot: a month's calendar with the day's times below it, or every time of the month
 * as one plain list. A month is one request; its answer says how far ahead the centre books.
 */
export default function SlotPicker({ locale, t, query, centreNames, name, value, onChange, taken, onShown }: Props) {
  // Today is read in the browser, after the static HTML, so a page built yesterday is still right.
  const [today, setToday] = useState<string>();
  const [month, setMonth] = useState<string>();
  const [last, setLast] = useState<string>();
  const [loaded, setLoaded] = useState<Loaded>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [attempt, setAttempt] = useState(0);
  const [day, setDay] = useState<string | undefined>(value?.date);
  const [asList, setAsList] = useState(false);
  const movedOn = useRef(false);

  useEffect(() => {
    const now = todayInKazakhstan();
    setToday(now);
    setMonth(value ? monthOf(value.date) : monthOf(now));
    // Once: later changes of `value` are the visitor's own choices within this month.
  }, []);

  useEffect(() => {
    if (!today || !month) return;
    let live = true;
    setProblem(null);
    loadMonth(query, month, today, last, locale).then(
      (result) => {
        if (!live) return;
        if (result.horizonDays !== undefined) setLast(addDays(today, result.horizonDays));
        // Nothing left this month (its last days, a holiday week): open on the next one instead.
        if (!result.slots.length && !value && month === monthOf(today) && !movedOn.current) {
          movedOn.current = true;
          setMonth(addMonths(month, 1));
          return;
        }
        setLoaded({ month, slots: result.slots });
      },
      (error) => live && setProblem(problemOf(error)),
    );
    return () => {
      live = false;
    };
    // `last` is learnt from these answers, so it does not start another one.
  }, [query, month, today, locale, attempt]);

  const slots = useMemo(() => (loaded && loaded.month === month ? loaded.slots.filter((s) => !taken?.has(s.id)) : null), [loaded, month, taken]);
  const byDate = useMemo(() => {
    const map = new Map<string, Slot[]>();
    for (const slot of slots ?? []) {
      const day = map.get(slot.date) ?? [];
      // Across every centre (online) dozens of specialists share each time: one of them per time is choice enough.
      if (centreNames && day.some((s) => s.time === slot.time)) continue;
      map.set(slot.date, [...day, slot]);
    }
    return map;
  }, [slots, centreNames]);
  const counts = useMemo(() => (slots ? new Map([...byDate].map(([date, list]) => [date, list.length])) : null), [slots, byDate]);
  useEffect(() => {
    if (slots && month) onShown?.({ month, count: [...byDate.values()].reduce((sum, list) => sum + list.length, 0), last });
  }, [slots, byDate, month, last]);

  if (!today || !month) return <p role="status">{t['booking.loading']}</p>;
  const monthText = monthName(t, month);
  const next = addMonths(month, 1);
  const nextOpen = !last || firstDay(next) <= last;
  const total = [...byDate.values()].reduce((sum, list) => sum + list.length, 0);
  const status = problem ? '' : !slots ? t['booking.loading'] : format(t[total ? 'booking.loaded' : 'booking.none'], { month: monthText, count: total });
  const label = (slot: Slot) =>
    format(t[centreNames ? 'booking.slot.withCentre' : 'booking.slot'], {
      time: slot.time,
      specialist: slot.specialist.name,
      centre: centreNames?.[slot.centre] ?? slot.centre,
    });

  return (
    <div className="slot-picker">
      <p role="status" className="slot-status">
        {status}
      </p>
      {problem ? <BookingProblem problem={problem} t={t} onRetry={() => setAttempt((n) => n + 1)} /> : null}
      {slots && slots.length === 0 ? (
        <p className="notice">
          {nextOpen ? (
            <button type="button" className="secondary" onClick={() => setMonth(next)}>
              {format(t['booking.none.next'], { month: monthName(t, next) })}
            </button>
          ) : (
            format(t['booking.none.horizon'], { date: longDate(t, last!) })
          )}
        </p>
      ) : null}
      <button type="button" className="secondary view-toggle" aria-pressed={asList} onClick={() => setAsList(!asList)}>
        {t['booking.view.list']}
      </button>
      {asList ? (
        <>
          <MonthSwitch t={t} month={month} today={today} last={last} onMonth={setMonth} title />
          {[...byDate].map(([date, list]) => (
            <SlotChoices key={date} legend={longDate(t, date)} name={name} slots={list} value={value} label={label} onChange={onChange} />
          ))}
        </>
      ) : (
        <>
          <BookingCalendar t={t} month={month} free={counts} selected={day} today={today} last={last} onMonth={setMonth} onSelect={setDay} />
          {day && byDate.get(day)?.length ? (
            <SlotChoices
              legend={format(t['booking.times'], { date: longDate(t, day) })}
              name={name}
              slots={byDate.get(day)!}
              value={value}
              label={label}
              onChange={onChange}
            />
          ) : slots?.length ? (
            <p className="hint">{t['booking.times.pickDay']}</p>
          ) : null}
        </>
      )}
    </div>
  );
}

/** A radio group of times; also how the nearest free slots are offered after a conflict. */
export function SlotChoices({
  legend,
  name,
  slots,
  value,
  label,
  onChange,
}: {
  legend: string;
  name: string;
  slots: Slot[];
  value: Slot | null;
  label: (slot: Slot) => string;
  onChange: (slot: Slot) => void;
}) {
  return (
    <fieldset className="slot-choices">
      <legend>{legend}</legend>
      <div className="slot-choices-list">
        {slots.map((slot) => (
          <label key={slot.id} className="choice">
            <input type="radio" name={name} value={slot.id} checked={value?.id === slot.id} onChange={() => onChange(slot)} /> {label(slot)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * One month's free slots from today on. A client cannot know a centre's horizon before its first
 * answer, so a range the server finds too long is halved until it fits.
 */
async function loadMonth(
  query: SlotQuery,
  month: string,
  today: string,
  last: string | undefined,
  locale: string,
): Promise<{ slots: Slot[]; horizonDays?: number }> {
  const from = firstDay(month) > today ? firstDay(month) : today;
  let to = last && last < lastDay(month) ? last : lastDay(month);
  if (to < from) return { slots: [] };
  for (;;) {
    try {
      const page = await listSlots(query, from, to, locale);
      return { slots: page.data, horizonDays: page.meta?.horizonDays };
    } catch (error) {
      const tooLong = error instanceof ApiError && error.status === 400 && error.fields.some((f) => f.path[0] === 'to' && f.code === 'range.tooLong');
      if (!tooLong || to === from) throw error;
      to = addDays(from, Math.floor(daysBetween(from, to) / 2));
    }
  }
}
