import assert from 'node:assert/strict';
import {
  ageGroupAt,
  contributionsOf,
  dayOf,
  diffFacts,
  factsOf,
  sumContributions,
  timeBucket,
  type PersonRecords,
  type StatsAttempt,
  type StatsBooking,
} from './stats.ts';

const at = (iso: string) => Date.parse(iso);
const person = (over: Partial<PersonRecords> = {}): PersonRecords => ({
  key: 'c:7',
  place: { region: 'KZ-63', locality: 'kz-63-oskemen', birthDate: '2011-04-12', userType: 'pupil' },
  bookings: [],
  requests: [],
  attempts: [],
  statements: [],
  notes: [],
  talents: [],
  ...over,
});
const booking = (over: Partial<StatsBooking>): StatsBooking => ({
  id: 1,
  service: 'consultation',
  format: 'offline',
  status: 'completed',
  start: at('2026-03-10T05:00:00Z'),
  createdAt: at('2026-03-01T05:00:00Z'),
  centre: 'east-kazakhstan',
  staff: '12',
  ...over,
});
const attempt = (id: number, finished: string, scales: Record<string, number>, over: Partial<StatsAttempt> = {}): StatsAttempt => ({
  id,
  test: 'interests',
  age: null,
  startedAt: at(finished) - 600_500,
  finishedAt: at(finished),
  scales,
  items: [],
  ...over,
});
const of = (p: PersonRecords, metric: string) => factsOf(p).filter((f) => f.metric === metric);
const row = (p: PersonRecords, metric: string, dim: string) => of(p, metric).map((f) => f.rows.find((r) => r[0] === dim)?.[1]);

