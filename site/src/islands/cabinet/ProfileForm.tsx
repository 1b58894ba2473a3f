import { useState, type FormEvent } from 'react';
import { authed } from '../api';
import { fieldErrors, InputField } from '../Form';
import PersonFields, { withField } from '../PersonFields';
import { educationOptions } from '../options';
import type { Locality, Place } from '../RegisterForm';
import type { PersonField } from '@qabilet/domain';
import type { Profile, SectionProps } from './types';

type Props = SectionProps & { profile: Profile; regions: Place[]; localities: Locality[]; onClose: () => void };

/** The profile being edited: a draft of the changed fields, saved at once; a new e-mail waits for its link. */
export default function ProfileForm({ locale, t, act, errors, profile, regions, localities, onClose }: Props) {
  const [draft, setDraft] = useState<Record<string, string>>({});

  const saveProfile = (e: FormEvent) => {
    e.preventDefault();
    // A new address waits for the link sent to it: say so, rather than "saved".
    const newEmail = draft.email !== undefined && draft.email.trim().toLowerCase() !== String(profile.email).toLowerCase();
    act(() => authed('/api/accounts/me', locale, { method: 'PUT', json: draft }), t[newEmail ? 'cabinet.email.sent' : 'cabinet.saved']).then(
      (ok) => ok && onClose(),
    );
  };
  const value = (f: string) => draft[f] ?? String(profile[f as PersonField] ?? '');
  const change = (f: string) => (e: { target: { value: string } }) => setDraft((d) => withField(d, f, e.target.value));
  const byField = fieldErrors(errors);
  const text = (f: string, type: string, hint?: string) => (
    <InputField
      name={f}
      label={t[`field.${f}`]}
      hint={hint}
      error={byField[f]}
      required
      optionalText={t['form.optional']}
      input={{ type, value: value(f), onChange: change(f) }}
    />
  );
  return (
    <form onSubmit={saveProfile} noValidate className="form">
      <PersonFields
        t={t}
        errors={byField}
        value={value}
        onChange={change}
        education={educationOptions(t)}
        regions={regions}
        localities={localities.filter((l) => l.region === (draft.region ?? profile.region))}
      />
      {text('email', 'email', t['cabinet.email.hint'])}
      {text('phone', 'tel')}
      <InputField
        name="currentPassword"
        label={t['field.currentPassword']}
        hint={t['cabinet.contactNeedsPassword']}
        error={byField.currentPassword}
        optionalText={t['form.optional']}
        input={{ type: 'password', autoComplete: 'current-password', onChange: (e) => setDraft((d) => ({ ...d, currentPassword: e.target.value })) }}
      />
      <button type="submit">{t['cabinet.save']}</button>
      <button type="button" className="secondary" onClick={onClose}>
        {t['cabinet.cancel']}
      </button>
    </form>
  );
}
