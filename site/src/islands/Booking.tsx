import { useEffect, useId, useRef, useState } from 'react';
import { useHydrated, type Messages } from './Form';
import type { Account, Booking as Made, CentreOption } from './booking-api';
import ChooseStep from './booking/ChooseStep';
import { ConfirmStep, DoneStep, LoginNotice } from './booking/ConfirmStep';
import { useBookingAccount, useBookingChoice, useBookingRequest, type StepProps } from './booking/useBooking';

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

/**
 * Booking a consultation or testing (R-BOOK-1): what and where, then a day and a time, then a
 * summary to confirm. Free slots are public; confirming needs a session and the consents.
 * The account (useBookingAccount), the choice (useBookingChoice) and the request
 * (useBookingRequest) are hooks; each step is its own view (booking/).
 */
export default function Booking(props: Props) {
  const { locale, t, centres, loginHref, cabinetHref, bookingsHref, onBooked } = props;
  const links = { loginHref, cabinetHref, bookingsHref };
  const H = props.headingLevel === 3 ? 'h3' : 'h2';
  const ids = useId().replace(/:/g, '');
  const ready = useHydrated();
  const [account, setAccount] = useBookingAccount(locale, props.account);
  const choice = useBookingChoice(props.centre ?? '');
  const [step, setStep] = useState<'choose' | 'confirm' | 'done'>('choose');
  const request = useBookingRequest({
    locale,
    choice,
    onBooked: (booking) => {
      setStep('done');
      onBooked?.(booking);
    },
    onLoggedOut: () => setAccount(null),
  });
  const heading = useRef<HTMLHeadingElement>(null);
  const stepped = useRef(false);

  // Each new step's heading takes focus, so keyboard and screen reader users go on from there.
  useEffect(() => {
    if (stepped.current) heading.current?.focus();
    stepped.current = true;
  }, [step]);

  /** A new choice of what, where or for whom starts the slot over. */
  const choose = (change: () => void) => {
    change();
    choice.setSlot(null);
    request.reset();
  };

  const again = () => {
    request.setBooked(null);
    choose(() => setStep('choose'));
  };

  const { slot } = choice;
  const { booked } = request;
  const shared: StepProps = { t, ids, H, headingRef: heading };
  return (
    <div className="booking">
      {account === null && step === 'choose' ? <LoginNotice text={t['booking.loggedOut']} loginHref={loginHref} t={t} /> : null}
      {account && !account.consent.servicesAllowed && !choice.child ? (
        <p className="notice">
          {t['booking.consent']} <a href={cabinetHref}>{t['booking.consent.link']}</a>
        </p>
      ) : null}

      {step === 'choose' ? (
        <ChooseStep
          {...shared}
          locale={locale}
          centres={centres}
          account={account}
          choice={choice}
          choose={choose}
          taken={request.taken}
          ready={ready}
          links={links}
          onContinue={() => setStep('confirm')}
        />
      ) : null}

      {step === 'confirm' && slot ? (
        <ConfirmStep
          {...shared}
          slot={slot}
          choice={choice}
          centre={centres.find((c) => c.slug === slot.centre)}
          account={account}
          problem={request.problem}
          busy={request.busy}
          ready={ready}
          taken={request.taken}
          links={links}
          onConfirm={request.confirm}
          onChange={() => {
            request.setProblem(null);
            setStep('choose');
          }}
        />
      ) : null}

      {step === 'done' && booked ? <DoneStep {...shared} booked={booked} bookingsHref={bookingsHref} onAgain={again} /> : null}
    </div>
  );
}
