import { useEffect, useMemo, useRef } from 'react';
import { scaledSeconds } from '@qabilet/domain';
import { format, type Messages } from '../Form';
import type { PublicItem } from '../assessment-api';
import type { RunnerRecord } from '../runner-store';
import { crossed, milestones, spoken } from './time';

/**
 * The two deadlines: the test's (the server's, extra time included, read on the server's clock)
 * and a timed task's own limit (scaled by the extra time), counted from the time spent on it.
 */
export function useTimeLimits(record: RunnerRecord | null, item: PublicItem | undefined, now: number, spentOn: (key: string) => number) {
  const testLeft = record?.deadline ? Date.parse(record.deadline) - (now + record.skewMs) : null;
  const testMarks = useMemo(
    () => (record?.deadline ? milestones(Date.parse(record.deadline) - Date.parse(record.startedAt)) : []),
    [record?.deadline, record?.startedAt],
  );
  const itemLimit = item?.type === 'timed' && item.timeLimitSeconds ? scaledSeconds(item.timeLimitSeconds, record?.extraTimePercent ?? 0) * 1000 : null;
  const itemLeft = itemLimit !== null && item ? itemLimit - spentOn(item.key) : null;
  const testUp = testLeft !== null && testLeft <= 0;
  const itemUp = itemLeft !== null && itemLeft <= 0;
  return { testLeft, testMarks, itemLimit, itemLeft, testUp, itemUp };
}

export type TimeLimits = ReturnType<typeof useTimeLimits>;

type Signals = {
  limits: TimeLimits;
  /** Announcements only while the test runs. */
  running: boolean;
  now: number;
  /** The item shown: a new one starts its own count. */
  current: string | null;
  item: PublicItem | undefined;
  t: Messages;
  announce: (text: string) => void;
  /** The test's time is up (once). */
  onTestUp: () => void;
};

/** Time announcements: at half time, a minute and ten seconds before the end, and at the end. */
export function useTimeAnnouncements({ limits, running, now, current, item, t, announce, onTestUp }: Signals) {
  const { testLeft, testMarks, itemLimit, itemLeft } = limits;
  const lastTest = useRef<number | null>(null);
  const lastItem = useRef<{ key: string; left: number } | null>(null);

  useEffect(() => {
    if (!running || testLeft === null) return;
    const before = lastTest.current;
    lastTest.current = testLeft;
    if (testLeft <= 0) {
      if (before === null || before > 0) {
        announce(t['test.time.testUp']);
        onTestUp();
      }
      return;
    }
    const mark = before === null ? undefined : crossed(testMarks, before, testLeft);
    if (mark) announce(format(t['test.time.testLeft'], { time: spoken(t, mark) }));
  }, [now, running]); // each tick of the clock

  useEffect(() => {
    if (!running || itemLeft === null || itemLimit === null || !item) return;
    const before = lastItem.current?.key === item.key ? lastItem.current.left : null;
    lastItem.current = { key: item.key, left: itemLeft };
    if (before === null) return;
    if (before > 0 && itemLeft <= 0) announce(t['test.time.itemUp']);
    else {
      const mark = crossed(milestones(itemLimit), before, itemLeft);
      if (mark) announce(format(t['test.time.itemLeft'], { time: spoken(t, mark) }));
    }
  }, [now, running, current]); // each tick, and a new item starts its own count
}
