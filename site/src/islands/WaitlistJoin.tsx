import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { todayInKazakhstan } from '@qabilet/domain';
import { ErrorSummary, Field, format, useHydrated, type Messages } from './Form';
import BookingProblem from './BookingProblem';
import { joinWaitlist, problemOf, type Account, type Format, type Problem, type Service, type WaitlistEntry } from './booking-api';
import { addDays, firstDay, lastDay, longDate, monthName } from './booking-dates';
import PersonOptions from './booking/PersonOptions';
import type { BookingLinks } from './booking/useBooking';
import type { FieldError } from './api';

type Props = {
  locale: string;
  t: Messages;
  centre: { slug: string; name: string };
  service: Service;
  format: Format;
  /** The visitor's account: null when logged out, undefined while it loads. */
  account: Account | null | undefined;
  /** Whom the booking flow is for (a child's documentId, or '' for oneself): the form starts there. */
  child: string;
  /** The month the slot picker shows and how many free times it has, once known. */
  shown: { month: string; count: number; last?: string } | null;
  links: BookingLinks;
  headingLevel: 3 | 4;
};

// The form's own names: the booking flow on the same page has a `child` of its own.
const NAMES: Record<string, string> = { from: 'waitlist-from', to: 'waitlist-to', child: 'waitlist-child' };

/**
 * Joining the waitlist of a centre for a service and format between two dates (R-BOOK-1): offered
 * at once when the month on show has no free time, and as a quiet link otherwise.
 */
