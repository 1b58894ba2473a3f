import assert from 'node:assert/strict';
import { checkTest, isValidAnswer, mergeAnswer, publicTest, type TestDefinition } from './assessment.ts';
import { compareScores, normalCdf, scoreAttempt, type GivenAnswer } from './scoring.ts';

const t = (en: string) => ({ kk: `${en} kk`, ru: `${en} ru`, en });
const opt = (key: string, scores: Record<string, number> = {}) => ({ key, label: t(key), scores });

/** Two scales and one item of every type; the ranges and scores below are worked out by hand. */
const TEST: TestDefinition = {
  slug: 'sample',
  kind: 'soft-skills',
  title: t('Sample'),
  summary: t('A sample'),
  ageFrom: 10,
  ageTo: 99,
  scales: [
    { key: 'a', name: t('A'), high: t('high'), low: t('low') },
    { key: 'b', name: t('B'), high: t('high'), low: t('low') },
  ],
  norms: [{ scale: 'a', ageFrom: 10, ageTo: 20, mean: 8, sd: 4 }],
  sections: [
    {
      key: 'one',
      title: t('One'),
      allowBack: true,
      items: [
        { key: 'i1', type: 'likert', text: t('i1'), scale: 'a', options: [] },
        { key: 'i2', type: 'likert', text: t('i2'), scale: 'a', reverse: true, options: [] },
        { key: 'i3', type: 'single', text: t('i3'), options: [opt('x', { a: 2 }), opt('y', { b: 1 }), opt('z')] },
        { key: 'i4', type: 'multiple', text: t('i4'), maxChoices: 2, options: [opt('p', { a: 1 }), opt('q', { b: 2 }), opt('r', { b: -1 })] },
        { key: 'i5', type: 'ranking', text: t('i5'), options: [opt('m', { a: 1 }), opt('n', { b: 1 }), opt('o')] },
      ],
    },
    {
      key: 'two',
      title: t('Two'),
      allowBack: false,
      items: [{ key: 'i6', type: 'timed', text: t('i6'), timeLimitSeconds: 10, options: [opt('c', { b: 1 }), opt('w')] }],
    },
  ],
};

const answers = (entries: Record<string, GivenAnswer['value']>, times: Record<string, number> = {}) =>
  new Map(Object.entries(entries).map(([k, value]) => [k, { value, timeMs: times[k] ?? 2000 }]));
const ALL = { i1: 4, i2: 2, i3: 'x', i4: ['p', 'q'], i5: ['n', 'm', 'o'], i6: 'c' };

