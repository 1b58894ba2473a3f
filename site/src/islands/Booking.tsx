import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { resume } from './api';
import { Field, format, useHydrated, type Messages } from './Form';
import BookingDetails, { bookingRows } from './BookingDetails';
import BookingProblem from './BookingProblem';
import SlotPicker, { SlotChoices } from './SlotPicker';
import WaitlistJoin from './WaitlistJoin';
import { attemptKey, bookSlot, FORMATS, isUncertain, loadAccount, problemOf, SERVICES } from './booking-api';
import type { Account, Booking as Made, CentreOption, Format, Problem, Service, Slot, SlotQuery } from './booking-api';
import { longDate } from './booking-dates';

type Props = {
  locale: string;
  t: Messages;
  centres: CentreOption[];
  /** The centre whose page this is: chosen already. */
  centre?: string;
  /** The login page, with the way back here. */
  loginHref: string;
  cabinetHref: string;
  /** Where the visitor's bookings are listed; left out on that page itself. */
  bookingsHref?: string;
  /** The account, when the page has loaded it already (the bookings page); otherwise loaded here. */
  account?: Account | null;
  onBooked?: (booking: Made) => void;
  headingLevel?: 2 | 3;
};

/** The centre list's choice meaning "online, with whichever centre has a free specialist". */
const ONLINE = 'online';

/**
 * Booking a consultation or testing (R-BOOK-1): what and where, then a day and a time, then a
 * summary to confirm. Free slots are public; confirming needs a session and the consents.
 */