export default function WaitlistJoin(props: Props) {
  const { locale, t, centre, service, account, shown } = props;
  const { loginHref, cabinetHref, bookingsHref } = props.links;
  const H = props.headingLevel === 4 ? 'h4' : 'h3';
  const ids = useId().replace(/:/g, '');
  const ready = useHydrated();
  const [open, setOpen] = useState(false);
  const [today, setToday] = useState<string>();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [child, setChild] = useState(props.child);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [joined, setJoined] = useState<WaitlistEntry | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const result = useRef<HTMLHeadingElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  // Today is read in the browser, after the static HTML, as the slot picker does.
  useEffect(() => setToday(todayInKazakhstan()), []);
  useEffect(() => setChild(props.child), [props.child]);
  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);
  useEffect(() => {
    if (joined) result.current?.focus();
  }, [joined]);

  const last = shown?.last ?? (today ? addDays(today, 30) : undefined);
  const start = () => {
    // The dates start as the month on show (from today, up to the last bookable day).
    const first = shown && today && firstDay(shown.month) > today ? firstDay(shown.month) : (today ?? '');
    const end = shown ? lastDay(shown.month) : today ? addDays(today, 13) : '';
    setFrom(first);
    setTo(last && end > last ? last : end);
    setErrors([]);
    setProblem(null);
    setJoined(null);
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send();
  };

  async function send() {
    setBusy(true);
    setErrors([]);
    setProblem(null);
    try {
      setJoined(await joinWaitlist({ centre: centre.slug, service, format: props.format, from, to, ...(child ? { child } : {}) }, locale));
    } catch (error) {
      const found = problemOf(error);
      const fields = found.kind === 'invalid' ? found.fields.filter((f) => f.path[0] && NAMES[f.path[0]]) : [];
      if (fields.length) setErrors(fields);
      // A 409 (already waiting there) is a message of its own, not a taken slot.
      else setProblem(found.kind === 'taken' ? { kind: 'invalid', message: found.message, fields: [] } : found);
    } finally {
      setBusy(false);
    }
  }

  const errorOf = (field: string) => errors.find((e) => e.path[0] === field)?.message;
  const summary = errors.map((e) => ({ ...e, path: [NAMES[e.path[0]!] ?? e.path[0]!] }));
  const labels = { [NAMES.from!]: t['booking.waitlist.from']!, [NAMES.to!]: t['booking.waitlist.to']!, [NAMES.child!]: t['booking.person']! };
  const what = format(t['booking.waitlist.what'], {
    service: t[`booking.service.${service}`] ?? service,
    format: t[`booking.format.${props.format}`] ?? props.format,
  });
  const opener =
    shown?.count === 0 ? (
      <div className="notice">
        <p>{format(t['booking.waitlist.none'], { month: monthName(t, shown.month) })}</p>
        <button type="button" ref={toggle} aria-expanded={open} aria-controls={`waitlist-${ids}`} disabled={!ready} onClick={() => (open ? close() : start())}>
          {t['booking.waitlist.open']}
        </button>
      </div>
    ) : (
      <p>
        <button
          type="button"
          ref={toggle}
          className="secondary"
          aria-expanded={open}
          aria-controls={`waitlist-${ids}`}
          disabled={!ready}
          onClick={() => (open ? close() : start())}
        >
          {t['booking.waitlist.quiet']}
        </button>
      </p>
    );

  return (
    <div className="waitlist-join">
      {opener}
      <div id={`waitlist-${ids}`} hidden={!open}>
        {open ? (
          <div className="booking-panel" role="group" aria-labelledby={`waitlist-title-${ids}`}>
            <H id={`waitlist-title-${ids}`} tabIndex={-1} ref={heading}>
              {t['booking.waitlist.title']}
            </H>
            <p className="hint">{what}</p>
            <p>{format(t['booking.waitlist.lead'], { centre: centre.name })}</p>
            <div role="status">
              {joined ? (
                <>
                  <H tabIndex={-1} ref={result}>
                    {t['booking.waitlist.done.title']}
                  </H>
                  <p className="notice">
                    {joined.status === 'offered'
                      ? t['booking.waitlist.done.offered']
                      : format(t['booking.waitlist.done.waiting'], { from: longDate(t, joined.from), to: longDate(t, joined.to) })}
                  </p>
                  {bookingsHref ? (
                    <p>
                      <a href={bookingsHref}>{t['booking.waitlist.done.see']}</a>
                    </p>
                  ) : null}
                </>
              ) : null}
            </div>
            {account === null ? (
              <p className="notice">
                {t['booking.waitlist.loggedOut']} <a href={loginHref}>{t['booking.login']}</a>
              </p>
            ) : !joined ? (
              <form className="form" noValidate onSubmit={submit}>
                <ErrorSummary title={t['form.errors']!} errors={summary} labels={labels} />
                {problem ? <BookingProblem focus problem={problem} t={t} onRetry={send} loginHref={loginHref} cabinetHref={cabinetHref} /> : null}
                <Field
                  name="waitlist-from"
                  label={t['booking.waitlist.from']!}
                  error={errorOf('from')}
                  hint={last ? format(t['booking.waitlist.dates.hint'], { date: longDate(t, last) }) : undefined}
                  required
                >
                  {({ id, describedBy, invalid }) => (
                    <input
                      id={id}
                      name={NAMES.from}
                      type="date"
                      required
                      min={today}
                      max={last}
                      value={from}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      onChange={(e) => setFrom(e.target.value)}
                    />
                  )}
                </Field>
                <Field name="waitlist-to" label={t['booking.waitlist.to']!} error={errorOf('to')} required>
                  {({ id, describedBy, invalid }) => (
                    <input
                      id={id}
                      name={NAMES.to}
                      type="date"
                      required
                      min={from || today}
                      max={last}
                      value={to}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      onChange={(e) => setTo(e.target.value)}
                    />
                  )}
                </Field>
                {account?.children.length ? (
                  <Field name="waitlist-child" label={t['booking.person']!} error={errorOf('child')} required>
                    {({ id, describedBy }) => (
                      <select id={id} name={NAMES.child} value={child} aria-describedby={describedBy} onChange={(e) => setChild(e.target.value)}>
                        <PersonOptions t={t} list={account.children} />
                      </select>
                    )}
                  </Field>
                ) : null}
                <div className="booking-actions">
                  <button type="submit" disabled={busy || !ready || account === undefined}>
                    {busy ? t['booking.waitlist.sending'] : t['booking.waitlist.submit']}
                  </button>
                  <button type="button" className="secondary" onClick={close}>
                    {t['booking.mine.close']}
                  </button>
                </div>
              </form>
            ) : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
