import assert from 'node:assert/strict';
import { checkAmendment, checkDraft, checkReview, checkSample, checkSign, drawSample, signable } from './journal.ts';

const fields = (p: { problems: Array<{ field: string; code: string }> }) => p.problems.map((x) => `${x.field}:${x.code}`);

describe('domain: the consultation journal', () => {
  it('takes an unfinished draft, trimmed, with the version it was read at', () => {
    const { draft, problems } = checkDraft({ version: 0, goal: '  Choose a profession ', notes: 'private' });
    assert.deepEqual(problems, []);
    assert.equal(draft.fields.goal, 'Choose a profession');
    assert.equal(draft.notes, 'private');
    assert.deepEqual(draft.fields.recommendations, []);
  });

  it('refuses a draft field by field', () => {
    const checked = checkDraft({
      version: -1,
      goal: 5,
      observations: 'x'.repeat(8001),
      tests: [{ test: 'Interests!', attempt: 0 }, 'x'],
      recommendations: [
        {
          text: '',
          links: [
            { kind: 'shop', slug: 'a', url: 'https://x.kz' },
            { kind: 'profession', url: 'http://x.kz' },
          ],
        },
      ],
      colour: 'red',
    });
    assert.deepEqual(fields(checked), [
      'colour:field.notAllowed',
      'version:journal.version.malformed',
      'tests.0.test:journal.test.slug',
      'tests.0.attempt:journal.test.attempt',
      'tests.1:journal.test.malformed',
      'recommendations.0.text:field.required',
      'recommendations.0.links.0.kind:journal.link.kind',
      'recommendations.0.links.0:journal.link.target',
      'recommendations.0.links.1.url:journal.link.url',
      'goal:journal.text.type',
      'observations:journal.text.tooLong',
    ]);
  });

  it('signs only a text with a goal, a recommendation and a next step', () => {
    const { draft } = checkDraft({ version: 1, goal: 'g' });
    assert.deepEqual(
      signable(draft.fields).map((p) => p.field),
      ['recommendations', 'nextStep'],
    );
    assert.deepEqual(checkSign({ version: 3 }), { version: 3, problems: [] });
    assert.deepEqual(fields(checkSign({})), ['version:journal.version.malformed']);
  });

  it('amends with a reason and a whole signable text', () => {
    const ok = checkAmendment({
      version: 2,
      reason: 'Typo',
      goal: 'g',
      nextStep: 'n',
      recommendations: [{ text: 'IT', links: [{ kind: 'profession', slug: 'programmer' }] }],
    });
    assert.deepEqual(ok.problems, []);
    assert.deepEqual(ok.draft.fields.recommendations[0], { text: 'IT', links: [{ kind: 'profession', slug: 'programmer', url: null }] });
    assert.deepEqual(fields(checkAmendment({ version: 2, goal: 'g' })), [
      'reason:field.required',
      'recommendations:journal.recommendations.required',
      'nextStep:field.required',
    ]);
  });

  it('checks a sample period and size, and a review', () => {
    assert.deepEqual(checkSample({ from: '2026-01-01', to: '2026-03-31', size: 5 }).problems, []);
    assert.deepEqual(fields(checkSample({ from: '2026-02-30', to: '2026-01-01', size: 0 })), ['from:journal.date.malformed', 'size:journal.sample.size']);
    assert.deepEqual(fields(checkSample({ from: '2026-03-01', to: '2026-01-01', size: 201 })), ['to:journal.period.order', 'size:journal.sample.size']);
    assert.deepEqual(fields(checkSample({ from: '2025-01-01', to: '2026-01-02', size: 1 })), ['to:journal.period.tooLong']);
    assert.deepEqual(checkReview({ entryId: 4, verdict: 'ok' }).problems, []);
    assert.deepEqual(fields(checkReview({ entryId: 'x', verdict: 'needs-correction' })), ['entryId:journal.review.entry', 'comment:journal.review.comment']);
    assert.deepEqual(fields(checkReview({ entryId: 1, verdict: 'maybe' })), ['verdict:journal.review.verdict']);
  });

  it('draws a sample without repeats, never more than there is', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const drawn = drawSample(items, 5, random);
    assert.equal(drawn.length, 5);
    assert.equal(new Set(drawn).size, 5);
    assert.ok(drawn.every((d) => items.includes(d)));
    assert.deepEqual(drawSample(items, 20, random).sort(), items);
    assert.deepEqual(
      drawSample(items, 3, () => 0),
      [1, 2, 3],
    );
  });
});
