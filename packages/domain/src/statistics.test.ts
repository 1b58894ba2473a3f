import assert from 'node:assert/strict';
import { statisticYears, summariseByRegion, type StatisticRow } from './statistics.ts';

const rows: StatisticRow[] = [
  { year: 2025, region: 'KZ-71', ageGroup: 'age-12-15', format: 'offline', consultations: 10, tests: 4 },
  { year: 2025, region: 'KZ-71', ageGroup: 'age-12-15', format: 'online', consultations: 5, tests: 1 },
  { year: 2025, region: 'KZ-71', ageGroup: 'age-16-18', format: 'offline', consultations: 7, tests: 2 },
  { year: 2025, region: 'KZ-75', ageGroup: 'age-16-18', format: 'online', consultations: 3, tests: 3 },
  { year: 2024, region: 'KZ-71', ageGroup: 'age-12-15', format: 'offline', consultations: 100, tests: 100 },
];

describe('domain: usage statistics', () => {
  it('adds up every age group and format of a year', () => {
    const totals = summariseByRegion(rows, { year: 2025, ageGroup: 'all', format: 'all' });
    assert.deepEqual(totals.get('KZ-71'), { consultations: 22, tests: 7 });
    assert.deepEqual(totals.get('KZ-75'), { consultations: 3, tests: 3 });
  });
  it('filters by age group and format', () => {
    assert.deepEqual(summariseByRegion(rows, { year: 2025, ageGroup: 'age-12-15', format: 'online' }).get('KZ-71'), { consultations: 5, tests: 1 });
    assert.equal(summariseByRegion(rows, { year: 2025, ageGroup: 'age-12-15', format: 'all' }).has('KZ-75'), false);
  });
  it('does not mix years', () => {
    assert.deepEqual(summariseByRegion(rows, { year: 2024, ageGroup: 'all', format: 'all' }).get('KZ-71'), { consultations: 100, tests: 100 });
  });
  it('lists the years newest first', () => assert.deepEqual(statisticYears(rows), [2025, 2024]));
});
