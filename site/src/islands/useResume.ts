import { useEffect } from 'react';
import { resume } from './api';

/**
 * Resumes the session, then loads; without a session, `loggedOut` (both kept stable by the caller).
 * A session cannot be resumed offline: it is tried again when the connection is back.
 */
export function useResume(locale: string, load: () => unknown, loggedOut: () => void) {
  useEffect(() => {
    const start = () =>
      resume(locale).then(
        (ok) => (ok ? load() : loggedOut()),
        () => loggedOut(),
      );
    start();
    window.addEventListener('online', start);
    return () => window.removeEventListener('online', start);
  }, [locale, load, loggedOut]);
}
