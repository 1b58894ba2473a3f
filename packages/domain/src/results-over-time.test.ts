import assert from 'node:assert/strict';
import { resultsOverTime, type ResultMeasurement } from './results-over-time.ts';

const m = (test: string, at: string, scores: Record<string, number>, source: ResultMeasurement['source'] = 'qabilet'): ResultMeasurement => ({
  test,
  title: test,
  source,
  at,
  attemptId: null,
  scales: Object.entries(scores).map(([scale, score]) => ({ scale, score, name: scale.toUpperCase() })),
});

describe('domain: diagnostic results over time', () => {
  it('orders each test’s measurements oldest first and compares each with the one before', () => {
    const [interests] = resultsOverTime([
      m('interests', '2026-03-01T10:00:00.000Z', { art: 70, tech: 40 }),
      m('interests', '2026-01-01T10:00:00.000Z', { art: 50, tech: 45 }),
      m('interests', '2026-05-01T10:00:00.000Z', { art: 75, music: 20 }),
    ]);
    assert.deepEqual(
      interests!.measurements.map((x) => x.at.slice(0, 7)),
      ['2026-01', '2026-03', '2026-05'],
    );
    assert.equal(interests!.measurements[0]!.change, null);
    assert.deepEqual(interests!.measurements[1]!.change, [
      { scale: 'art', name: 'ART', before: 50, after: 70, change: 20 },
      { scale: 'tech', name: 'TECH', before: 45, after: 40, change: -5 },
    ]);
    // A scale the previous measurement did not have has no change.
    assert.deepEqual(interests!.measurements[2]!.change, [{ scale: 'art', name: 'ART', before: 70, after: 75, change: 5 }]);
  });

  it('keeps tests and sources apart, the most recently measured test first', () => {
    const tests = resultsOverTime([
      m('soft', '2026-02-01T00:00:00.000Z', { team: 10 }),
      m('soft', '2026-04-01T00:00:00.000Z', { team: 30 }, 'partner'),
      m('interests', '2026-03-01T00:00:00.000Z', { art: 1 }),
    ]);
    assert.deepEqual(
      tests.map((t) => `${t.source}:${t.test}:${t.measurements.length}`),
      ['partner:soft:1', 'qabilet:interests:1', 'qabilet:soft:1'],
    );
    assert.ok(tests.every((t) => t.measurements[0]!.change === null));
    assert.deepEqual(resultsOverTime([]), []);
  });
});
