import { useCallback, useEffect, useState } from 'react';
import { authed, resume, type FieldError } from '../api';
import { formErrors, type Messages } from '../Form';
import type { Act, CodeFor, View } from './types';

/** The account's view (undefined while loading, null when logged out), the status line and the error summary. */
export function useCabinet(locale: string, t: Messages) {
  const [view, setView] = useState<View | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);

  const load = useCallback(async () => setView(await authed<View>('/api/accounts/me', locale)), [locale]);
  useEffect(() => {
    resume(locale).then(
      (ok) => (ok ? load() : setView(null)),
      () => setView(null),
    );
  }, [locale, load]);

  /** Runs an action, then reloads the view; problems go to the summary, a message to the status line. */
  const act: Act = async (fn, message = '') => {
    setErrors([]);
    setNotice('');
    try {
      await fn();
      await load();
      setNotice(message);
      return true;
    } catch (error) {
      setErrors(formErrors(error, t['form.failed']));
      return false;
    }
  };

  return { view, notice, setNotice, errors, load, act };
}

/** The one-time code form's state: what it confirms, and the code typed (kept across uses, as before). */
export function useCodeStep() {
  const [codeFor, setCodeFor] = useState<CodeFor>(null);
  const [code, setCode] = useState('');
  return { codeFor, setCodeFor, code, setCode };
}
