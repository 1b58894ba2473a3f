import { useCallback, useEffect, useRef, useState } from 'react';
import { format, type Messages } from '../Form';
import { problemOf, renewSession, type Problem } from '../assessment-api';
import { forgetAttempt, freshest } from '../runner-store';
import { keepForOffline } from './offline';
import { createSync, type Connection, type Refusal, type Sync } from './sync';
import type { AttemptStart } from './useAttemptStart';
import type { RecordStore } from './useRecord';
import type { Phase } from './types';

type Options = {
  locale: string;
  t: Messages;
  store: RecordStore;
  start: AttemptStart;
  announce: (text: string) => void;
  setPhase: (phase: Phase) => void;
  setProblem: (problem: Problem | null) => void;
  /** The server has closed the attempt. */
  onOver: (id: number) => void;
  /** The person asked to finish, and the server can now be asked. */
  onFinishDue: () => void;
};

/** The first wait before the server is tried again; it doubles up to a minute. */
const FIRST_DELAY = 5_000;

/**
 * Talking to the server (R-NFR-6): the session, the attempt (useAttemptStart), then the sender
 * (sync.ts) that sends the outbox in batches with their sequence numbers. Offline, unreachable or
 * logged out, the test goes on from this device's copy and the server is tried again with backoff,
 * and at once when the browser's connection returns. Registers the service worker for offline reloads.
 */
export function useConnection(options: Options) {
  // The callbacks below outlive a render: they read the latest options.
  const latest = useRef(options);
  latest.current = options;
  const [connection, setConnection] = useState<Connection>('ok');
  const [refused, setRefused] = useState('');
  const [offlineReady, setOfflineReady] = useState(false);
  const sync = useRef<Sync | null>(null);
  const connected = useRef(false);
  const connecting = useRef(false);
  /** Set when the connection returned while connecting: connect once more afterwards. */
  const reconnect = useRef(false);
  const retryTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const retryDelay = useRef(FIRST_DELAY);

  const connect = useCallback(async (): Promise<void> => {
    if (connected.current) return;
    if (connecting.current) {
      reconnect.current = true;
      return;
    }
    connecting.current = true;
    reconnect.current = false;
    clearTimeout(retryTimer.current);
    const { locale, t, store, start, announce, setPhase, setProblem } = latest.current;
    const { recordRef, apply } = store;
    const retryLater = () => {
      retryTimer.current = setTimeout(() => void connect(), retryDelay.current);
      retryDelay.current = Math.min(retryDelay.current * 2, 60_000);
    };
    try {
      const session = await renewSession(locale);
      if (session !== 'ok') {
        setConnection(session);
        start.showOwn();
        if (session === 'offline') retryLater();
        if (!recordRef.current) {
          if (session === 'loggedOut') setPhase('loggedOut');
          else {
            setProblem({ kind: 'offline' });
            setPhase('problem');
          }
        }
        return;
      }
      const opened = await start.open();
      const { attempt } = opened;
      if (attempt.status === 'finished') return latest.current.onOver(attempt.id);
      const record = start.keep(opened);
      connected.current = true;
      retryDelay.current = FIRST_DELAY;
      setConnection('ok');
      setProblem(null);
      setPhase('running');
      sync.current?.dispose();
      sync.current = createSync({
        id: attempt.id,
        locale,
        current: () => freshest(recordRef.current!),
        apply,
        onConnection: setConnection,
        onRefused: (count: number, reason: Refusal) => setRefused(format(t[`test.refused.${reason}`], { n: count })),
        onNewerElsewhere: () => announce(t['test.save.newerElsewhere']),
        // After any pass that got everything to the server (the retry timer, "Send now", the connection back).
        onSynced: () => {
          if (recordRef.current?.finishRequested) latest.current.onFinishDue();
        },
        onFinished: () => latest.current.onOver(attempt.id),
        onStopped: (found) => {
          if (found.kind === 'other' && found.status === 404) forgetAttempt(attempt.id);
          setProblem(found);
        },
      });
      if (record.finishRequested) latest.current.onFinishDue();
      else void sync.current.flush();
    } catch (error) {
      const found = problemOf(error);
      if (found.kind === 'offline' || found.kind === 'unreachable') {
        setConnection(found.kind === 'offline' ? 'offline' : 'failing');
        // The server may come back without the browser noticing a change of connection.
        retryLater();
      }
      if (found.kind === 'loggedOut') setConnection('loggedOut');
      if (found.kind === 'offline' || found.kind === 'unreachable' || found.kind === 'loggedOut') start.showOwn();
      // With a copy on this device the test goes on; without one there is nothing to show.
      if (!recordRef.current || found.kind === 'consent' || found.kind === 'other') {
        setProblem(found);
        if (!recordRef.current) setPhase(found.kind === 'loggedOut' ? 'loggedOut' : 'problem');
      }
    } finally {
      connecting.current = false;
      if (reconnect.current && !connected.current) void connect();
    }
  }, []);

  /** "Try again": send now when connected, otherwise connect. */
  const retry = useCallback(() => void (connected.current ? sync.current?.retryNow() : connect()), [connect]);

  // Start: the server says whose copies may be shown (connect); offline, this device's memory does.
  useEffect(() => {
    const { start } = latest.current;
    if (!start.locate()) return;
    if (!navigator.onLine) {
      setConnection('offline');
      start.showOwn();
    }
    void connect();
    void keepForOffline().then(setOfflineReady);

    const online = () => {
      setConnection((c) => (c === 'offline' ? 'ok' : c));
      if (!connected.current) void connect();
      else void sync.current?.retryNow(); // a requested finish follows (onSynced)
    };
    const offline = () => setConnection('offline');
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      sync.current?.dispose();
      clearTimeout(retryTimer.current);
    };
  }, []); // once: the page runs one test; the callbacks read the latest state through refs

  return { connection, setConnection, refused, offlineReady, connected, sync, connect, retry };
}

export type Link = ReturnType<typeof useConnection>;