describe('domain: scoring an attempt', () => {
  it('accepts the sample test and refuses broken ones field by field', () => {
    assert.deepEqual(checkTest(TEST), []);
    const broken: TestDefinition = structuredClone(TEST);
    broken.sections[0]!.items[0]!.scale = 'nope';
    broken.sections[0]!.items[2]!.options[0]!.scores = { a: 11 };
    broken.sections[1]!.items[0]!.key = 'i1';
    broken.norms.push({ scale: 'a', ageFrom: 15, ageTo: 30, mean: 1, sd: 1 });
    broken.title.kk = ' ';
    const fields = checkTest(broken).map((p) => `${p.field}:${p.code}`);
    assert.deepEqual(fields.sort(), [
      'norms.1:test.norm',
      'sections.0.items.0.scale:test.unknownScale',
      'sections.0.items.2.options.0.scores.a:test.score',
      'sections.1.items.0.key:test.duplicateKey',
      'title.kk:test.text',
    ]);
  });

  it('scores every item type, places raw scores in their range and norms them by age', () => {
    const score = scoreAttempt(TEST, answers(ALL), 15);
    const [a, b] = score.scales;
    // a: 4 + (6 − 2) + 2 + 1 + 1 (m ranked second of three) = 12 in 2..15; z = (12 − 8) / 4 = 1.
    assert.deepEqual(
      { raw: a!.raw, min: a!.min, max: a!.max, percent: a!.percent, z: a!.z, percentile: a!.percentile, score: a!.score },
      { raw: 12, min: 2, max: 15, percent: 77, z: 1, percentile: 84, score: 84 },
    );
    // b: 2 (q) + 2 (n ranked first) + 1 (c) = 5 in −1..6, no norm: the score is the percent.
    assert.deepEqual(
      { raw: b!.raw, min: b!.min, max: b!.max, percent: b!.percent, percentile: b!.percentile, score: b!.score },
      { raw: 5, min: -1, max: 6, percent: 86, percentile: null, score: 86 },
    );
    assert.equal(score.answered, 6);
    assert.equal(score.itemTimeMs, 12_000);
    // Outside the norm's ages there is no percentile.
    assert.equal(scoreAttempt(TEST, answers(ALL), 30).scales[0]!.percentile, null);
  });

  it('gives a late timed task nothing, unless extra time covers it', () => {
    const late = scoreAttempt(TEST, answers(ALL, { i6: 14_000 }), 15);
    assert.deepEqual(late.late, ['i6']);
    assert.equal(late.scales[1]!.raw, 4);
    assert.equal(late.scales[1]!.percent, 71);
    const extra = scoreAttempt(TEST, answers(ALL, { i6: 14_000 }), 15, 50);
    assert.deepEqual(extra.late, []);
    assert.equal(extra.scales[1]!.raw, 5);
  });

  it('counts a timed task left unanswered as not solved, never as left out', () => {
    const { i6: _timedOut, ...rest } = ALL;
    const b = scoreAttempt(TEST, answers(rest), 15).scales[1]!;
    // b: 4 in −1..6 (the timed task's 0..1 stays in the range): 5 / 7, the same as answering it wrongly.
    assert.deepEqual({ raw: b.raw, percent: b.percent, answered: b.answered }, { raw: 4, percent: 71, answered: 4 });
    assert.equal(scoreAttempt(TEST, answers({ ...ALL, i6: 'w' }), 15).scales[1]!.percent, 71);
  });

  it('places a scale by what was answered when items were left out', () => {
    const { i1: _skipped, ...rest } = ALL;
    const a = scoreAttempt(TEST, answers(rest), 15).scales[0]!;
    // 8 in 1..10 (the first item's 1..5 left out): 7 / 9.
    assert.deepEqual({ raw: a.raw, percent: a.percent, answered: a.answered, items: a.items }, { raw: 8, percent: 78, answered: 4, items: 5 });
  });

  it('compares attempts by scale', () => {
    const before = scoreAttempt(TEST, answers({ ...ALL, i1: 1 }), 15).scales;
    const after = scoreAttempt(TEST, answers(ALL), 15).scales;
    assert.deepEqual(
      compareScores(after, before).map((c) => c.change),
      [after[0]!.score - before[0]!.score, 0],
    );
    assert.ok(after[0]!.score > before[0]!.score);
  });

  it('knows the normal distribution', () => {
    assert.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
    assert.ok(Math.abs(normalCdf(1.96) - 0.975) < 1e-4);
    assert.ok(Math.abs(normalCdf(-1) - 0.1587) < 1e-4);
  });
});

describe('domain: answers', () => {
  const item = (key: string) => TEST.sections.flatMap((s) => s.items).find((i) => i.key === key)!;
  it('accepts only values the item can take', () => {
    assert.ok(isValidAnswer(item('i1'), 5));
    for (const bad of [0, 6, 2.5, '3', [3]]) assert.ok(!isValidAnswer(item('i1'), bad), String(bad));
    assert.ok(isValidAnswer(item('i3'), 'y') && !isValidAnswer(item('i3'), 'q'));
    assert.ok(
      isValidAnswer(item('i4'), ['q']) &&
        !isValidAnswer(item('i4'), ['p', 'q', 'r']) &&
        !isValidAnswer(item('i4'), ['p', 'p']) &&
        !isValidAnswer(item('i4'), []),
    );
    assert.ok(isValidAnswer(item('i5'), ['o', 'n', 'm']) && !isValidAnswer(item('i5'), ['o', 'n']) && !isValidAnswer(item('i5'), null));
    assert.ok(isValidAnswer(item('i6'), null), 'a timed task may be passed over');
  });

  it('keeps one answer per item: the same again changes nothing, the highest sequence wins', () => {
    assert.equal(mergeAnswer(undefined, { value: 3, seq: 1 }, true), 'insert');
    assert.equal(mergeAnswer({ value: 3, seq: 1 }, { value: 3, seq: 1 }, true), 'unchanged');
    assert.equal(mergeAnswer({ value: 4, seq: 5 }, { value: 3, seq: 2 }, true), 'stale', 'an older batch arriving late');
    assert.equal(mergeAnswer({ value: 3, seq: 2 }, { value: 4, seq: 5 }, true), 'update');
    assert.equal(mergeAnswer({ value: 3, seq: 2 }, { value: 4, seq: 5 }, false), 'locked');
    assert.equal(mergeAnswer({ value: ['a', 'b'], seq: 2 }, { value: ['a', 'b'], seq: 9 }, false), 'unchanged');
  });

  it('shows the runner no scoring keys and no norms', () => {
    const shown = JSON.stringify(publicTest(TEST));
    assert.ok(!shown.includes('"scores"') && !shown.includes('"norms"') && !shown.includes('"reverse"') && !shown.includes('"scale":'));
    assert.ok(shown.includes('"timeLimitSeconds":10'));
  });
});
