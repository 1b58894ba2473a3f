import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import type { RunnerRecord } from '../runner-store';
import type { RecordStore } from './useRecord';

/**
 * Time on each item (R-TEST-1): it counts only while the item is shown and the page is seen, and
 * is stored in the record when the item is left or the page hidden or closed. `now` ticks every
 * second for the clocks.
 */
export function useItemClock(recordRef: RefObject<RunnerRecord | null>, apply: RecordStore['apply']) {
  const [current, setCurrent] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const currentRef = useRef<string | null>(null);
  const shownAt = useRef<number | null>(null);

  /** Shows an item (or none): its time starts now, if the page is seen. */
  const show = useCallback((key: string | null) => {
    currentRef.current = key;
    setCurrent(key);
    shownAt.current = typeof document !== 'undefined' && document.visibilityState === 'visible' ? performance.now() : null;
  }, []);

  /** Milliseconds on an item so far: the stored time, and the time running now if it is shown. */
  const spentOn = useCallback(
    (key: string) => {
      const live = shownAt.current === null ? 0 : performance.now() - shownAt.current;
      return (recordRef.current?.times[key] ?? 0) + (key === currentRef.current ? live : 0);
    },
    [recordRef],
  );

  /** Stores the time running on the item shown, and goes on counting from here. */
  const commitTime = useCallback(() => {
    const key = currentRef.current;
    if (!key || !recordRef.current || shownAt.current === null) return;
    const delta = Math.round(performance.now() - shownAt.current);
    shownAt.current = document.visibilityState === 'visible' ? performance.now() : null;
    if (delta > 0) apply((r) => ({ ...r, times: { ...r.times, [key]: (r.times[key] ?? 0) + delta } }));
  }, [recordRef, apply]);

  // Time counts only while the page is seen; it is stored when the page is hidden or closed.
  useEffect(() => {
    const visibility = () => {
      if (document.visibilityState === 'hidden') commitTime();
      else if (shownAt.current === null) shownAt.current = performance.now();
    };
    document.addEventListener('visibilitychange', visibility);
    window.addEventListener('pagehide', commitTime);
    return () => {
      document.removeEventListener('visibilitychange', visibility);
      window.removeEventListener('pagehide', commitTime);
    };
  }, [commitTime]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);

  return { current, currentRef, now, show, spentOn, commitTime };
}

export type ItemClock = ReturnType<typeof useItemClock>;
