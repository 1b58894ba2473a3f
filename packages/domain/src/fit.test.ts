import assert from 'node:assert/strict';
import { describeProfile, professionFit, rankProfessions } from './fit.ts';

const PROFESSION = { realistic: 80, investigative: 60, artistic: 0, social: 20, enterprising: 20, conventional: 20 };
const PERSON = { realistic: 70, investigative: 90, artistic: 50, social: 20, enterprising: 0, conventional: 40 };

describe('domain: % fit', () => {
  it('weighs each scale by its share of the profession’s profile and loses the gap', () => {
    const fit = professionFit(PERSON, PROFESSION)!;
    // Weights .4 .3 0 .1 .1 .1; losses 4 + 9 + 0 + 0 + 2 + 2 = 17.
    assert.equal(fit.interests, 83);
    assert.equal(fit.fit, 83);
    assert.deepEqual(
      fit.scales.map((s) => [s.scale, s.weight, s.loss, s.gain]),
      [
        ['realistic', 0.4, 4, 36],
        ['investigative', 0.3, 9, 21],
        ['conventional', 0.1, 2, 8],
        ['enterprising', 0.1, 2, 8],
        ['social', 0.1, 0, 10],
        ['artistic', 0, 0, 0],
      ],
    );
    assert.deepEqual(fit.drivers, ['realistic', 'investigative']);
    assert.deepEqual(fit.gaps, ['investigative']);
  });

  it('adds the profession test at 0.4, and uses either part alone when only it is known', () => {
    assert.equal(professionFit(PERSON, PROFESSION, 50)!.fit, 70); // 83·0.6 + 50·0.4 = 69.8
    assert.equal(professionFit({}, PROFESSION, 64)!.fit, 64);
    assert.equal(professionFit({ realistic: 50 }, PROFESSION), null, 'five scales unknown: no fit');
    assert.equal(professionFit({ ...PERSON }, PROFESSION)!.fit, professionFit(PERSON, PROFESSION)!.fit);
  });

  it('is 100 for a person whose profile is the profession’s', () => {
    assert.equal(professionFit(PROFESSION, PROFESSION)!.fit, 100);
  });

  it('ranks professions best first, ties by slug', () => {
    const ranked = rankProfessions(PERSON, [
      { slug: 'b-twin', riasec: PROFESSION },
      { slug: 'artist', riasec: { realistic: 10, investigative: 10, artistic: 90, social: 30, enterprising: 20, conventional: 0 } },
      { slug: 'a-twin', riasec: PROFESSION },
    ]);
    // Artist: weights 10 10 90 30 20 0 of 160; losses 3.75 + 5 + 22.5 + 1.875 + 2.5 + 0 = 35.6.
    assert.deepEqual(
      ranked.map((r) => [r.profession.slug, r.fit]),
      [
        ['a-twin', 83],
        ['b-twin', 83],
        ['artist', 64],
      ],
    );
  });

  it('names inclinations, strengths and the load a person can bear', () => {
    assert.deepEqual(describeProfile({ ...PERSON, communication: 80, creativity: 66, collaboration: 40, 'stress-tolerance': 30 }), {
      inclinations: ['investigative', 'realistic'],
      strengths: ['communication', 'creativity'],
      load: 'low',
    });
    assert.deepEqual(describeProfile({}), { inclinations: [], strengths: [], load: null });
  });
});
