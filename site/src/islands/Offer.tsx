import { useEffect, useRef, useState } from 'react';
import { kzTime } from '@qabilet/domain';
import { ApiError, resume } from './api';
import { format, useHydrated, type Messages } from './Form';
import BookingDetails, { bookingRows } from './BookingDetails';
import BookingProblem from './BookingProblem';
import { acceptOffer, declineOffer, problemOf, viewOffer, type Booking, type Offer as HeldOffer, type Problem } from './booking-api';
import { longDate } from './booking-dates';

type Props = { locale: string; t: Messages; loginHref: string; bookingsHref: string; cabinetHref: string };

type State =
  | { phase: 'loading' }
  | { phase: 'noToken' }
  | { phase: 'loggedOut' }
  | { phase: 'held'; offer: HeldOffer }
  | { phase: 'booked'; booking: Booking }
  | { phase: 'taken' }
  | { phase: 'declined' }
  | { phase: 'gone'; message: string }
  | { phase: 'notFound'; message: string }
  | { phase: 'problem'; problem: Problem };

// The token survives a detour through the login page in this tab only, and never reaches a server's log.
const KEY = 'qabilet-offer';

/**
 * A time offered from the waitlist: the link's token is read from the fragment (and taken out of
 * the address bar), the offer shown with how long it is still held, then booked or declined.
 */
