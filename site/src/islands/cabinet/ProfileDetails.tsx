import type { Messages } from '../Form';
import { educationLabel } from '../options';
import type { Locality, Place } from '../RegisterForm';
import { EDITABLE, type Profile } from './types';

type Props = { t: Messages; profile: Profile; regions: Place[]; localities: Locality[] };

/** The profile as read: the fields filled in, the address awaiting confirmation, the age and the phone's state. */
export default function ProfileDetails({ t, profile, regions, localities }: Props) {
  const shown = (f: (typeof EDITABLE)[number]): string => {
    const v = String(profile[f] ?? '');
    if (f === 'gender') return t[`field.gender.${v}`] ?? v;
    if (f === 'region') return regions.find((r) => r.code === v)?.name ?? v;
    if (f === 'locality') return localities.find((l) => l.key === v)?.name ?? v;
    if (f === 'education') return educationLabel(t, v);
    return v;
  };
  return (
    <dl className="details-list">
      {EDITABLE.map((f) =>
        profile[f] ? (
          <div key={f}>
            <dt>{t[`field.${f}`]}</dt>
            <dd>{shown(f)}</dd>
          </div>
        ) : null,
      )}
      {profile.pendingEmail ? (
        <div>
          <dt>{t['cabinet.email.pending']}</dt>
          <dd>
            {profile.pendingEmail} <span className="muted">({t['cabinet.email.pendingNote']})</span>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t['cabinet.age']}</dt>
        <dd>{profile.age}</dd>
      </div>
      <div>
        <dt>{t['field.phone']}</dt>
        <dd>{profile.phoneVerified ? t['cabinet.phone.verified'] : t['cabinet.phone.unverified']}</dd>
      </div>
    </dl>
  );
}
