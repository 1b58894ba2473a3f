/**
 * Whose records an account page shows — the user's own or one of their children's — and the view
 * loaded for that person. A parent chooses by a radio (WhoseChoice); the address keeps the choice
 * (`?child=<documentId>`, the child's record id, never a name), so a reload shows the same person.
 */
import { useCallback, useState } from 'react';
import { loadAccount, problemOf, type Account } from '../assessment-api';
import { useResume } from '../useResume';

/** `fetchView` must be stable (a module's function): it loads the view of the user (`null`) or of a child. */
export function useWhose<V>(locale: string, fetchView: (locale: string, child: string | null) => Promise<V>) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const [child, setChild] = useState<string | null>(null);
  const [view, setView] = useState<V | null>(null);
  const [failed, setFailed] = useState(false);

  const loadView = useCallback(
    async (whose: string | null) => {
      setFailed(false);
      try {
        setView(await fetchView(locale, whose));
      } catch (error) {
        if (problemOf(error).kind === 'loggedOut') setAccount(null);
        else setFailed(true);
      }
    },
    [locale, fetchView],
  );

  const load = useCallback(async () => {
    const wanted = new URLSearchParams(window.location.search).get('child');
    try {
      const me = await loadAccount(locale);
      setAccount(me);
      const chosen = me.children.some((c) => c.documentId === wanted) ? wanted : null;
      setChild(chosen);
      await loadView(chosen);
    } catch (error) {
      if (problemOf(error).kind === 'loggedOut') setAccount(null);
      else setFailed(true);
    }
  }, [locale, loadView]);
  const loggedOut = useCallback(() => setAccount(null), []);
  useResume(locale, load, loggedOut);

  const choose = (next: string | null) => {
    setChild(next);
    setView(null);
    const url = new URL(window.location.href);
    if (next) url.searchParams.set('child', next);
    else url.searchParams.delete('child');
    window.history.replaceState(null, '', url);
    void loadView(next);
  };

  return { account, child, view, failed, load, choose };
}
