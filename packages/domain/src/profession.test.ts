import assert from 'node:assert/strict';
import { checkDemandSeries, checkRiasec, sortDemand } from './profession.ts';

const profile = { realistic: 10, investigative: 80, artistic: 40, social: 20, enterprising: 30, conventional: 100 };

describe('domain: profession rules', () => {
  it('accepts a full RIASEC profile from 0 to 100', () => assert.deepEqual(checkRiasec({ ...profile, realistic: 0 }), []));
  it('refuses a scale above 100, below 0 or not whole, naming the scale', () => {
    assert.deepEqual(checkRiasec({ ...profile, artistic: 101 }), [{ field: 'riasec.artistic', code: 'riasec.range' }]);
    assert.deepEqual(checkRiasec({ ...profile, social: -1 }), [{ field: 'riasec.social', code: 'riasec.range' }]);
    assert.deepEqual(checkRiasec({ ...profile, social: 5.5 }), [{ field: 'riasec.social', code: 'riasec.range' }]);
  });
  it('refuses a missing scale', () => {
    const { conventional: _, ...rest } = profile;
    assert.deepEqual(checkRiasec(rest), [{ field: 'riasec.conventional', code: 'riasec.missing' }]);
  });
  it('accepts a demand series 2020–2030 in any order', () => {
    assert.deepEqual(
      checkDemandSeries([
        { year: 2030, openings: 5 },
        { year: 2020, openings: 0 },
      ]),
      [],
    );
  });
  it('refuses a year before 2020 or after 2030 and a repeated year', () => {
    assert.deepEqual(
      checkDemandSeries([
        { year: 2019, openings: 1 },
        { year: 2031, openings: 1 },
        { year: 2024, openings: 1 },
        { year: 2024, openings: 2 },
      ]),
      [
        { field: 'demand.0.year', code: 'demand.yearRange' },
        { field: 'demand.1.year', code: 'demand.yearRange' },
        { field: 'demand.3.year', code: 'demand.duplicateYear' },
      ],
    );
  });
  it('refuses negative or fractional openings', () => {
    assert.deepEqual(
      checkDemandSeries([
        { year: 2021, openings: -3 },
        { year: 2022, openings: 1.5 },
      ]),
      [
        { field: 'demand.0.openings', code: 'demand.openings' },
        { field: 'demand.1.openings', code: 'demand.openings' },
      ],
    );
  });
  it('sorts a series by year without changing the input', () => {
    const input = [
      { year: 2022, openings: 2 },
      { year: 2020, openings: 1 },
    ];
    assert.deepEqual(
      sortDemand(input).map((p) => p.year),
      [2020, 2022],
    );
    assert.equal(input[0]!.year, 2022);
  });
});
