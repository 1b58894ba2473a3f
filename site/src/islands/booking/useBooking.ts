import { useEffect, useMemo, useState, type Ref } from 'react';
import type { Messages } from '../Form';
import { resume } from '../api';
import { attemptKey, bookSlot, isUncertain, loadAccount, problemOf } from '../booking-api';
import type { Account, Booking, Format, Problem, Service, Slot, SlotQuery } from '../booking-api';

/** The centre list's choice meaning "online, with whichever centre has a free specialist". */
export const ONLINE = 'online';

/** The visitor's account: the page's, or loaded here (null when logged out). */
export function useBookingAccount(locale: string, given: Account | null | undefined) {
  const [account, setAccount] = useState<Account | null | undefined>(given);
  useEffect(() => {
    if (given !== undefined) return setAccount(given);
    const load = () =>
      resume(locale)
        .then((ok) => (ok ? loadAccount(locale) : null))
        .then(setAccount, () => setAccount(null));
    load();
    // A session cannot be resumed offline: try again when the connection is back.
    window.addEventListener('online', load);
    return () => window.removeEventListener('online', load);
  }, [locale, given]);
  return [account, setAccount] as const;
}

/** What is booked, where, how and for whom, and the slot chosen; what the slot picker shows. */
export function useBookingChoice(initialCentre: string) {
  const [centre, setCentre] = useState(initialCentre);
  const [service, setService] = useState<Service>('consultation');
  const [chosenFormat, setChosenFormat] = useState<Format>('offline');
  const [child, setChild] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  // What the slot picker shows: with no free time in it, the waitlist is offered.
  const [shown, setShown] = useState<{ month: string; count: number; last?: string } | null>(null);

  const sessionFormat: Format = centre === ONLINE ? 'online' : chosenFormat;
  const query = useMemo<SlotQuery | null>(
    () => (centre ? { centre: centre === ONLINE ? undefined : centre, service, format: sessionFormat } : null),
    [centre, service, sessionFormat],
  );
  useEffect(() => setShown(null), [query]);

  return { centre, setCentre, service, setService, chosenFormat, setChosenFormat, sessionFormat, child, setChild, slot, setSlot, query, shown, setShown };
}

export type BookingChoice = ReturnType<typeof useBookingChoice>;

/** Where a booking flow sends the visitor: to log in, to the cabinet's consents, to their bookings (left out on that page). */
export type BookingLinks = { loginHref: string; cabinetHref: string; bookingsHref?: string };

/** What every step of a booking form is given: the texts, the form's own id part, its headings' level and the heading that takes focus. */
export type StepProps = { t: Messages; ids: string; H: 'h2' | 'h3'; headingRef: Ref<HTMLHeadingElement> };

type Request = {
  locale: string;
  choice: BookingChoice;
  onBooked: (booking: Booking) => void;
  /** The session ended on the way. */
  onLoggedOut: () => void;
};

/**
 * Confirming the chosen slot. A retry of the same attempt (the answer was lost) keeps its key, so
 * it cannot book twice; a slot found taken is remembered and cannot be confirmed again.
 */
export function useBookingRequest({ locale, choice, onBooked, onLoggedOut }: Request) {
  const { slot, service, sessionFormat, child } = choice;
  const [attempt, setAttempt] = useState<{ key: string; of: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Booking | null>(null);
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());

  async function confirm() {
    if (!slot) return;
    const of = [slot.id, service, sessionFormat, child].join('|');
    const key = attempt?.of === of ? attempt.key : attemptKey();
    setAttempt({ key, of });
    setBusy(true);
    setProblem(null);
    try {
      const booking = await bookSlot({ slot: slot.id, service, format: sessionFormat, ...(child ? { child } : {}) }, key, locale);
      setBooked(booking);
      setAttempt(null);
      onBooked(booking);
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      if (!isUncertain(found)) setAttempt(null);
      if (found.kind === 'taken') setTaken((gone) => new Set([...gone, slot.id]));
      if (found.kind === 'loggedOut') onLoggedOut();
    } finally {
      setBusy(false);
    }
  }

  /** A new choice: no problem shown, and the next confirmation is a new attempt. */
  const reset = () => {
    setProblem(null);
    setAttempt(null);
  };

  return { problem, setProblem, busy, booked, setBooked, taken, confirm, reset };
}
