import { useState, type FormEvent } from 'react';
import { api, ApiError, setAccessToken, type FieldError } from './api';
import { ErrorSummary, Field, fieldErrors, useHydrated, type Messages } from './Form';

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
      setErrors(error instanceof ApiError && error.fields.length ? error.fields : [{ path: ['form'], message: t['form.failed'] }]);
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
  const labels = { password: t['field.password'], passwordConfirmation: t['field.passwordConfirmation'], code: t['forgot.title'] };
  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={labels} />
      {byField.code ? (
        <p>
          <a href={forgotHref}>{t['forgot.title']}</a>
        </p>
      ) : null}
      <Field name="password" label={t['field.password']} hint={t['field.password.hint']} required error={byField.password}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <Field name="passwordConfirmation" label={t['field.passwordConfirmation']} required error={byField.passwordConfirmation}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            name="passwordConfirmation"
            type="password"
            autoComplete="new-password"
            required
            value={confirmation}
            onChange={(e) => setConfirmation(e.target.value)}
            aria-invalid={invalid || undefined}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <button type="submit" disabled={!ready}>
        {t['reset.submit']}
      </button>
    </form>
  );
}
