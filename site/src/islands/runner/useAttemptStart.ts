import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../api';
import { getAttempt, loadAccount, startAttempt, type Attempt } from '../assessment-api';
import { claimDevice, forgetAttempt, mergeWithServer, ownRecord, readPointer, readRecord, type RunnerRecord } from '../runner-store';
import type { ItemClock } from './useItemClock';
import type { RecordStore } from './useRecord';
import type { Phase } from './types';

type Options = {
  locale: string;
  loginHref: string;
  resultsHref: string;
  store: RecordStore;
  clock: ItemClock;
  setPhase: (phase: Phase) => void;
};

/** The attempt as the server has it, and the account it was opened for. */
export type Opened = { attempt: Attempt; owner: number };

/**
 * Which attempt the page runs: the test (and the child) named in the address, resumed from this
 * device's copy or the server's, or started anew. Online the server says whose copies may be shown
 * (see runner-store.ts); offline only the copy of the account last seen on this device is.
 */
export function useAttemptStart({ locale, loginHref, resultsHref, store, clock, setPhase }: Options) {
  const { recordRef, adopt, save } = store;
  const { currentRef, show } = clock;
  const where = useRef<{ slug: string; child: string | null }>({ slug: '', child: null });
  const [login, setLogin] = useState(loginHref);

  /** Reads the test from the address, and the way back after logging in; false when it names no test. */
  const locate = useCallback((): boolean => {
    const params = new URLSearchParams(window.location.search);
    const slug = params.get('test') ?? '';
    const child = params.get('child') || null;
    where.current = { slug, child };
    setLogin(`${loginHref}?${new URLSearchParams({ next: `${window.location.pathname}${window.location.search}` })}`);
    if (!/^[a-z0-9-]+$/.test(slug)) {
      setPhase('noTest');
      return false;
    }
    return true;
  }, [loginHref, setPhase]);

  /** This device's copy, when the server cannot say whose it is: only if it is the last account's here. */
  const showOwn = useCallback(() => {
    if (recordRef.current) return;
    const local = ownRecord(where.current.slug, where.current.child);
    if (!local) return;
    adopt(local);
    show(local.position);
    setPhase('running');
  }, [recordRef, adopt, show, setPhase]);

  /** Asks the server for the attempt to run (with a session): this device's, if still the account's, or a new one. */
  const open = useCallback(async (): Promise<Opened> => {
    const { slug, child } = where.current;
    // Whose copies may be shown: the logged-in account's only (see runner-store.ts).
    const owner = (await loadAccount(locale)).profile.id;
    claimDevice(owner);
    if (recordRef.current && recordRef.current.owner !== owner) {
      adopt(null);
      show(null);
    }
    const id = readPointer(slug, child);
    const local = recordRef.current ?? (id ? readRecord(id) : null);
    if (!local) return { attempt: await startAttempt(slug, child, locale), owner };
    try {
      return { attempt: await getAttempt(local.id, locale), owner };
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 404) throw error;
      forgetAttempt(local.id); // not this person's (another account on this device) or gone
      adopt(null);
      return { attempt: await startAttempt(slug, child, locale), owner };
    }
  }, [locale, recordRef, adopt, show]);

  /** The running attempt merged with this device's copy, stored and shown (at its position, unless an item of it is shown). */
  const keep = useCallback(
    ({ attempt, owner }: Opened): RunnerRecord => {
      const { slug, child } = where.current;
      const merged = mergeWithServer(readRecord(attempt.id) ?? recordRef.current, attempt, slug, child, owner);
      save(merged);
      if (currentRef.current === null || !merged.test.sections.some((s) => s.items.some((i) => i.key === currentRef.current))) {
        show(merged.position);
      }
      return merged;
    },
    [recordRef, currentRef, save, show],
  );

  /** The result page of an attempt (the child's, when the test is a child's). */
  const resultLink = useCallback(
    (id: number) => {
      const query = new URLSearchParams({ attempt: String(id) });
      if (where.current.child) query.set('child', where.current.child);
      return `${resultsHref}?${query}`;
    },
    [resultsHref],
  );

  return { login, locate, showOwn, open, keep, resultLink };
}

export type AttemptStart = ReturnType<typeof useAttemptStart>;
