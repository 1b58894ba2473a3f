import { useMemo } from 'react';
import { Field, format } from '../Form';
import SlotPicker from '../SlotPicker';
import WaitlistJoin from '../WaitlistJoin';
import { FORMATS, SERVICES, type Account, type CentreOption } from '../booking-api';
import PersonOptions from './PersonOptions';
import { ONLINE, type BookingChoice, type BookingLinks, type StepProps } from './useBooking';

type Props = StepProps & {
  locale: string;
  centres: CentreOption[];
  account: Account | null | undefined;
  choice: BookingChoice;
  /** A new choice of what, where or for whom: starts the slot over. */
  choose: (change: () => void) => void;
  /** Slots found taken on confirming. */
  taken: ReadonlySet<string>;
  /** Hydrated: the buttons work. */
  ready: boolean;
  links: BookingLinks;
  onContinue: () => void;
};

/** The first step: what and where (and for whom), then a day and a time; the waitlist when there is none. */
export default function ChooseStep(props: Props) {
  const { locale, t, ids, H, centres, account, choice, choose } = props;
  const { centre, service, chosenFormat, sessionFormat, child, slot, query } = choice;
  const byCity = useMemo(() => Object.fromEntries(centres.map((c) => [c.slug, c.city])), [centres]);
  return (
    <>
      <fieldset className="booking-choices">
        <legend>{t['booking.choose.title']}</legend>
        <Field name="centre" label={t['booking.centre']} required>
          {({ id }) => (
            <select id={id} name="centre" value={centre} onChange={(e) => choose(() => choice.setCentre(e.target.value))}>
              <option value="">{t['booking.centre.choose']}</option>
              <option value={ONLINE}>{t['booking.centre.online']}</option>
              {centres.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {format(t['booking.centre.option'], { city: c.city, name: c.name })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset>
          <legend>{t['booking.service']}</legend>
          {SERVICES.map((s) => (
            <label key={s} className="choice">
              <input type="radio" name={`service-${ids}`} value={s} checked={service === s} onChange={() => choose(() => choice.setService(s))} />{' '}
              {t[`booking.service.${s}`]}
            </label>
          ))}
        </fieldset>
        {centre !== ONLINE ? (
          <fieldset>
            <legend>{t['booking.format']}</legend>
            {FORMATS.map((f) => (
              <label key={f} className="choice">
                <input type="radio" name={`format-${ids}`} value={f} checked={chosenFormat === f} onChange={() => choose(() => choice.setChosenFormat(f))} />{' '}
                {t[`booking.format.${f}`]}
              </label>
            ))}
          </fieldset>
        ) : null}
        {account?.children.length ? (
          <Field name="child" label={t['booking.person']} required>
            {({ id }) => (
              <select id={id} name="child" value={child} onChange={(e) => choose(() => choice.setChild(e.target.value))}>
                <PersonOptions t={t} list={account.children} />
              </select>
            )}
          </Field>
        ) : null}
      </fieldset>

      <section aria-labelledby={`when-${ids}`} className="booking-when">
        <H id={`when-${ids}`} tabIndex={-1} ref={props.headingRef}>
          {t['booking.when.title']}
        </H>
        <p className="hint">{t['booking.zone']}</p>
        {query ? (
          <SlotPicker
            key={JSON.stringify(query)}
            locale={locale}
            t={t}
            query={query}
            centreNames={centre === ONLINE ? byCity : undefined}
            name={`slot-${ids}`}
            value={slot}
            onChange={choice.setSlot}
            taken={props.taken}
            onShown={choice.setShown}
          />
        ) : (
          <p className="hint">{t['booking.pickCentre']}</p>
        )}
        <button type="button" disabled={!slot || !props.ready} onClick={props.onContinue}>
          {t['booking.continue']}
        </button>
        {centre && centre !== ONLINE ? (
          <WaitlistJoin
            key={`${centre}|${service}|${sessionFormat}`}
            locale={locale}
            t={t}
            centre={{ slug: centre, name: centres.find((c) => c.slug === centre)?.name ?? centre }}
            service={service}
            format={sessionFormat}
            account={account}
            child={child}
            shown={choice.shown}
            links={props.links}
            headingLevel={H === 'h2' ? 3 : 4}
          />
        ) : null}
      </section>
    </>
  );
}