export default function Booking(props: Props) {
  const { locale, t, centres, loginHref, cabinetHref, bookingsHref, onBooked } = props;
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const ids = useId().replace(/:/g, '');
  const ready = useHydrated();
  const [account, setAccount] = useState<Account | null | undefined>(props.account);
  const [centre, setCentre] = useState(props.centre ?? '');
  const [service, setService] = useState<Service>('consultation');
  const [chosenFormat, setChosenFormat] = useState<Format>('offline');
  const [child, setChild] = useState('');
  const [slot, setSlot] = useState<Slot | null>(null);
  const [step, setStep] = useState<'choose' | 'confirm' | 'done'>('choose');
  const [attempt, setAttempt] = useState<{ key: string; of: string } | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<Made | null>(null);
  const [taken, setTaken] = useState<ReadonlySet<string>>(new Set());
  // What the slot picker shows: with no free time in it, the waitlist is offered.
  const [shown, setShown] = useState<{ month: string; count: number; last?: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const stepped = useRef(false);

  useEffect(() => {
    if (props.account !== undefined) return setAccount(props.account);
    const load = () => resume(locale).then((ok) => (ok ? loadAccount(locale) : null)).then(setAccount, () => setAccount(null));
    load();
    // A session cannot be resumed offline: try again when the connection is back.
    window.addEventListener('online', load);
    return () => window.removeEventListener('online', load);
  }, [locale, props.account]);

  // Each new step's heading takes focus, so keyboard and screen reader users go on from there.
  useEffect(() => {
    if (stepped.current) heading.current?.focus();
    stepped.current = true;
  }, [step]);

  const sessionFormat: Format = centre === ONLINE ? 'online' : chosenFormat;
  const query = useMemo<SlotQuery | null>(
    () => (centre ? { centre: centre === ONLINE ? undefined : centre, service, format: sessionFormat } : null),
    [centre, service, sessionFormat],
  );
  useEffect(() => setShown(null), [query]);
  const byCity = useMemo(() => Object.fromEntries(centres.map((c) => [c.slug, c.city])), [centres]);
  const centreOf = (slug: string) => centres.find((c) => c.slug === slug);
  const childOf = (id: string) => account?.children.find((c) => c.documentId === id);
  // The nearest free slots after a conflict may fall on other days: their labels name the day.
  const datedLabel = (s: Slot) => format(t['booking.slot.dated'], { date: longDate(t, s.date), time: s.time, specialist: s.specialist.name });

  /** A new choice of what, where or for whom starts the slot over. */
  const choose = (change: () => void) => {
    change();
    setSlot(null);
    setProblem(null);
    setAttempt(null);
  };

  async function confirm() {
    if (!slot) return;
    // A retry of the same attempt (the answer was lost) keeps its key, so it cannot book twice.
    const of = [slot.id, service, sessionFormat, child].join('|');
    const key = attempt?.of === of ? attempt.key : attemptKey();
    setAttempt({ key, of });
    setBusy(true);
    setProblem(null);
    try {
      const booking = await bookSlot({ slot: slot.id, service, format: sessionFormat, ...(child ? { child } : {}) }, key, locale);
      setBooked(booking);
      setAttempt(null);
      setStep('done');
      onBooked?.(booking);
    } catch (error) {
      const found = problemOf(error);
      setProblem(found);
      if (!isUncertain(found)) setAttempt(null);
      if (found.kind === 'taken') setTaken((gone) => new Set([...gone, slot.id]));
      if (found.kind === 'loggedOut') setAccount(null);
    } finally {
      setBusy(false);
    }
  }

  const again = () => {
    setBooked(null);
    choose(() => setStep('choose'));
  };

  const loginNotice = (key: string) => <p className="notice">{t[key]} <a href={loginHref}>{t['booking.login']}</a></p>;
  const centreData = slot ? centreOf(slot.centre) : undefined;
  const childData = childOf(child);

  return (
    <div className="booking">
      {account === null && step === 'choose' ? loginNotice('booking.loggedOut') : null}
      {account && !account.consent.servicesAllowed && !child ? (
        <p className="notice">{t['booking.consent']} <a href={cabinetHref}>{t['booking.consent.link']}</a></p>
      ) : null}

      {step === 'choose' ? (
        <>
          <fieldset className="booking-choices">
            <legend>{t['booking.choose.title']}</legend>
            <Field name="centre" label={t['booking.centre']} required>
              {({ id }) => (
                <select id={id} name="centre" value={centre} onChange={(e) => choose(() => setCentre(e.target.value))}>
                  <option value="">{t['booking.centre.choose']}</option>
                  <option value={ONLINE}>{t['booking.centre.online']}</option>
                  {centres.map((c) => <option key={c.slug} value={c.slug}>{format(t['booking.centre.option'], { city: c.city, name: c.name })}</option>)}
                </select>
              )}
            </Field>
            <fieldset>
              <legend>{t['booking.service']}</legend>
              {SERVICES.map((s) => (
                <label key={s} className="choice"><input type="radio" name={`service-${ids}`} value={s} checked={service === s} onChange={() => choose(() => setService(s))} /> {t[`booking.service.${s}`]}</label>
              ))}
            </fieldset>
            {centre !== ONLINE ? (
              <fieldset>
                <legend>{t['booking.format']}</legend>
                {FORMATS.map((f) => (
                  <label key={f} className="choice"><input type="radio" name={`format-${ids}`} value={f} checked={chosenFormat === f} onChange={() => choose(() => setChosenFormat(f))} /> {t[`booking.format.${f}`]}</label>
                ))}
              </fieldset>
            ) : null}
            {account?.children.length ? (
              <Field name="child" label={t['booking.person']} required>
                {({ id }) => (
                  <select id={id} name="child" value={child} onChange={(e) => choose(() => setChild(e.target.value))}>
                    <option value="">{t['booking.person.self']}</option>
                    {account.children.map((c) => <option key={c.documentId} value={c.documentId}>{format(t['booking.person.child'], { firstName: c.firstName, surname: c.surname })}</option>)}
                  </select>
                )}
              </Field>
            ) : null}
          </fieldset>

          <section aria-labelledby={`when-${ids}`} className="booking-when">
            <H id={`when-${ids}`} tabIndex={-1} ref={heading}>{t['booking.when.title']}</H>
            <p className="hint">{t['booking.zone']}</p>
            {query ? (
              <SlotPicker key={JSON.stringify(query)} locale={locale} t={t} query={query} centreNames={centre === ONLINE ? byCity : undefined} name={`slot-${ids}`} value={slot} onChange={setSlot} taken={taken} onShown={setShown} />
            ) : (
              <p className="hint">{t['booking.pickCentre']}</p>
            )}
            <button type="button" disabled={!slot || !ready} onClick={() => setStep('confirm')}>{t['booking.continue']}</button>
            {centre && centre !== ONLINE ? (
              <WaitlistJoin
                key={`${centre}|${service}|${sessionFormat}`}
                locale={locale}
                t={t}
                centre={{ slug: centre, name: centreOf(centre)?.name ?? centre }}
                service={service}
                format={sessionFormat}
                account={account}
                child={child}
                shown={shown}
                loginHref={loginHref}
                cabinetHref={cabinetHref}
                bookingsHref={bookingsHref}
                headingLevel={H === 'h2' ? 3 : 4}
              />
            ) : null}
          </section>
        </>
      ) : null}

      {step === 'confirm' && slot ? (
        <section aria-labelledby={`confirm-${ids}`} className="booking-confirm">
          <H id={`confirm-${ids}`} tabIndex={-1} ref={heading}>{t['booking.confirm.title']}</H>
          {problem ? <BookingProblem focus problem={problem} t={t} onRetry={confirm} loginHref={loginHref} cabinetHref={cabinetHref} /> : null}
          {problem?.kind === 'taken' && problem.nearest.length ? (
            <SlotChoices legend={t['booking.taken.nearest']} name={`nearest-${ids}`} slots={problem.nearest} value={slot} label={datedLabel} onChange={setSlot} />
          ) : null}
          <BookingDetails
            rows={[
              [t['booking.summary.service'], t[`booking.service.${service}`]],
              [t['booking.summary.format'], t[`booking.format.${sessionFormat}`]],
              [t['booking.summary.centre'], centreData?.name ?? slot.centre],
              sessionFormat === 'offline' ? [t['booking.summary.address'], centreData?.address ?? ''] : [t['booking.summary.video'], t['booking.video.later']],
              [t['booking.summary.date'], longDate(t, slot.date)],
              [t['booking.summary.time'], format(t['booking.summary.timeValue'], { time: slot.time })],
              [t['booking.summary.specialist'], slot.specialist.name],
              [t['booking.summary.person'], childData ? format(t['booking.person.child'], { firstName: childData.firstName, surname: childData.surname }) : t['booking.person.self']],
            ]}
          />
          {account === null && problem?.kind !== 'loggedOut' ? loginNotice('booking.loggedOut.confirm') : null}
          {account !== null ? (
            <button type="button" onClick={confirm} disabled={busy || !ready || taken.has(slot.id)}>{busy ? t['booking.confirm.sending'] : t['booking.confirm']}</button>
          ) : null}
          <button type="button" className="secondary" onClick={() => { setProblem(null); setStep('choose'); }}>{t['booking.change']}</button>
        </section>
      ) : null}

      {step === 'done' && booked ? (
        <section aria-labelledby={`done-${ids}`} className="booking-done">
          <H id={`done-${ids}`} tabIndex={-1} ref={heading}>{t['booking.done.title']}</H>
          <p className="notice">{t[booked.status === 'confirmed' ? 'booking.done.confirmed' : 'booking.done.requested']}</p>
          <BookingDetails rows={bookingRows(booked, t)} />
          {bookingsHref ? <p><a href={bookingsHref}>{t['booking.done.see']}</a></p> : null}
          <button type="button" className="secondary" onClick={again}>{t['booking.again']}</button>
        </section>
      ) : null}
    </div>
  );
}