describe('stats: facts from a person’s records', () => {
  it('buckets times: 5 s below 2 minutes, 15 s below 10, a minute below 4 hours, then one bucket', () => {
    assert.deepEqual(
      [0, 4.9, 5, 119, 120, 134, 135, 599, 600, 659, 14_399, 14_400, 90_000].map(timeBucket),
      [0, 0, 5, 115, 120, 120, 135, 585, 600, 600, 14_340, 14_400, 14_400],
    );
  });

  it('dates facts by Kazakhstan’s calendar day (UTC+5)', () => {
    assert.equal(dayOf(at('2026-12-06T18:59:59Z')), 20261206);
    assert.equal(dayOf(at('2026-12-06T19:00:00Z')), 20261207);
  });

  it('takes the age group at the fact’s day: a birthday moves a person to the next group', () => {
    const place = person().place;
    assert.equal(ageGroupAt(place, 20230411), 'age-6-11');
    assert.equal(ageGroupAt(place, 20230412), 'age-12-15');
    assert.equal(ageGroupAt({ ...place, birthDate: null }, 20230412), '');
    const p = person({ bookings: [booking({ id: 1, start: at('2023-04-11T05:00:00Z') }), booking({ id: 2, start: at('2023-04-12T05:00:00Z') })] });
    assert.deepEqual(row(p, 'booking.consultation.completed', 'ageGroup'), ['age-6-11', 'age-12-15']);
    assert.deepEqual(row(p, 'booking.consultation.completed', 'ageFormat'), ['age-6-11|offline', 'age-12-15|offline']);
    // An attempt's own age (its norm's) wins over the birth date.
    const q = person({ attempts: [attempt(1, '2023-04-11T05:00:00Z', {}, { age: 17 })] });
    assert.deepEqual(row(q, 'test', 'ageGroup'), ['age-16-18']);
  });

  it('counts a booking under its service and current status, at its start, at its centre, with the specialist', () => {
    const [f] = of(person({ bookings: [booking({ status: 'no_show', service: 'testing', format: 'online' })] }), 'booking.testing.no_show');
    assert.equal(f!.day, 20260310);
    assert.equal(f!.centre, 'east-kazakhstan');
    assert.equal(f!.region, 'KZ-63');
    assert.deepEqual(f!.rows, [
      ['all', ''],
      ['format', 'online'],
      ['ageGroup', 'age-12-15'],
      ['userType', 'pupil'],
      ['staff', '12'],
      ['ageFormat', 'age-12-15|online'],
    ]);
  });

  it('counts a consultation made after a finished result, unless cancelled; a test booking or an earlier one is not', () => {
    const p = person({
      attempts: [attempt(1, '2026-03-05T05:00:00Z', {})],
      bookings: [
        booking({ id: 1, createdAt: at('2026-03-04T05:00:00Z') }),
        booking({ id: 2, createdAt: at('2026-03-06T05:00:00Z'), status: 'requested' }),
        booking({ id: 3, createdAt: at('2026-03-06T05:00:00Z'), status: 'cancelled' }),
        booking({ id: 4, createdAt: at('2026-03-06T05:00:00Z'), service: 'testing' }),
      ],
    });
    const after = of(p, 'booking.afterTest');
    assert.deepEqual(
      after.map((f) => [f.key, f.day]),
      [['ba:2', 20260306]],
    );
    assert.equal(of(person({ bookings: [booking({})] }), 'booking.afterTest').length, 0, 'no result, no afterTest');
  });

  it('counts repeats of a test with each scale up, down or the same (under one point) against the previous result', () => {
    const p = person({
      attempts: [attempt(2, '2026-05-01T05:00:00Z', { a: 60, b: 40, c: 50.5 }), attempt(1, '2026-01-01T05:00:00Z', { a: 50, b: 45, c: 50 })],
      statements: [{ id: 'x', test: 'interests', source: 'partner', at: at('2026-06-01T05:00:00Z'), scales: { a: 61 } }],
    });
    assert.deepEqual(
      of(p, 'repeat').map((f) => f.key),
      ['rp:a:2', 'rp:s:x'],
    );
    const scales = of(p, 'repeat.scale');
    assert.deepEqual(scales[0]!.rows, [
      ['scale', 'interests|a|up', 10],
      ['scale', 'interests|b|down', -5],
      ['scale', 'interests|c|same', 0.5],
    ]);
    // The statement is compared with the latest earlier result (attempt 2), not the first.
    assert.deepEqual(scales[1]!.rows, [['scale', 'interests|a|up', 1]]);
    assert.deepEqual(row(p, 'test', 'source'), ['site', 'site', 'partner']);
    assert.deepEqual(row(p, 'test', 'format'), ['online', 'online', 'online']);
    const desktop = person({ statements: [{ id: 'd', test: 'x', source: 'desktop', at: at('2026-06-01T05:00:00Z'), scales: {} }] });
    assert.deepEqual(row(desktop, 'test', 'format'), ['offline']);
    assert.equal(of(desktop, 'repeat').length, 0);
  });

  it('times a site attempt and each answered item by bucket, with exact seconds as the measure', () => {
    const p = person({
      attempts: [
        attempt(
          1,
          '2026-05-01T05:00:00Z',
          {},
          {
            items: [
              { item: 'q2', ms: 61_400 },
              { item: 'q1', ms: 3_250 },
            ],
          },
        ),
      ],
    });
    const [time] = of(p, 'test.time');
    assert.equal(time!.total, 600.5);
    assert.deepEqual(time!.rows, [['time', 'interests|600']]);
    assert.deepEqual(of(p, 'item.time')[0]!.rows, [
      ['time', 'interests|q1|0', 3.25],
      ['time', 'interests|q2|60', 61.4],
    ]);
  });

  it('counts the day of the first recommendation and of the first completed consultation once per person', () => {
    const p = person({
      notes: [
        { id: 9, at: at('2026-04-02T05:00:00Z'), author: '3', centre: 'pavlodar' },
        { id: 8, at: at('2026-04-01T05:00:00Z'), author: '4', centre: 'east-kazakhstan' },
      ],
      bookings: [
        booking({ id: 1, status: 'completed', start: at('2026-05-03T05:00:00Z') }),
        booking({ id: 2, status: 'completed', start: at('2026-05-02T05:00:00Z') }),
        booking({ id: 3, status: 'no_show', start: at('2026-05-01T05:00:00Z') }),
      ],
    });
    assert.deepEqual(
      of(p, 'first.recommendation').map((f) => [f.key, f.day, f.centre]),
      [['fr:c:7', 20260401, 'east-kazakhstan']],
    );
    assert.deepEqual(
      of(p, 'first.consultation').map((f) => [f.key, f.day]),
      [['fc:c:7', 20260502]],
    );
    assert.deepEqual(row(p, 'recommendation', 'staff'), ['4', '3']);
  });

  it('counts a person active once a month, on the first day with a booking made or a result', () => {
    const p = person({
      bookings: [booking({ createdAt: at('2026-03-20T05:00:00Z') })],
      attempts: [attempt(1, '2026-03-05T05:00:00Z', {}), attempt(2, '2026-04-05T05:00:00Z', {})],
      notes: [{ id: 1, at: at('2026-06-01T05:00:00Z'), author: '3', centre: '' }],
    });
    assert.deepEqual(
      of(p, 'active').map((f) => [f.key, f.day]),
      [
        ['m:c:7|202603', 20260305],
        ['m:c:7|202604', 20260405],
      ],
    );
  });

  it('adds a fact to its day and its month, one row per dim; a diff of the same facts changes nothing', () => {
    const p = person({
      bookings: [booking({})],
      attempts: [attempt(1, '2026-03-05T05:00:00Z', { a: 1 })],
      requests: [{ id: 4, status: 'open', service: 'testing', createdAt: at('2026-03-01T00:00:00Z'), centre: 'x' }],
    });
    const facts = factsOf(p);
    const [b] = facts;
    const c = contributionsOf(b!);
    assert.equal(c.length, 12);
    assert.deepEqual([...new Set(c.map((x) => x.period))], [20260310, 202603]);
    assert.deepEqual(diffFacts(facts, factsOf(p)), { write: [], remove: [], deltas: [] });
    // Without deltas (the reconciliation rebuilds the rows from the facts): the facts only.
    assert.deepEqual(diffFacts([], facts, false), { write: facts, remove: [], deltas: [] });

    // A status move withdraws the old metric and adds the new one.
    const moved = factsOf({ ...p, bookings: [booking({ status: 'no_show' })] });
    const diff = diffFacts(facts, moved);
    assert.deepEqual(
      diff.write.map((f) => f.key),
      ['b:1'],
    );
    const byMetric = (metric: string) => diff.deltas.filter((d) => d.metric === metric && d.dim === 'all').map((d) => [d.period, d.n]);
    assert.deepEqual(byMetric('booking.consultation.completed').sort(), [
      [202603, -1],
      [20260310, -1],
    ]);
    assert.deepEqual(byMetric('booking.consultation.no_show').length, 2);
    // first.consultation is gone with the only completed consultation.
    assert.deepEqual(diff.remove, ['fc:c:7']);
    // Withdrawing everything and adding it back sums to nothing.
    assert.deepEqual(sumContributions([...facts.flatMap((f) => contributionsOf(f)), ...facts.flatMap((f) => contributionsOf(f, -1))]), []);
  });
});