export default function Offer({ locale, t, loginHref, bookingsHref, cabinetHref }: Props) {
  const ready = useHydrated();
  const [state, setState] = useState<State>({ phase: 'loading' });
  const [token, setToken] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const heading = useRef<HTMLHeadingElement>(null);
  const acted = useRef(false);

  const failed = (error: unknown) => {
    if (error instanceof ApiError && error.status === 410) return setState({ phase: 'gone', message: error.message });
    if (error instanceof ApiError && error.status === 404) return setState({ phase: 'notFound', message: error.message });
    const problem = problemOf(error);
    setState(problem.kind === 'loggedOut' ? { phase: 'loggedOut' } : { phase: 'problem', problem });
  };

  const load = async (value: string) => {
    if (!(await resume(locale))) return setState({ phase: 'loggedOut' });
    try {
      const offer = await viewOffer(value, locale);
      setState(offer.status === 'held' ? { phase: 'held', offer } : { phase: 'taken' });
    } catch (error) {
      failed(error);
    }
  };

  useEffect(() => {
    const read = () => {
      const fromLink = window.location.hash.slice(1);
      if (fromLink) {
        sessionStorage.setItem(KEY, fromLink);
        history.replaceState(history.state, '', window.location.pathname + window.location.search);
      }
      const value = fromLink || sessionStorage.getItem(KEY) || '';
      if (!value) return setState({ phase: 'noToken' });
      setToken(value);
      setState({ phase: 'loading' });
      load(value);
    };
    read();
    // Another offer's link opened in this tab changes only the fragment: no new page load.
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, [locale]);

  // The countdown: the time is re-read every second, its text changes (and is announced) once a minute.
  const expiresAt = state.phase === 'held' ? Date.parse(state.offer.expiresAt) : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  useEffect(() => {
    if (expiresAt !== undefined && now >= expiresAt) {
      acted.current = true;
      setState({ phase: 'gone', message: t['booking.offer.gone.expired'] ?? '' });
    }
  }, [now, expiresAt]);

  // After an action (or the end of the hold), the new state's heading takes focus.
  useEffect(() => {
    if (acted.current) heading.current?.focus();
    if (state.phase !== 'held' && state.phase !== 'loading' && state.phase !== 'loggedOut' && state.phase !== 'problem') sessionStorage.removeItem(KEY);
  }, [state]);

  async function act(action: 'accept' | 'decline') {
    if (!token) return;
    setBusy(true);
    acted.current = true;
    try {
      if (action === 'accept') setState({ phase: 'booked', booking: await acceptOffer(token, locale) });
      else {
        await declineOffer(token, locale);
        setState({ phase: 'declined' });
      }
    } catch (error) {
      failed(error);
    } finally {
      setBusy(false);
    }
  }

  const see = (
    <p>
      <a href={bookingsHref}>{t['booking.offer.see']}</a>
    </p>
  );
  const title = (text: string) => (
    <h2 tabIndex={-1} ref={heading}>
      {text}
    </h2>
  );

  switch (state.phase) {
    case 'loading':
      return <p role="status">{t['booking.offer.loading']}</p>;
    case 'noToken':
      return (
        <div className="notice">
          <p>{t['booking.offer.noToken']}</p>
          {see}
        </div>
      );
    case 'loggedOut':
      return (
        <p className="notice">
          {t['booking.offer.loggedOut']} <a href={loginHref}>{t['booking.login']}</a>
        </p>
      );
    case 'problem':
      return (
        <BookingProblem
          focus={acted.current}
          problem={state.problem}
          t={t}
          loginHref={loginHref}
          cabinetHref={cabinetHref}
          onRetry={() => (token ? load(token) : undefined)}
        />
      );
    case 'held': {
      const { offer } = state;
      const minutes = Math.max(1, Math.ceil((Date.parse(offer.expiresAt) - now) / 60_000));
      return (
        <section aria-labelledby="offer-title" className="offer">
          <h2 id="offer-title" tabIndex={-1} ref={heading}>
            {format(t['booking.offer.held.title'], { date: longDate(t, offer.date), time: offer.time })}
          </h2>
          <p aria-live="polite" className="notice">
            {format(t['booking.offer.left'], { minutes, time: kzTime(new Date(offer.expiresAt)) })}
          </p>
          <BookingDetails
            rows={[
              [t['booking.summary.service'], t[`booking.service.${offer.service}`]],
              [t['booking.summary.format'], t[`booking.format.${offer.format}`]],
              [t['booking.summary.centre'], offer.centre.name],
              offer.format === 'offline' ? [t['booking.summary.address'], offer.centre.address] : [t['booking.summary.video'], t['booking.video.later']],
              [t['booking.summary.date'], longDate(t, offer.date)],
              [t['booking.summary.time'], format(t['booking.summary.timeValue'], { time: offer.time })],
              [t['booking.summary.specialist'], offer.specialist.name],
              [t['booking.summary.person'], offer.child ? offer.child.firstName : t['booking.person.self']],
            ]}
          />
          <div className="booking-actions">
            <button type="button" disabled={busy || !ready} onClick={() => act('accept')}>
              {busy ? t['booking.offer.accepting'] : t['booking.offer.accept']}
            </button>
            <button type="button" className="secondary" disabled={busy || !ready} onClick={() => act('decline')}>
              {t['booking.offer.decline']}
            </button>
          </div>
        </section>
      );
    }
    case 'booked':
      return (
        <section aria-labelledby="offer-result" className="offer">
          <h2 id="offer-result" tabIndex={-1} ref={heading}>
            {t['booking.done.title']}
          </h2>
          <p className="notice">{t[state.booking.status === 'confirmed' ? 'booking.done.confirmed' : 'booking.done.requested']}</p>
          <BookingDetails rows={bookingRows(state.booking, t)} />
          <p>
            <a href={bookingsHref}>{t['booking.done.see']}</a>
          </p>
        </section>
      );
    case 'taken':
      return (
        <div>
          {title(t['booking.done.title'] ?? '')}
          <p className="notice">{t['booking.offer.taken']}</p>
          {see}
        </div>
      );
    case 'declined':
      return (
        <div>
          {title(t['booking.offer.declined.title'] ?? '')}
          <p className="notice">{t['booking.offer.declined.text']}</p>
          {see}
        </div>
      );
    case 'gone':
      return (
        <div>
          {title(t['booking.offer.gone.title'] ?? '')}
          <p className="notice">{state.message}</p>
          {see}
        </div>
      );
    case 'notFound':
      return (
        <div>
          {title(t['booking.offer.notFound.title'] ?? '')}
          <p className="notice">{state.message}</p>
          {see}
        </div>
      );
  }
}
