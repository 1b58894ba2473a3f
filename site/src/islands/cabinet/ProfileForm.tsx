import { useState, type FormEvent } from 'react';
import { authed } from '../api';
import { Field, fieldErrors } from '../Form';
import { educationOptions } from '../options';
import type { Locality, Place } from '../RegisterForm';
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
  const value = (f: string) => draft[f] ?? String(profile[f] ?? '');
  const change = (f: string) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [f]: e.target.value, ...(f === 'region' ? { locality: '' } : {}) }));
  const text = (f: string, type = 'text', hint?: string) => (
    <Field key={f} name={f} label={t[`field.${f}`]} hint={hint} error={fieldErrors(errors)[f]} required={f !== 'patronymic'} optionalText={t['form.optional']}>
      {({ id, describedBy, invalid }) => (
        <input id={id} name={f} type={type} value={value(f)} onChange={change(f)} aria-invalid={invalid || undefined} aria-describedby={describedBy} />
      )}
    </Field>
  );
  const select = (f: string, options: Array<[string, string]>) => (
    <Field key={f} name={f} label={t[`field.${f}`]} error={fieldErrors(errors)[f]} required>
      {({ id, describedBy, invalid }) => (
        <select id={id} name={f} value={value(f)} onChange={change(f)} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          <option value="">{t['form.choose']}</option>
          {options.map(([v, l]) => (
            <option key={v} value={v}>
              {l}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form onSubmit={saveProfile} noValidate className="form">
      {(['surname', 'firstName', 'patronymic'] as const).map((f) => text(f))}
      {select('gender', [
        ['female', t['field.gender.female']],
        ['male', t['field.gender.male']],
      ])}
      {text('birthDate', 'date')}
      {select('education', educationOptions(t))}
      {select(
        'region',
        regions.map((r) => [r.code, r.name]),
      )}
      {select(
        'locality',
        localities.filter((l) => l.region === (draft.region ?? profile.region)).map((l) => [l.key, l.name]),
      )}
      {text('email', 'email', t['cabinet.email.hint'])}
      {text('phone', 'tel')}
      <Field
        name="currentPassword"
        label={t['field.currentPassword']}
        hint={t['cabinet.contactNeedsPassword']}
        error={fieldErrors(errors).currentPassword}
        optionalText={t['form.optional']}
      >
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            onChange={(e) => setDraft((d) => ({ ...d, currentPassword: e.target.value }))}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <button type="submit">{t['cabinet.save']}</button>
      <button type="button" className="secondary" onClick={onClose}>
        {t['cabinet.cancel']}
      </button>
    </form>
  );
}
