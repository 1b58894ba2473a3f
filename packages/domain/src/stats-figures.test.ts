import assert from 'node:assert/strict';
import {
  addMonths,
  checkStatsQuery,
  cumulate,
  monthsOf,
  placeLevel,
  share,
  sortedTimeFigures,
  splitPeriod,
  timeFigures,
  type TimeBucket,
} from './stats-figures.ts';

/** The rollups' buckets (design): 5 s below 120 s, 15 s below 600 s, 60 s below 4 h, then one open bucket. */
const width = (start: number) => (start < 120 ? 5 : start < 600 ? 15 : start < 14_400 ? 60 : 0);
const TODAY = '2026-12-07';

describe('domain: the dashboards’ figures', () => {
  describe('the query', () => {
    it('defaults to the last twelve months up to today', () => {
      const { query, problems } = checkStatsQuery({}, TODAY);
      assert.deepEqual(problems, []);
      assert.deepEqual(query, { from: '2025-12-08', to: TODAY, place: {} });
      assert.equal(checkStatsQuery({ to: '2026-03-31' }, TODAY).query.from, '2025-04-01');
    });
    it('names every wrong field', () => {
      const { problems } = checkStatsQuery(
        { from: '2026-02-30', to: 'yesterday', region: 'kz-63', locality: 'Oskemen', centre: 'East Kazakhstan', locale: 'de', role: 'admin' },
        TODAY,
      );
      assert.deepEqual(
        problems.map((p) => `${p.field}:${p.code}`),
        [
          'role:field.notAllowed',
          'from:date.malformed',
          'to:date.malformed',
          'region:region.malformed',
          'locality:locality.malformed',
          'centre:centre.malformed',
          'locale:locale.malformed',
        ],
      );
      assert.deepEqual(checkStatsQuery({ from: ['2026-01-01', '2026-02-01'] }, TODAY).problems, [{ field: 'from', code: 'date.malformed' }]);
    });
    it('refuses a period backwards or over five years, and a locality of another region', () => {
      assert.deepEqual(checkStatsQuery({ from: '2026-05-02', to: '2026-05-01' }, TODAY).problems, [{ field: 'from', code: 'period.order' }]);
      assert.deepEqual(checkStatsQuery({ from: '2021-12-07', to: TODAY }, TODAY).problems, [{ field: 'from', code: 'period.tooLong', values: { years: 5 } }]);
      assert.deepEqual(checkStatsQuery({ from: '2021-12-08', to: TODAY }, TODAY).problems, []);
      assert.deepEqual(checkStatsQuery({ region: 'KZ-55', locality: 'kz-63-oskemen' }, TODAY).problems, [{ field: 'locality', code: 'locality.notInRegion' }]);
      assert.deepEqual(checkStatsQuery({ region: 'KZ-63', locality: 'kz-63-oskemen', centre: 'east-kazakhstan', locale: 'ru' }, TODAY).query, {
        from: '2025-12-08',
        to: TODAY,
        place: { region: 'KZ-63', locality: 'kz-63-oskemen', centre: 'east-kazakhstan' },
        locale: 'ru',
      });
    });
    it('extra keys are known only where they are given', () => {
      assert.deepEqual(checkStatsQuery({ format: 'csv' }, TODAY, ['format']).problems, []);
      assert.deepEqual(checkStatsQuery({ format: 'csv' }, TODAY).problems, [{ field: 'format', code: 'field.notAllowed' }]);
    });
    it('levels a place by its narrowest filter', () => {
      assert.equal(placeLevel({}), 'country');
      assert.equal(placeLevel({ region: 'KZ-63' }), 'region');
      assert.equal(placeLevel({ region: 'KZ-63', locality: 'kz-63-oskemen' }), 'locality');
      assert.equal(placeLevel({ centre: 'almaty' }), 'centre');
    });
  });

  describe('the period', () => {
    it('moves by calendar months, keeping the day when it exists', () => {
      assert.equal(addMonths('2026-03-31', -1), '2026-02-28');
      assert.equal(addMonths('2024-03-31', -1), '2024-02-29');
      assert.equal(addMonths('2026-01-15', -13), '2024-12-15');
      assert.equal(addMonths('2026-12-07', 1), '2027-01-07');
    });
    it('reads whole months from the monthly rollup and the edge days from the daily one', () => {
      assert.deepEqual(splitPeriod('2025-12-08', '2026-12-07'), {
        months: [202601, 202611],
        days: [
          [20251208, 20251231],
          [20261201, 20261207],
        ],
      });
      assert.deepEqual(splitPeriod('2026-01-01', '2026-12-31'), { months: [202601, 202612], days: [] });
      assert.deepEqual(splitPeriod('2024-02-01', '2024-02-29'), { months: [202402, 202402], days: [] });
      assert.deepEqual(splitPeriod('2026-02-01', '2026-02-27'), { months: null, days: [[20260201, 20260227]] });
      assert.deepEqual(splitPeriod('2026-01-31', '2026-03-01'), {
        months: [202602, 202602],
        days: [
          [20260131, 20260131],
          [20260301, 20260301],
        ],
      });
      assert.deepEqual(splitPeriod('2026-01-15', '2026-02-10'), { months: null, days: [[20260115, 20260210]] });
      assert.deepEqual(splitPeriod('2026-05-05', '2026-05-05'), { months: null, days: [[20260505, 20260505]] });
    });
    it('covers every day exactly once', () => {
      for (const [from, to] of [
        ['2025-12-08', '2026-12-07'],
        ['2023-02-28', '2024-03-01'],
        ['2026-06-01', '2026-07-31'],
        ['2026-06-02', '2026-06-30'],
      ] as const) {
        const split = splitPeriod(from, to);
        const covered: string[] = [];
        const iso = (n: number) => `${String(n).slice(0, 4)}-${String(n).slice(4, 6)}-${String(n).slice(6, 8)}`;
        for (const [a, b] of split.days) for (let d = iso(a); d <= iso(b); d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) covered.push(d);
        if (split.months)
          for (
            let d = iso(split.months[0] * 100 + 1);
            Number(d.slice(0, 7).replace('-', '')) <= split.months[1];
            d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)
          )
            covered.push(d);
        covered.sort();
        const expected: string[] = [];
        for (let d: string = from; d <= to; d = new Date(Date.parse(d) + 86_400_000).toISOString().slice(0, 10)) expected.push(d);
        assert.deepEqual(covered, expected, `${from}…${to}`);
      }
    });
    it('lists the months a period touches', () => {
      assert.deepEqual(monthsOf('2025-11-20', '2026-02-03'), [202511, 202512, 202601, 202602]);
      assert.deepEqual(monthsOf('2026-05-05', '2026-05-06'), [202605]);
    });
  });

  describe('times from buckets', () => {
    it('reports the median and p90 as the middle of the bucket holding their rank', () => {
      // Ten times: 3 in [60,65), 4 in [65,70), 2 in [120,135), 1 in [600,660).
      const buckets: TimeBucket[] = [
        { start: 600, n: 1 },
        { start: 60, n: 3 },
        { start: 65, n: 4 },
        { start: 120, n: 2 },
      ];
      const figures = timeFigures(buckets, width);
      assert.equal(figures.n, 10);
      assert.equal(figures.median, 67.5);
      assert.equal(figures.p90, 127.5);
    });
    it('counts the times beyond Tukey’s fence as outliers', () => {
      // Q1 = Q3 = 62.5: the fence is 62.5, so the 2 h and the open four-hour bucket lie beyond it.
      const figures = timeFigures(
        [
          { start: 60, n: 30 },
          { start: 7200, n: 1 },
          { start: 14_400, n: 2 },
        ],
        width,
      );
      assert.deepEqual(figures, { n: 33, median: 62.5, p90: 62.5, outliers: 3 });
      assert.equal(timeFigures([{ start: 14_400, n: 1 }], width).median, 14_400);
    });
    it('has no median of nothing', () => assert.deepEqual(timeFigures([{ start: 5, n: 0 }], width), { n: 0, median: null, p90: null, outliers: 0 }));
    it('gives the figures of the times themselves from sorted arrays with empty buckets among them', () => {
      // Every time put at its bucket's middle, sorted: the nearest-rank median and p90, and Tukey's fence from Q1 and Q3.
      const reference = (starts: number[], counts: number[]) => {
        const times = starts.flatMap((start, i) => Array.from({ length: counts[i] as number }, () => start + width(start) / 2));
        if (!times.length) return { n: 0, median: null, p90: null, outliers: 0 };
        const rank = (p: number) => times[Math.max(1, Math.ceil(p * times.length)) - 1] as number;
        const fence = rank(0.75) + 1.5 * (rank(0.75) - rank(0.25));
        return { n: times.length, median: rank(0.5), p90: rank(0.9), outliers: times.filter((t) => t > fence).length };
      };
      let seed = 7;
      const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
      for (let round = 0; round < 200; round += 1) {
        const starts = [...new Set(Array.from({ length: 1 + Math.floor(random() * 30) }, () => Math.floor(random() * 3000) * 5))].sort((a, b) => a - b);
        const counts = starts.map(() => (random() < 0.3 ? 0 : Math.floor(random() * 50)));
        const buckets = starts.map((start, i) => ({ start, n: counts[i] as number })).reverse();
        assert.deepEqual(sortedTimeFigures(starts, Float64Array.from(counts), width), reference(starts, counts));
        assert.deepEqual(timeFigures(buckets, width), reference(starts, counts));
      }
    });
  });

  it('divides shares to four places and nothing by nothing to null', () => {
    assert.equal(share(1, 3), 0.3333);
    assert.equal(share(0, 0), null);
  });
  it('cumulates growth from what was reached before the period', () => assert.deepEqual(cumulate([2, 0, 5], 10), [12, 12, 17]));
});
