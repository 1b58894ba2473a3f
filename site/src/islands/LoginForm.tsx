import { useState, type FormEvent } from 'react';
import { ApiError, logIn, type FieldError } from './api';
import { ErrorSummary, Field, useHydrated, type Messages } from './Form';

type Props = { locale: string; t: Messages; cabinetHref: string; forgotHref: string; registerHref: string };

/** The page that sent the visitor here (`?next=`), if it is one of this site's own. */
function returnPath(): string | undefined {
  const next = new URLSearchParams(window.location.search).get('next');
  if (!next) return undefined;
  // Resolved as the browser would, so "//elsewhere" or tricks with tabs cannot lead off the site.
  const url = new URL(next, window.location.origin);
  return url.origin === window.location.origin ? `${url.pathname}${url.search}${url.hash}` : undefined;
}

export default function LoginForm({ locale, t, cabinetHref, forgotHref, registerHref }: Props) {
  const ready = useHydrated();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await logIn(email, password, locale);
      window.location.assign(returnPath() ?? cabinetHref);
    } catch (error) {
      const message = error instanceof ApiError && error.status === 429 ? error.message : t['login.failed'];
      setErrors([{ path: ['form'], message }]);
      setBusy(false);
    }
  }

  return (
    <form method="post" onSubmit={submit} className="form">
      <ErrorSummary title={t['form.errors']} errors={errors} labels={{}} />
      <Field name="email" label={t['field.email']} required>
        {({ id }) => <input id={id} name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />}
      </Field>
      <Field name="password" label={t['field.password']} required>
        {({ id }) => (
          <input
            id={id}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" disabled={busy || !ready}>
        {busy ? t['form.sending'] : t['login.submit']}
      </button>
      <p>
        <a href={forgotHref}>{t['login.forgot']}</a>
      </p>
      <p>
        <a href={registerHref}>{t['login.register']}</a>
      </p>
    </form>
  );
}
