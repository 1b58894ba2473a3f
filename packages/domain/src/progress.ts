/**
 * The person's own progress in the cabinet (issue 19), with the dashboards' definitions:
 * - a repeat diagnostic is a result of a test the person already had a result of, compared scale by
 *   scale with the previous one (results-over-time.ts groups and compares them: the same test from
 *   the same source); a scale moved `up` or `down` when its score changed by at least one point
 *   (0–100), else it stayed the `same`;
 * - a delivered consultation is a consultation booking whose status is completed; booked counts
 *   every consultation booking the person made (cancelled ones too), no-shows those not attended.
 */
import type { BookingStatus } from './slots.ts';
import type { MeasuredBy, ResultsOverTime } from './results-over-time.ts';
import type { ProgressDiagnostic, ProgressRepeat, ProgressView, ResultOrigin, ScaleMove } from './stats-view.ts';

/** A change smaller than this many points is no change. */
export const SAME_WITHIN = 1;

export const scaleMove = (delta: number): ScaleMove => (Math.abs(delta) < SAME_WITHIN ? 'same' : delta > 0 ? 'up' : 'down');

/** Qabilet's own results are the site's attempts. */
const ORIGIN: Record<MeasuredBy, ResultOrigin> = { qabilet: 'site', partner: 'partner', desktop: 'desktop' };

export type ProgressConsultation = ProgressView['consultations']['list'][number];
export type ProgressRecords = {
  results: ResultsOverTime;
  recommendations: ProgressView['recommendations'];
  consultations: ProgressConsultation[];
};

const newestFirst = <T>(list: T[], at: (x: T) => string) => [...list].sort((a, b) => at(b).localeCompare(at(a)));
const count = (list: ProgressConsultation[], status: BookingStatus) => list.filter((c) => c.status === status).length;

/** The progress view of one person's records: every diagnostic and every repeat newest first, the consultations counted. */
export function progressOf({ results, recommendations, consultations }: ProgressRecords): ProgressView {
  const diagnostics: ProgressDiagnostic[] = results.flatMap((test) =>
    test.measurements.map((m) => ({
      test: test.test,
      testName: test.title,
      at: m.at,
      source: ORIGIN[test.source],
      scales: m.scales.map((s) => ({ key: s.scale, name: s.name, score: s.score })),
    })),
  );
  const repeats: ProgressRepeat[] = results.flatMap((test) =>
    test.measurements.flatMap((m, i) =>
      i > 0 && m.change
        ? [
            {
              test: test.test,
              testName: test.title,
              from: test.measurements[i - 1]!.at,
              to: m.at,
              scales: m.change.map((c) => ({ key: c.scale, name: c.name, before: c.before, after: c.after, delta: c.change, move: scaleMove(c.change) })),
            },
          ]
        : [],
    ),
  );
  return {
    diagnostics: newestFirst(diagnostics, (d) => d.at),
    repeats: newestFirst(repeats, (r) => r.to),
    recommendations: newestFirst(recommendations, (r) => r.at),
    consultations: {
      booked: consultations.length,
      delivered: count(consultations, 'completed'),
      noShows: count(consultations, 'no_show'),
      list: newestFirst(consultations, (c) => c.date),
    },
  };
}
