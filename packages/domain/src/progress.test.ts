import assert from 'node:assert/strict';
import { progressOf, scaleMove, type ProgressConsultation } from './progress.ts';
import { resultsOverTime, type ResultMeasurement } from './results-over-time.ts';

const m = (test: string, at: string, scores: Record<string, number>, source: ResultMeasurement['source'] = 'qabilet'): ResultMeasurement => ({
  test,
  title: test.toUpperCase(),
  source,
  at,
  attemptId: null,
  scales: Object.entries(scores).map(([scale, score]) => ({ scale, score, name: scale.toUpperCase() })),
});
const consultation = (date: string, status: ProgressConsultation['status']): ProgressConsultation => ({ date, centre: 'Almaty', format: 'offline', status });

describe('domain: the person’s own progress', () => {
  it('says a scale stayed the same when it moved by less than a point', () => {
    assert.equal(scaleMove(0), 'same');
    assert.equal(scaleMove(0.99), 'same');
    assert.equal(scaleMove(-0.5), 'same');
    assert.equal(scaleMove(1), 'up');
    assert.equal(scaleMove(-1), 'down');
    assert.equal(scaleMove(-12.5), 'down');
  });

  it('lists every diagnostic newest first and compares each repeat with the previous result of its test', () => {
    const view = progressOf({
      results: resultsOverTime([
        m('interests', '2026-01-10T10:00:00.000Z', { art: 50, tech: 45, music: 30 }),
        m('interests', '2026-03-10T10:00:00.000Z', { art: 70, tech: 44.5, music: 20 }),
        m('interests', '2026-05-10T10:00:00.000Z', { art: 70, tech: 60 }),
        m('soft', '2026-02-01T10:00:00.000Z', { team: 40 }, 'partner'),
        m('soft', '2026-04-01T10:00:00.000Z', { team: 35 }),
      ]),
      recommendations: [],
      consultations: [],
    });
    assert.deepEqual(
      view.diagnostics.map((d) => `${d.at.slice(0, 7)} ${d.source}:${d.test}`),
      ['2026-05 site:interests', '2026-04 site:soft', '2026-03 site:interests', '2026-02 partner:soft', '2026-01 site:interests'],
    );
    assert.deepEqual(view.diagnostics[0]!.scales, [
      { key: 'art', name: 'ART', score: 70 },
      { key: 'tech', name: 'TECH', score: 60 },
    ]);
    // A partner's result of a test is no earlier result of the site's test of that name: two repeats, both of interests.
    assert.deepEqual(
      view.repeats.map((r) => [r.test, r.testName, r.from.slice(0, 7), r.to.slice(0, 7)]),
      [
        ['interests', 'INTERESTS', '2026-03', '2026-05'],
        ['interests', 'INTERESTS', '2026-01', '2026-03'],
      ],
    );
    assert.deepEqual(view.repeats[1]!.scales, [
      { key: 'art', name: 'ART', before: 50, after: 70, delta: 20, move: 'up' },
      { key: 'tech', name: 'TECH', before: 45, after: 44.5, delta: -0.5, move: 'same' },
      { key: 'music', name: 'MUSIC', before: 30, after: 20, delta: -10, move: 'down' },
    ]);
    // Music was not measured the third time: only the scales both results have are compared.
    assert.deepEqual(
      view.repeats[0]!.scales.map((s) => [s.key, s.delta, s.move]),
      [
        ['art', 0, 'same'],
        ['tech', 15.5, 'up'],
      ],
    );
  });

  it('counts consultations booked, delivered (completed) and missed, and lists them and the recommendations newest first', () => {
    const view = progressOf({
      results: [],
      recommendations: [
        { at: '2026-02-01T09:00:00.000Z', author: 'A', professions: [] },
        { at: '2026-06-01T09:00:00.000Z', author: 'B', professions: ['Engineer'] },
      ],
      consultations: [
        consultation('2026-03-01T05:00:00.000Z', 'completed'),
        consultation('2026-04-01T05:00:00.000Z', 'no_show'),
        consultation('2026-05-01T05:00:00.000Z', 'cancelled'),
        consultation('2026-06-01T05:00:00.000Z', 'confirmed'),
        consultation('2026-01-01T05:00:00.000Z', 'completed'),
      ],
    });
    assert.deepEqual(
      { ...view.consultations, list: view.consultations.list.map((c) => c.status) },
      { booked: 5, delivered: 2, noShows: 1, list: ['confirmed', 'cancelled', 'no_show', 'completed', 'completed'] },
    );
    assert.deepEqual(
      view.recommendations.map((r) => r.author),
      ['B', 'A'],
    );
    assert.deepEqual([view.diagnostics, view.repeats], [[], []]);
  });
});
