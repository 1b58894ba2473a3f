import assert from 'node:assert/strict';
import { DEFAULT_TALENT_RULES, evaluateTalents, measurementsOf, talentStatusOf, type Measurement, type TalentRules } from './talent.ts';

const NOW = Date.parse('2026-12-07T10:00:00Z');
const DAY = 86_400_000;
let next = 1;

/** A valid, normed measurement of Qabilet's interests test `days` ago. */
const m = (score: number, days: number, over: Partial<Measurement> = {}): Measurement => ({
  domain: 'interest:investigative',
  source: 'qabilet',
  sourceName: null,
  attemptId: next++,
  statementId: null,
  test: 'interests',
  at: NOW - days * DAY,
  percent: 70,
  percentile: score,
  norm: 3,
  answered: 36,
  items: 36,
  ...over,
});

const evaluate = (
  measurements: Measurement[],
  rules: TalentRules = DEFAULT_TALENT_RULES,
  confirmations = [] as Parameters<typeof evaluateTalents>[0]['confirmations'],
) => evaluateTalents({ measurements, confirmations, rules, rulesVersion: 4, now: NOW });

describe('domain: talents found by the written rule', () => {
  it('makes a candidate of one valid measurement at or above the threshold, and nothing below it', () => {
    assert.deepEqual(evaluate([m(89, 3)]), []);
    const [entry] = evaluate([m(90, 3)]);
    assert.equal(entry!.status, 'candidate');
    assert.equal(entry!.strength, 90);
    assert.equal(entry!.trend, null);
    assert.deepEqual([entry!.evidence.rulesVersion, entry!.evidence.threshold, entry!.evidence.agreeing.length], [4, 90, 1]);
    assert.equal(entry!.evidence.agreeing[0]!.norm, 3);
  });

  it('confirms with a second agreeing measurement a day apart or from another source, not a same-day retake', () => {
    assert.equal(evaluate([m(95, 0), m(93, 0.2)])[0]!.status, 'candidate');
    const apart = evaluate([m(95, 0), m(93, 3)])[0]!;
    assert.equal(apart.status, 'confirmed');
    assert.deepEqual(
      apart.evidence.agreeing.map((e) => e.score),
      [95, 93],
    );
    const partner = m(92, 0.1, { source: 'partner', sourceName: 'Bilim Test', attemptId: null, statementId: 's-1', percentile: null, percent: 92, norm: null });
    assert.equal(evaluate([m(95, 0), partner])[0]!.status, 'confirmed');
    // The same-day rule is a setting.
    assert.equal(evaluate([m(95, 0), m(93, 0.2)], { ...DEFAULT_TALENT_RULES, confirmGapDays: 0 })[0]!.status, 'confirmed');
  });

  it('confirms a candidate by a specialist’s note, and only while the person is a candidate', () => {
    const note = { id: 7, domain: 'interest:investigative', authorName: 'A. Specialist', note: 'Olympiad winner', at: NOW - DAY };
    const [entry] = evaluate([m(91, 2)], DEFAULT_TALENT_RULES, [note]);
    assert.equal(entry!.status, 'confirmed');
    assert.equal(entry!.evidence.confirmation?.note, 'Olympiad winner');
    assert.deepEqual(evaluate([m(60, 2)], DEFAULT_TALENT_RULES, [note]), []);
  });

  it('ignores measurements outside the window, too little answered, or un-normed when the rules say so', () => {
    assert.deepEqual(evaluate([m(99, 800)]), []);
    assert.equal(evaluate([m(99, 800)], { ...DEFAULT_TALENT_RULES, windowMonths: 36 }).length, 1);
    assert.deepEqual(evaluate([m(99, 1, { answered: 20 })]), []);
    const unnormed = m(0, 1, { percentile: null, percent: 95, norm: null });
    assert.equal(evaluate([unnormed])[0]!.strength, 95);
    assert.deepEqual(evaluate([unnormed], { ...DEFAULT_TALENT_RULES, acceptUnnormed: false }), []);
  });

  it('takes a domain’s own threshold, the latest agreeing score as strength, and the trend of the last two', () => {
    const rules = { ...DEFAULT_TALENT_RULES, thresholds: { 'interest:investigative': 97 } };
    assert.deepEqual(evaluate([m(95, 1)], rules), []);
    const [up] = evaluate([m(98, 1), m(80, 30)]);
    assert.deepEqual([up!.strength, up!.trend, up!.status], [98, 'up', 'candidate']);
    const [down] = evaluate([m(70, 1), m(96, 30)]);
    assert.deepEqual([down!.strength, down!.trend], [96, 'down']);
    assert.equal(evaluate([m(93, 1), m(91, 30)])[0]!.trend, 'flat');
  });

  it('turns results into domain measurements: scales of the interests and soft-skills tests, a profession test’s mean, partners’ mapped scales', () => {
    const base = { source: 'qabilet' as const, sourceName: null, attemptId: 1, statementId: null, at: NOW, norm: 2 };
    const interests = measurementsOf({
      ...base,
      test: 'interests',
      kind: 'interests',
      profession: null,
      scales: [
        { scale: 'artistic', percent: 80, percentile: 93, answered: 6, items: 6 },
        { scale: 'communication', percent: 80, percentile: 93, answered: 6, items: 6 },
      ],
    });
    assert.deepEqual(
      interests.map((x) => x.domain),
      ['interest:artistic'],
    );
    const profession = measurementsOf({
      ...base,
      test: 'profession-software-developer',
      kind: 'profession',
      profession: 'software-developer',
      scales: [
        { scale: 'motivation', percent: 80, percentile: 96, answered: 8, items: 8 },
        { scale: 'aptitude', percent: 60, percentile: 91, answered: 3, items: 4 },
      ],
    });
    assert.deepEqual(
      profession.map((x) => [x.domain, x.percentile, x.percent, x.answered, x.items, x.norm]),
      [['profession:software-developer', 94, 70, 11, 12, 2]],
    );
    const statement = measurementsOf({
      ...base,
      source: 'desktop',
      sourceName: 'Centre',
      attemptId: null,
      statementId: 'x',
      test: 'desk',
      kind: null,
      profession: null,
      norm: null,
      scales: [
        { scale: 'creativity', percent: 91, percentile: null, answered: 1, items: 1 },
        { scale: 'unknown', percent: 99, percentile: null, answered: 1, items: 1 },
      ],
    });
    assert.deepEqual(
      statement.map((x) => [x.domain, x.percentile, x.norm]),
      [['soft:creativity', null, null]],
    );
  });

  it('gives the registry the best status of a person’s entries', () => {
    assert.equal(talentStatusOf([]), 'none');
    assert.equal(talentStatusOf([{ status: 'candidate' }]), 'candidate');
    assert.equal(talentStatusOf([{ status: 'candidate' }, { status: 'confirmed' }]), 'confirmed');
  });
});
