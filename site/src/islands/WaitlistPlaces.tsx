import { useState } from 'react';
import { kzTime } from '@qabilet/domain';
import { format, type Messages } from './Form';
import BookingDetails from './BookingDetails';
import BookingProblem from './BookingProblem';
import { leaveWaitlist, problemOf, type Problem, type WaitlistEntry } from './booking-api';
import { longDate } from './booking-dates';

type Props = {
  entries: WaitlistEntry[];
  locale: string;
  t: Messages;
  /** Called once a place has been left, with the sentence to announce. */
  onLeft: (message: string) => Promise<void>;
};

const LIVE = new Set(['waiting', 'offered']);

/** The cabinet's places on the waitlist: what, where, which dates, for whom, and a way off it. */
export default function WaitlistPlaces({ entries, locale, t, onLeft }: Props) {
  const live = entries.filter((e) => LIVE.has(e.status));
  return (
    <section aria-labelledby="waitlist-title">
      <h2 id="waitlist-title" tabIndex={-1}>
        {t['booking.waitlist.mine.title']}
      </h2>
      {live.length ? (
        <ul className="booking-list">
          {live.map((e) => (
            <Place key={e.id} entry={e} locale={locale} t={t} onLeft={onLeft} />
          ))}
        </ul>
      ) : (
        <p>{t['booking.waitlist.mine.none']}</p>
      )}
    </section>
  );
}

function Place({ entry, locale, t, onLeft }: { entry: WaitlistEntry; locale: string; t: Messages; onLeft: Props['onLeft'] }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const service = t[`booking.service.${entry.service}`] ?? entry.service;

  async function leave() {
    setBusy(true);
    setProblem(null);
    try {
      await leaveWaitlist(entry.id, locale);
      await onLeft(t['booking.waitlist.left'] ?? '');
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="booking-item" data-waitlist={entry.id}>
      <h3>{format(t['booking.waitlist.mine.item'], { service, centre: entry.centre.name })}</h3>
      <BookingDetails
        rows={[
          [t['booking.summary.status'], <strong>{t[`booking.waitlist.status.${entry.status}`]}</strong>],
          [t['booking.waitlist.mine.dates'], format(t['booking.waitlist.mine.datesValue'], { from: longDate(t, entry.from), to: longDate(t, entry.to) })],
          [t['booking.summary.format'], t[`booking.format.${entry.format}`]],
          [t['booking.summary.person'], entry.child ? entry.child.firstName : t['booking.person.self']],
        ]}
      />
      {entry.offer ? (
        <p className="notice">
          {format(t['booking.waitlist.mine.offer'], {
            date: longDate(t, entry.offer.date),
            time: entry.offer.time,
            specialist: entry.offer.specialist.name,
            until: kzTime(new Date(entry.offer.expiresAt)),
          })}
        </p>
      ) : null}
      {problem ? <BookingProblem focus problem={problem} t={t} onRetry={leave} /> : null}
      <div className="booking-actions">
        <button type="button" className="secondary" disabled={busy} onClick={leave}>
          {t['booking.waitlist.leave']}
        </button>
      </div>
    </li>
  );
}
