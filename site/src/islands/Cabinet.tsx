import { ErrorSummary, type Messages } from './Form';
import type { Locality, Place } from './RegisterForm';
import ChildrenSection from './cabinet/ChildrenSection';
import ConsentsSection from './cabinet/ConsentsSection';
import DataSection from './cabinet/DataSection';
import ParentalSection from './cabinet/ParentalSection';
import ProfileSection from './cabinet/ProfileSection';
import SessionsSection from './cabinet/SessionsSection';
import { EDITABLE } from './cabinet/types';
import { useCabinet, useCodeStep } from './cabinet/useCabinet';

type Props = {
  locale: string;
  t: Messages;
  regions: Place[];
  localities: Locality[];
  loginHref: string;
  homeHref: string;
  bookingsHref: string;
  graceDays: number;
};

/** The personal cabinet: one island, every action through the cabinet API as the logged-in user. */
export default function Cabinet({ locale, t, regions, localities, loginHref, homeHref, bookingsHref, graceDays }: Props) {
  const { view, notice, setNotice, errors, load, act } = useCabinet(locale, t);
  const codeStep = useCodeStep();

  if (view === undefined) return <p role="status">{t['cabinet.loading']}</p>;
  if (view === null)
    return (
      <p className="notice">
        {t['cabinet.loggedOut']} <a href={loginHref}>{t['login.title']}</a>
      </p>
    );
  const { profile, consent } = view;
  const labels = Object.fromEntries([...EDITABLE, 'currentPassword', 'code'].map((f) => [f, t[`field.${f}`]]));
  const section = { locale, t, act, errors };
  const services = consent.servicesAllowed
    ? 'cabinet.services.allowed'
    : consent.parentalNeeded && !consent.parental
      ? 'cabinet.services.parental'
      : 'cabinet.services.blocked';

  return (
    <div className="cabinet">
      <p role="status" aria-live="polite" className={notice ? 'notice' : 'visually-hidden'}>
        {notice}
      </p>
      <ErrorSummary title={t['form.errors']} errors={errors} labels={labels} />
      <p className="notice">{t[services]}</p>
      <ul className="inline-list">
        <li>
          <a href={bookingsHref}>{t['booking.mine.link']}</a>
        </li>
        {/* The tests and the results live beside the bookings, under the same account path. */}
        <li>
          <a href={bookingsHref.replace(/bookings\/$/, 'tests/')}>{t['test.list.link']}</a>
        </li>
        <li>
          <a href={bookingsHref.replace(/bookings\/$/, 'results/')}>{t['results.link']}</a>
        </li>
        <li>
          <a href={bookingsHref.replace(/bookings\/$/, 'card/')}>{t['card.link']}</a>
        </li>
        <li>
          <a href={bookingsHref.replace(/bookings\/$/, 'progress/')}>{t['progress.link']}</a>
        </li>
      </ul>

      <ProfileSection {...section} profile={profile} regions={regions} localities={localities} codeStep={codeStep} />
      {consent.parentalNeeded && !consent.parental ? <ParentalSection {...section} onCodeSent={codeStep.setCodeFor} /> : null}
      {profile.userType === 'parent' ? (
        <ChildrenSection
          locale={locale}
          t={t}
          act={act}
          list={view.children}
          regions={regions}
          localities={localities}
          onChildSaved={() => {
            load();
            setNotice(t['cabinet.saved']);
          }}
        />
      ) : null}
      <ConsentsSection locale={locale} t={t} act={act} consents={view.consents} />
      <DataSection locale={locale} t={t} act={act} profile={profile} graceDays={graceDays} />
      <SessionsSection locale={locale} t={t} homeHref={homeHref} />
    </div>
  );
}
