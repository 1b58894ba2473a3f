import { useCallback, useEffect, useRef, useState } from 'react';
import type { Messages } from './Form';
import Booking from './Booking';
import BookingItem from './BookingItem';
import BookingProblem from './BookingProblem';
import WaitlistPlaces from './WaitlistPlaces';
import { useResume } from './useResume';
import {
  loadAccount,
  myBookings,
  myWaitlist,
  problemOf,
  type Account,
  type Booking as Made,
  type CentreOption,
  type Problem,
  type WaitlistEntry,
} from './booking-api';

type Props = { locale: string; t: Messages; centres: CentreOption[]; loginHref: string; cabinetHref: string };

const ACTIVE = new Set(['requested', 'confirmed']);

/**
 * The cabinet's bookings: the visitor's own and their children's, upcoming first, each cancelled or
 * moved in place while the centre allows it; and the booking flow for a new one.
 */
export default function MyBookings({ locale, t, centres, loginHref, cabinetHref }: Props) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [bookings, setBookings] = useState<Made[]>();
  const [waitlist, setWaitlist] = useState<WaitlistEntry[]>([]);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState('');
  const [adding, setAdding] = useState<boolean>();
  const list = useRef<HTMLDivElement>(null);
  const [focusOn, setFocusOn] = useState<string>();

  const load = useCallback(async () => {
    setProblem(null);
    try {
      // The bookings are the page's point: a waitlist that cannot be read leaves them in view.
      const [me, mine, places] = await Promise.all([loadAccount(locale), myBookings(locale), myWaitlist(locale).catch(() => [])]);
      setAccount(me);
      setBookings(mine);
      setWaitlist(places);
    } catch (error) {
      const found = problemOf(error);
      if (found.kind === 'loggedOut') setAccount(null);
      else setProblem(found);
    }
  }, [locale]);

  const loggedOut = useCallback(() => setAccount(null), []);
  useResume(locale, load, loggedOut);

  // After a change the list is read again; focus goes back to the booking that changed.
  useEffect(() => {
    if (!focusOn) return;
    list.current?.querySelector<HTMLElement>(`[data-booking="${CSS.escape(focusOn)}"] h3`)?.focus();
    setFocusOn(undefined);
  }, [bookings, focusOn]);

  const changed = async (booking: Made, message: string) => {
    setNotice(message);
    await load();
    setFocusOn(booking.id);
  };
  // A place left disappears from the list: focus goes to the list's heading.
  const left = async (message: string) => {
    setNotice(message);
    await load();
    list.current?.querySelector<HTMLElement>('#waitlist-title')?.focus();
  };

  if (account === null)
    return (
      <p className="notice">
        {t['booking.mine.loggedOut']} <a href={loginHref}>{t['booking.login']}</a>
      </p>
    );
  if (!bookings) {
    return problem ? <BookingProblem problem={problem} t={t} onRetry={load} /> : <p role="status">{t['booking.mine.loading']}</p>;
  }

  const now = Date.now();
  const upcoming = bookings.filter((b) => ACTIVE.has(b.status) && Date.parse(b.end) > now);
  const past = bookings.filter((b) => !upcoming.includes(b));
  const open = adding ?? upcoming.length === 0;
  const item = (b: Made) => <BookingItem key={b.id} booking={b} locale={locale} t={t} loginHref={loginHref} onChanged={changed} />;

  return (
    <div className="my-bookings" ref={list}>
      <p role="status" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
      {problem ? <BookingProblem problem={problem} t={t} onRetry={load} /> : null}

      <section aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t['booking.mine.upcoming']}</h2>
        {upcoming.length ? <ul className="booking-list">{upcoming.map(item)}</ul> : <p>{t['booking.mine.none']}</p>}
      </section>

      {waitlist.length ? <WaitlistPlaces entries={waitlist} locale={locale} t={t} onLeft={left} /> : null}

      <section aria-labelledby="new-title">
        <h2 id="new-title">{t['booking.mine.new']}</h2>
        <button type="button" className="secondary" aria-expanded={open} aria-controls="new-booking" onClick={() => setAdding(!open)}>
          {t['booking.mine.new.open']}
        </button>
        <div id="new-booking" hidden={!open}>
          {open ? (
            <Booking
              locale={locale}
              t={t}
              centres={centres}
              loginHref={loginHref}
              cabinetHref={cabinetHref}
              account={account}
              headingLevel={3}
              onBooked={() => {
                setAdding(true); // the new booking's confirmation stays in view while the list above grows
                load();
              }}
            />
          ) : null}
        </div>
      </section>

      {past.length ? (
        <section aria-labelledby="past-title">
          <h2 id="past-title">{t['booking.mine.past']}</h2>
          <ul className="booking-list">{past.map(item)}</ul>
        </section>
      ) : null}
    </div>
  );
}
