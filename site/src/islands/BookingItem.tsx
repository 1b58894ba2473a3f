import { useEffect, useMemo, useRef, useState } from 'react';
import { Field, format, type Messages } from './Form';
import BookingDetails, { bookingRows } from './BookingDetails';
import BookingProblem from './BookingProblem';
import SlotPicker, { SlotChoices } from './SlotPicker';
import { cancelBooking, problemOf, rescheduleBooking, type Booking, type Problem, type Slot, type SlotQuery } from './booking-api';
import { kzDateTime, longDate } from './booking-dates';

type Props = {
  booking: Booking;
  locale: string;
  t: Messages;
  loginHref: string;
  /** Called with the booking as the server now holds it and a sentence to announce. */
  onChanged: (booking: Booking, message: string) => Promise<void>;
};

/** One booking of the list, with its cancellation (asked twice, a reason optional) and its move to another slot. */
export default function BookingItem({ booking, locale, t, loginHref, onChanged }: Props) {
  const [action, setAction] = useState<'cancel' | 'reschedule' | null>(null);
  const [reason, setReason] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  const panel = useRef<HTMLHeadingElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const query = useMemo<SlotQuery>(() => ({ centre: booking.centre.slug, service: booking.service, format: booking.format }), [booking]);
  const id = booking.id.replace(/[^\w-]/g, '');
  const when = { date: longDate(t, booking.date), time: booking.time };

  useEffect(() => {
    if (action) panel.current?.focus();
  }, [action]);

  const open = (next: 'cancel' | 'reschedule') => {
    setProblem(null);
    setSlot(null);
    setAction(next);
  };
  const close = () => {
    setAction(null);
    title.current?.focus();
  };

  async function run(request: () => Promise<Booking>, message: (b: Booking) => string) {
    setBusy(true);
    setProblem(null);
    try {
      const updated = await request();
      setAction(null);
      await onChanged(updated, message(updated));
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      if (found.kind === 'taken' && slot) setTaken((gone) => new Set([...gone, slot.id]));
    } finally {
      setBusy(false);
    }
  }

  const cancel = () =>
    run(
      () => cancelBooking(booking.id, reason.trim(), locale),
      () => t['booking.mine.cancelled'],
    );
  const move = () =>
    slot &&
    run(
      () => rescheduleBooking(booking.id, slot.id, locale),
      (b) => format(t['booking.mine.rescheduled'], { date: longDate(t, b.date), time: b.time }),
    );
  const problemBox = problem ? <BookingProblem focus problem={problem} t={t} loginHref={loginHref} onRetry={action === 'cancel' ? cancel : move} /> : null;
  const upcoming = (booking.status === 'requested' || booking.status === 'confirmed') && Date.parse(booking.end) > Date.now();

  return (
    <li className="booking-item" data-booking={booking.id}>
      <h3 tabIndex={-1} ref={title}>
        {format(t['booking.mine.item'], { service: t[`booking.service.${booking.service}`], ...when })}
      </h3>
      <BookingDetails rows={bookingRows(booking, t, true)} />
      {upcoming ? (
        <p className="hint">
          {booking.canChange
            ? format(t['booking.mine.changeUntil'], kzDateTime(t, booking.changeUntil))
            : format(t['booking.mine.noChange'], { phone: booking.centre.phone })}
        </p>
      ) : null}
      {booking.canChange && !action ? (
        <div className="booking-actions">
          <button type="button" className="secondary" onClick={() => open('reschedule')}>
            {t['booking.mine.reschedule']}
          </button>
          <button type="button" className="secondary" onClick={() => open('cancel')}>
            {t['booking.mine.cancel']}
          </button>
        </div>
      ) : null}

      {action === 'cancel' ? (
        <div className="booking-panel" role="group" aria-labelledby={`cancel-${id}`}>
          <h4 id={`cancel-${id}`} tabIndex={-1} ref={panel}>
            {format(t['booking.mine.cancel.title'], when)}
          </h4>
          {problemBox}
          <Field name="reason" label={t['booking.mine.cancel.reason']} optionalText={t['form.optional']}>
            {({ id: fieldId }) => <textarea id={fieldId} name="reason" rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
          <div className="booking-actions">
            <button type="button" className="danger" disabled={busy} onClick={cancel}>
              {t['booking.mine.cancel.confirm']}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {t['booking.mine.cancel.keep']}
            </button>
          </div>
        </div>
      ) : null}

      {action === 'reschedule' ? (
        <div className="booking-panel" role="group" aria-labelledby={`move-${id}`}>
          <h4 id={`move-${id}`} tabIndex={-1} ref={panel}>
            {t['booking.mine.reschedule.title']}
          </h4>
          {problemBox}
          {problem?.kind === 'taken' && problem.nearest.length ? (
            <SlotChoices
              legend={t['booking.taken.nearest']}
              name={`nearest-${id}`}
              slots={problem.nearest}
              value={slot}
              label={(s) => format(t['booking.slot.dated'], { date: longDate(t, s.date), time: s.time, specialist: s.specialist.name })}
              onChange={setSlot}
            />
          ) : null}
          <SlotPicker locale={locale} t={t} query={query} name={`slot-${id}`} value={slot} onChange={setSlot} taken={taken} />
          <div className="booking-actions">
            <button type="button" disabled={!slot || busy || taken.has(slot.id)} onClick={move}>
              {slot ? format(t['booking.mine.reschedule.confirm'], { date: longDate(t, slot.date), time: slot.time }) : t['booking.mine.reschedule.choose']}
            </button>
            <button type="button" className="secondary" onClick={close}>
              {t['booking.mine.close']}
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
