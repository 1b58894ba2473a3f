import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiError } from './api';
import { useHydrated, type Messages } from './Form';

type Props = { locale: string; t: Messages; loginHref: string; cabinetHref: string };

/** The token of the new address's link: only ever in the fragment (#token=…), which no server log sees. */
function tokenFromUrl(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/**
 * Where the link in the mail to a new address leads. Confirming takes a press of the button, not the
 * page's loading, so a mail scanner that opens links cannot confirm for the person. No session is
 * needed: the link may be opened on another device.
 */
export default function EmailConfirm({ locale, t, loginHref, cabinetHref }: Props) {
  const ready = useHydrated();
  const [token, setToken] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' | 'done' | 'refused' | 'failed'; message?: string }>({ kind: 'idle' });

  useEffect(() => {
    setToken(tokenFromUrl());
    // The token leaves the address bar (and the history) once read.
    window.history.replaceState(null, '', window.location.pathname);
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setState({ kind: 'busy' });
    try {
      const result = await api.post<{ message: string }>('/api/accounts/me/email/confirm', { token }, locale);
      setState({ kind: 'done', message: result.message });
    } catch (error) {
      // A refused link stays refused; a lost connection may be tried again.
      const refused = error instanceof ApiError && error.status < 500;
      setState({ kind: refused ? 'refused' : 'failed', message: error instanceof ApiError ? error.message : t['form.failed'] });
    }
  }

  if (state.kind === 'done')
    return (
      <p role="status" className="notice">
        {state.message} <a href={loginHref}>{t['login.title']}</a>
      </p>
    );
  if (state.kind === 'refused')
    return (
      <p role="alert" className="notice">
        {state.message} <a href={cabinetHref}>{t['cabinet.title']}</a>
      </p>
    );
  if (ready && !token)
    return (
      <p className="notice">
        {t['cabinet.emailConfirm.missing']} <a href={cabinetHref}>{t['cabinet.title']}</a>
      </p>
    );
  return (
    <form method="post" onSubmit={submit} noValidate className="form">
      {state.kind === 'failed' ? (
        <p role="alert" className="error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" disabled={!ready || state.kind === 'busy'}>
        {state.kind === 'busy' ? t['form.sending'] : t['cabinet.emailConfirm.submit']}
      </button>
    </form>
  );
}
