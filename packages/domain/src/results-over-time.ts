/**
 * Diagnostic results over time (the person's card, R-OUT): each test's measurements in the order
 * they were taken, each compared with the one before it (the change per scale, after − before).
 * A repeated diagnostic is the same test from the same source: Qabilet's own attempts by test, a
 * partner's or a desktop database's results by source and test. Scales measured only once (or
 * not in the previous measurement) have no change.
 */
import type { ScaleScore } from './scoring.ts';

export type MeasuredBy = 'qabilet' | 'partner' | 'desktop';

/** One measurement as the sources give it. */
export type ResultMeasurement = {
  /** What makes measurements comparable: the test (and the source for results from outside). */
  test: string;
  title: string;
  source: MeasuredBy;
  at: string;
  attemptId: number | null;
  scales: Array<Pick<ScaleScore, 'scale' | 'score'> & { name: string }>;
};

export type ScaleChange = { scale: string; name: string; before: number; after: number; change: number };

export type TestOverTime = {
  test: string;
  title: string;
  source: MeasuredBy;
  measurements: Array<ResultMeasurement & { change: ScaleChange[] | null }>;
};

export type ResultsOverTime = TestOverTime[];

/** Groups measurements by test (oldest first within each), compares each with the previous one; tests ordered by their latest measurement, newest first. */
export function resultsOverTime(measurements: readonly ResultMeasurement[]): ResultsOverTime {
  const byTest = new Map<string, ResultMeasurement[]>();
  for (const m of measurements) {
    const key = `${m.source}|${m.test}`;
    byTest.set(key, [...(byTest.get(key) ?? []), m]);
  }
  const tests = [...byTest.values()].map((list) => {
    const sorted = [...list].sort((a, b) => a.at.localeCompare(b.at));
    const latest = sorted[sorted.length - 1]!;
    return {
      test: latest.test,
      title: latest.title,
      source: latest.source,
      measurements: sorted.map((m, i) => {
        const previous = sorted[i - 1];
        if (!previous) return { ...m, change: null };
        const change = m.scales.flatMap((s) => {
          const before = previous.scales.find((p) => p.scale === s.scale);
          return before ? [{ scale: s.scale, name: s.name, before: before.score, after: s.score, change: s.score - before.score }] : [];
        });
        return { ...m, change };
      }),
    };
  });
  const latestAt = (t: TestOverTime) => t.measurements[t.measurements.length - 1]!.at;
  return tests.sort((a, b) => latestAt(b).localeCompare(latestAt(a)));
}
