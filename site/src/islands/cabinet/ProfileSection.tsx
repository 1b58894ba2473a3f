import { useState } from 'react';
import { authed } from '../api';
import type { Locality, Place } from '../RegisterForm';
import CodeForm from './CodeForm';
import ProfileDetails from './ProfileDetails';
import ProfileForm from './ProfileForm';
import type { useCodeStep } from './useCabinet';
import type { Profile, SectionProps } from './types';

type Props = SectionProps & { profile: Profile; regions: Place[]; localities: Locality[]; codeStep: ReturnType<typeof useCodeStep> };

/** The profile: read, or edited; the phone's verification, and the code form it shares with the parent's SMS. */
export default function ProfileSection({ profile, regions, localities, codeStep, ...section }: Props) {
  const { locale, t, act } = section;
  const [editing, setEditing] = useState(false);
  const { codeFor, setCodeFor, code, setCode } = codeStep;
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">{t['cabinet.profile']}</h2>
      {!editing ? (
        <>
          <ProfileDetails t={t} profile={profile} regions={regions} localities={localities} />
          {/* The form starts from an empty draft each time it opens. */}
          <button type="button" onClick={() => setEditing(true)}>
            {t['cabinet.edit']}
          </button>
          {!profile.phoneVerified ? (
            <button
              type="button"
              className="secondary"
              onClick={() =>
                act(() => authed('/api/accounts/me/phone/code', locale, { method: 'POST', json: {} }), t['cabinet.phone.sent']).then(
                  (ok) => ok && setCodeFor('phone'),
                )
              }
            >
              {t['cabinet.phone.send']}
            </button>
          ) : null}
        </>
      ) : (
        <ProfileForm {...section} profile={profile} regions={regions} localities={localities} onClose={() => setEditing(false)} />
      )}
      {codeFor ? <CodeForm locale={locale} t={t} act={act} codeFor={codeFor} code={code} setCode={setCode} onDone={() => setCodeFor(null)} /> : null}
    </section>
  );
}
