import { format, type Messages } from '../Form';
import BookingDetails, { bookingRows } from '../BookingDetails';
import BookingProblem from '../BookingProblem';
import { SlotChoices } from '../SlotPicker';
import type { Account, Booking, CentreOption, Problem, Slot } from '../booking-api';
import { longDate } from '../booking-dates';
import type { BookingChoice, BookingLinks, StepProps } from './useBooking';

/** "Log in to book", with the login link. */
export function LoginNotice({ text, loginHref, t }: { text: string | undefined; loginHref: string; t: Messages }) {
  return (
    <p className="notice">
      {text} <a href={loginHref}>{t['booking.login']}</a>
    </p>
  );
}

type Props = StepProps & {
  slot: Slot;
  choice: BookingChoice;
  centre: CentreOption | undefined;
  account: Account | null | undefined;
  problem: Problem | null;
  busy: boolean;
  ready: boolean;
  taken: ReadonlySet<string>;
  links: BookingLinks;
  onConfirm: () => void;
  /** Back to the choices. */
  onChange: () => void;
};

/** The second step: a summary to confirm; a taken slot offers the nearest free ones. */
export function ConfirmStep(props: Props) {
  const { t, ids, H, slot, choice, centre: centreData, account, problem } = props;
  const { loginHref, cabinetHref } = props.links;
  const { service, sessionFormat } = choice;
  const childData = account?.children.find((c) => c.documentId === choice.child);
  // The nearest free slots after a conflict may fall on other days: their labels name the day.
  const datedLabel = (s: Slot) => format(t['booking.slot.dated'], { date: longDate(t, s.date), time: s.time, specialist: s.specialist.name });
  return (
    <section aria-labelledby={`confirm-${ids}`} className="booking-confirm">
      <H id={`confirm-${ids}`} tabIndex={-1} ref={props.headingRef}>
        {t['booking.confirm.title']}
      </H>
      {problem ? <BookingProblem focus problem={problem} t={t} onRetry={props.onConfirm} loginHref={loginHref} cabinetHref={cabinetHref} /> : null}
      {problem?.kind === 'taken' && problem.nearest.length ? (
        <SlotChoices
          legend={t['booking.taken.nearest']}
          name={`nearest-${ids}`}
          slots={problem.nearest}
          value={slot}
          label={datedLabel}
          onChange={choice.setSlot}
        />
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
          [
            t['booking.summary.person'],
            childData ? format(t['booking.person.child'], { firstName: childData.firstName, surname: childData.surname }) : t['booking.person.self'],
          ],
        ]}
      />
      {account === null && problem?.kind !== 'loggedOut' ? <LoginNotice text={t['booking.loggedOut.confirm']} loginHref={loginHref} t={t} /> : null}
      {account !== null ? (
        <button type="button" onClick={props.onConfirm} disabled={props.busy || !props.ready || props.taken.has(slot.id)}>
          {props.busy ? t['booking.confirm.sending'] : t['booking.confirm']}
        </button>
      ) : null}
      <button type="button" className="secondary" onClick={props.onChange}>
        {t['booking.change']}
      </button>
    </section>
  );
}

type DoneProps = StepProps & { booked: Booking; bookingsHref?: string; onAgain: () => void };

/** The last step: the booking made, and a way to book another. */
export function DoneStep({ t, ids, H, headingRef, booked, bookingsHref, onAgain }: DoneProps) {
  return (
    <section aria-labelledby={`done-${ids}`} className="booking-done">
      <H id={`done-${ids}`} tabIndex={-1} ref={headingRef}>
        {t['booking.done.title']}
      </H>
      <p className="notice">{t[booked.status === 'confirmed' ? 'booking.done.confirmed' : 'booking.done.requested']}</p>
      <BookingDetails rows={bookingRows(booked, t)} />
      {bookingsHref ? (
        <p>
          <a href={bookingsHref}>{t['booking.done.see']}</a>
        </p>
      ) : null}
      <button type="button" className="secondary" onClick={onAgain}>
        {t['booking.again']}
      </button>
    </section>
  );
}
