import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { isRecordKey, recordFrom, updateRecord, writeRecord, type RunnerRecord } from '../runner-store';

/**
 * The page's copy of the attempt (runner-store.ts): in state for rendering, and in a ref for what
 * runs outside a render (timers, the sender, other tabs' events). Every change is written to the
 * device at once; `kept` turns false when the device refuses to store one.
 */
export function useRecord() {
  const [record, setRecord] = useState<RunnerRecord | null>(null);
  const [kept, setKept] = useState(true);
  const recordRef = useRef<RunnerRecord | null>(null);

  /** Shows a copy already stored (or none). */
  const adopt = useCallback((next: RunnerRecord | null) => {
    recordRef.current = next;
    setRecord(next);
  }, []);
  /** Changes the copy, on the device and on the page. */
  const apply = useCallback(
    (change: (r: RunnerRecord) => RunnerRecord): RunnerRecord => {
      const { record: next, kept: ok } = updateRecord(recordRef.current!, change);
      adopt(next);
      if (!ok) setKept(false);
      return next;
    },
    [adopt],
  );
  /** A whole new copy (merged with the server's): stored on the device and shown. */
  const save = useCallback(
    (next: RunnerRecord) => {
      if (!writeRecord(next)) setKept(false);
      adopt(next);
    },
    [adopt],
  );

  return { record, recordRef, kept, adopt, apply, save };
}

export type RecordStore = ReturnType<typeof useRecord>;

/**
 * Another tab of the same attempt: its answers show here at once (the position stays this tab's).
 * When the copy leaves the device there (finished, logged out), `onGone` says so.
 */
export function useOtherTabs(recordRef: RefObject<RunnerRecord | null>, adopt: RecordStore['adopt'], onGone: () => void) {
  useEffect(() => {
    const changed = (event: StorageEvent) => {
      const mine = recordRef.current;
      if (!mine || (event.key !== null && !isRecordKey(event.key, mine.id))) return;
      const next = event.key === null ? null : recordFrom(event.newValue);
      if (!next) {
        // Finished or logged out in another tab: the copy is gone from this device.
        onGone();
        adopt(null);
        return;
      }
      adopt(next);
    };
    window.addEventListener('storage', changed);
    return () => window.removeEventListener('storage', changed);
  }, [recordRef, adopt, onGone]);
}
