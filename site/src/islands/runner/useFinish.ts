import { useCallback, useEffect, useRef } from 'react';
import { codeOf, finishAttempt, isTransient, problemOf, type Problem } from '../assessment-api';
import { forgetAttempt } from '../runner-store';
import type { Link } from './useConnection';
import type { RecordStore } from './useRecord';
import type { Phase } from './types';

type Options = {
  locale: string;
  link: Link;
  store: RecordStore;
  setPhase: (phase: Phase) => void;
  setProblem: (problem: Problem | null) => void;
  resultLink: (id: number) => string;
};

/** The first wait before a failed finish is tried again; it doubles up to a minute. */
const FIRST_DELAY = 5_000;

/**
 * Finishing: once everything has reached the server, the finish request; when it fails on the way
 * (server error, lost connection) it is tried again with backoff. A person may ask to finish while
 * the server cannot be reached: the record says so and the finish follows as soon as it can.
 */
export function useFinish({ locale, link, store, setPhase, setProblem, resultLink }: Options) {
  const { connected, sync, setConnection } = link;
  const { recordRef, adopt } = store;
  const finishing = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const delay = useRef(FIRST_DELAY);

  /** The attempt is over: its copy leaves this device and the result is shown. */
  const done = useCallback(
    (id: number) => {
      sync.current?.dispose();
      clearTimeout(timer.current);
      forgetAttempt(id); // this attempt only: another test may be running in another tab
      adopt(null);
      setPhase('finishing');
      window.location.assign(resultLink(id));
    },
    [sync, adopt, setPhase, resultLink],
  );

  const complete = useCallback(async () => {
    const r = recordRef.current;
    if (!r || finishing.current) return;
    if (!connected.current || !sync.current) return; // finished as soon as the server is reached
    finishing.current = true;
    clearTimeout(timer.current);
    setPhase('finishing');
    try {
      if (!(await sync.current.flush())) {
        setPhase('running');
        return;
      }
      const latest = recordRef.current ?? r;
      await finishAttempt(latest.id, latest.outbox, latest.position ? { item: latest.position } : null, locale);
      done(latest.id);
    } catch (error) {
      if (codeOf(error) === 'attempt.finished') return done(r.id);
      setPhase('running');
      const found = problemOf(error);
      if (found.kind === 'loggedOut') setConnection('loggedOut');
      else if (isTransient(error)) {
        setConnection(navigator.onLine ? 'failing' : 'offline');
        timer.current = setTimeout(() => void completeRef.current(), delay.current);
        delay.current = Math.min(delay.current * 2, 60_000);
      } else setProblem(found);
    } finally {
      finishing.current = false;
    }
  }, [recordRef, connected, sync, setConnection, setPhase, setProblem, done, locale]);
  const completeRef = useRef(complete);
  completeRef.current = complete;

  useEffect(() => () => clearTimeout(timer.current), []);

  return { done, complete };
}
