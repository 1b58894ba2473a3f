import { useCallback, useEffect, useState } from 'react';
import { isAbort, problemOf, type Problem } from './problem';

export type Resource<T> = { data: T | undefined; problem: Problem | undefined; loading: boolean; reload: () => void };

/**
 * Loads `load()` whenever it changes (callers memoise it on what it depends on) and on `reload()`;
 * `null` loads nothing. An answer that arrives after a newer request started is dropped, so quick
 * clicks through days or pages never show an older one. While it reloads, the data shown stays.
 */
export function useResource<T>(load: (() => Promise<T>) | null, fallbackMessage: string): Resource<T> {
  const [state, setState] = useState<Omit<Resource<T>, 'reload'>>({ data: undefined, problem: undefined, loading: Boolean(load) });
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!load) {
      setState({ data: undefined, problem: undefined, loading: false });
      return;
    }
    let current = true;
    setState((previous) => ({ ...previous, loading: true }));
    load().then(
      (data) => current && setState({ data, problem: undefined, loading: false }),
      (error) => {
        if (current && !isAbort(error)) setState({ data: undefined, problem: problemOf(error, fallbackMessage), loading: false });
      },
    );
    return () => {
      current = false;
    };
  }, [load, version, fallbackMessage]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { ...state, reload };
}
