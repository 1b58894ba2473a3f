import { useState, type FormEvent } from 'react';
import { api, setAccessToken, type FieldError } from './api';
import { ErrorSummary, fieldErrors, formErrors, InputField, useHydrated, type Messages } from './Form';

type Props = { locale: string; t: Messages; cabinetHref: string; forgotHref: string };

/** The code comes from the link in the mail (?code=…); it is read here and sent, never stored. */
export default function ResetForm({ locale, t, cabinetHref, forgotHref }: Props) {
  const ready = useHydrated();
  const [code] = useState(() => (typeof window === 'undefined' ? '' : (new URLSearchParams(window.location.search).get('code') ?? '')));
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState(false);
  const byField = fieldErrors(errors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await api.post<{ jwt: string }>('/api/auth/reset-password', { code, password, passwordConfirmation: confirmation }, locale);
      setAccessToken(result.jwt);
      setDone(true);
    } catch (error) {
      setErrors(formErrors(error, t['form.failed'], false));
    }
  }

  if (!code)
    return (
      <p className="notice">
        {t['reset.missing']} <a href={forgotHref}>{t['forgot.title']}</a>
      </p>
    );
  if (done)
    return (
      <p role="status" className="notice">
        {t['reset.done']} <a href={cabinetHref}>{t['cabinet.title']}</a>
      </p>
    );
  const newPassword = (name: string, value: string, setValue: (value: string) => void, hint?: string) => (
    <InputField
      name={name}
      label={t[`field.${name}`]}
      hint={hint}
      required
      error={byField[name]}
      input={{ type: 'password', autoComplete: 'new-password', required: true, value, onChange: (e) => setValue(e.target.value) }}
    />
  );
  const labels = { password: t['field.password'], passwordConfirmation: t['field.passwordConfirmation'], code: t['forgot.title'] };
  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={labels} />
      {byField.code ? (
        <p>
          <a href={forgotHref}>{t['forgot.title']}</a>
        </p>
      ) : null}
      {newPassword('password', password, setPassword, t['field.password.hint'])}
      {newPassword('passwordConfirmation', confirmation, setConfirmation)}
      <button type="submit" disabled={!ready}>
        {t['reset.submit']}
      </button>
    </form>
  );
}
