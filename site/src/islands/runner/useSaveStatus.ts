import { useEffect, useRef, useState } from 'react';
import type { Connection } from './sync';
import type { SaveStatus } from './types';

/** How long answers may wait unsent before the status says "sending" (a quick round trip says nothing). */
const QUIET_MS = 2_500;

/** The status line: offline and trouble at once, "sending" only when it takes a while. */
export function useSaveStatus(kept: boolean, connection: Connection, outboxSize: number, now: number): SaveStatus {
  const [status, setStatus] = useState<SaveStatus>('saved');
  const pendingSince = useRef<number | null>(null);
  useEffect(() => {
    if (!kept) return setStatus('noStorage');
    if (connection === 'offline') return setStatus('offline');
    if (connection === 'loggedOut') return setStatus('loggedOut');
    if (connection === 'failing') return setStatus('retrying');
    if (!outboxSize) {
      pendingSince.current = null;
      return setStatus('saved');
    }
    pendingSince.current ??= Date.now();
    if (Date.now() - pendingSince.current >= QUIET_MS) setStatus('sending');
  }, [kept, connection, outboxSize, now]);
  return status;
}
