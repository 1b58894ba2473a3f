/**
 * The stats' rollups (plugin stats, part rollups): a family books, takes tests, gets results from a
 * partner and a centre's desktop import and a specialist's recommendation, through the real APIs
 * and services; once the rollups have settled, every metric's change equals a count straight from
 * the records (SQL over the source tables). Replaying the same people changes nothing; a
 * reconciliation from scratch (facts and rollups truncated) writes the same rows; a month is the
 * sum of its days.
 *
 * Other test files write into the same database (some straight into tables, which no event tells
 * of), so the events are checked by the change they make to the rollups, for this file's people.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Knex } from 'knex';
import { addDays, kzDate, timeBucket } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';
import { family, interests, specialistOf } from './talent-helpers.ts';

const CENTRE = 'east-kazakhstan';
const BOOKING = 'plugin::booking.booking';
type Rollups = {
  settled(): Promise<void>;
  refresh(keys: string[]): Promise<{ people: number; written: number; removed: number }>;
  /** What a reconciliation did (plugins/stats/server/src/rollups/reconcile.ts, Reconciled). */
  reconcile(o?: {
    from?: number;
    to?: number;
    full?: boolean;
  }): Promise<Record<'people' | 'factsWritten' | 'factsRemoved' | 'rowsWritten' | 'rowsRemoved' | 'monthsRebuilt', number> & { firstFill: boolean }>;
};
const rollups = () => ctx.strapi.plugin('stats').service('rollups') as Rollups;
const knex = (): Knex => ctx.strapi.db.connection;
const num = (v: unknown) => Number(v ?? 0);
/** A CMS datetime as the database answers it (a Date, epoch ms, or an ISO text). */
const ms = (v: unknown) => (v instanceof Date ? v.getTime() : typeof v === 'number' || /^\d+$/.test(String(v)) ? Number(v) : Date.parse(String(v)));

type Row = { period: number; metric: string; dim: string; value: string; region: string; locality: string; centre: string; n: number; total: number };
const rowsOf = async (table: string): Promise<Row[]> =>
  (await knex()(table).select())
    .map((r: Row) => ({ ...r, period: num(r.period), n: num(r.n), total: Math.round(num(r.total) * 1000) / 1000 }))
    .filter((r: Row) => r.n !== 0);
const keyOf = (r: Row) => [r.period, r.metric, r.dim, r.value, r.region, r.locality, r.centre].join('|');
const sorted = (rows: Row[]) => rows.map((r) => `${keyOf(r)}=${r.n}/${r.total}`).sort();

/** The country's rows (of the periods `within` keeps) are the place rows summed over every place. */
async function assertCountrySums(within: (period: number) => boolean) {
  for (const [table, country] of [
    ['stats_daily', 'stats_daily_country'],
    ['stats_monthly', 'stats_monthly_country'],
  ]) {
    const summed = new Map<string, { n: number; total: number }>();
    for (const r of (await rowsOf(table as string)).filter((r) => within(r.period))) {
      const key = `${r.period}|${r.metric}|${r.dim}|${r.value}`;
      const held = summed.get(key) ?? { n: 0, total: 0 };
      held.n += r.n;
      held.total += r.total;
      summed.set(key, held);
    }
    const held = (await knex()(country as string).select())
      .map((r: Row) => ({ ...r, period: num(r.period), n: num(r.n), total: num(r.total) }))
      .filter((r: Row) => r.n !== 0 && within(r.period));
    assert.equal(held.length, [...summed.values()].filter((s) => s.n !== 0).length, `${country} has a row per summed key`);
    for (const r of held) {
      const s = summed.get(`${r.period}|${r.metric}|${r.dim}|${r.value}`);
      assert.equal(r.n, s?.n, `${country} ${r.period} ${r.metric} ${r.dim} ${r.value}`);
      assert.ok(Math.abs(r.total - (s?.total ?? 0)) < 0.01, `${country} ${r.period} ${r.metric} total`);
    }
  }
}

/** n and total per metric × dim × value over all daily rows. */
async function sums(): Promise<Map<string, { n: number; total: number }>> {
  const map = new Map<string, { n: number; total: number }>();
  for (const r of await rowsOf('stats_daily')) {
    const key = `${r.metric}|${r.dim}|${r.value}`;
    const held = map.get(key) ?? { n: 0, total: 0 };
    held.n += r.n;
    held.total += r.total;
    map.set(key, held);
  }
  return map;
}
function change(before: Map<string, { n: number; total: number }>, after: Map<string, { n: number; total: number }>) {
  return (key: string) => ({
    n: (after.get(key)?.n ?? 0) - (before.get(key)?.n ?? 0),
    total: Math.round(((after.get(key)?.total ?? 0) - (before.get(key)?.total ?? 0)) * 1000) / 1000,
  });
}

/** A slot of this specialist, `days` from today. */
async function slotOf(specialist: { name: string }, service: string, days: number): Promise<string> {
  const from = addDays(kzDate(new Date()), days);
  const slots = await api()
    .get('/api/booking/slots')
    .query({ centre: CENTRE, service, format: 'offline', from, to: addDays(from, 2) })
    .expect(200);
  const slot = slots.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === specialist.name);
  assert.ok(slot, `a free ${service} slot`);
  return slot.id;
}

describe('stats: rollups', () => {
  let specialist: Staff;
  let operator: Staff;
  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
    await rollups().settled();
  });

  it('counts what a family did, metric by metric, as the records say; replaying changes nothing; a reconciliation from scratch writes the same rows', async function () {
    this.timeout(180_000);
    const before = await sums();
    const row = await specialistOf(specialist, CENTRE);
    const { parent, childDoc, key: childKey } = await family();
    const childId = Number(childKey.slice(2));
    const parentKey = `u:${parent.id}`;
    const adult = await confirmedUser({ birthDate: '2004-05-05', userType: 'student', education: 'university' });
    const adultKey = `u:${adult.id}`;

    // The child takes the interests test, and again three days later with other answers: a repeat.
    const first = await interests(parent, childDoc, ['investigative']);
    await knex()('assessment_attempts')
      .where({ id: first })
      .update({ finished_at: Date.now() - 3 * 86_400_000, started_at: Date.now() - 3 * 86_400_000 - 754_000 });
    await interests(parent, childDoc, ['artistic']);

    // Bookings for the child: completed, no-show, cancelled, a test confirmed; the adult's own, requested.
    const book = async (jwt: string, service: string, days: number, child?: string) => {
      const res = await api()
        .post('/api/booking/bookings')
        .set('Authorization', `Bearer ${jwt}`)
        .send({ slot: await slotOf(row, service, days), service, format: 'offline', ...(child ? { child } : {}) })
        .expect(201);
      return (await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: res.body.data.id } })) as { id: number; documentId: string };
    };
    const toThePast = async (b: { id: number }, hours: number) => {
      const start = new Date(Date.now() - hours * 3_600_000);
      await ctx.strapi.db
        .query(BOOKING)
        .update({ where: { id: b.id }, data: { start: start.toISOString(), end: new Date(start.getTime() + 45 * 60_000).toISOString() } });
    };
    const completed = await book(parent.jwt, 'consultation', 3, childDoc);
    await specialist.http.post(`/booking/bookings/${completed.documentId}/confirm`).expect(200);
    await toThePast(completed, 2);
    await specialist.http.post(`/booking/bookings/${completed.documentId}/complete`).expect(200);
    const missed = await book(parent.jwt, 'consultation', 4, childDoc);
    await specialist.http.post(`/booking/bookings/${missed.documentId}/confirm`).expect(200);
    await toThePast(missed, 5);
    await specialist.http.post(`/booking/bookings/${missed.documentId}/no-show`).expect(200);
    const cancelled = await book(parent.jwt, 'consultation', 5, childDoc);
    await api()
      .post(`/api/booking/bookings/${cancelled.documentId}/cancel`)
      .set('Authorization', `Bearer ${parent.jwt}`)
      .send({ reason: 'Ауырып қалдық' })
      .expect(200);
    const testing = await book(parent.jwt, 'testing', 6, childDoc);
    await specialist.http.post(`/booking/bookings/${testing.documentId}/confirm`).expect(200);
    await book(adult.jwt, 'consultation', 7);

    // Results from outside: a centre's desktop import for the child, a partner's test for the adult.
    const results = ctx.strapi.plugin('assessment').service('results') as { record(input: unknown): Promise<unknown> };
    await results.record({
      id: crypto.randomUUID(),
      person: { key: childKey, userId: parent.id, childId },
      source: { kind: 'desktop', partnerId: 2_000_000_001, name: 'Өскемен орталығы' },
      object: { test: 'desk-creativity', name: { kk: 'Шығармашылық', ru: 'Креативность', en: 'Creativity' } },
      scales: [{ scale: 'creativity', score: 80, raw: 40, min: 0, max: 50 }],
      timestamp: new Date(),
    });
    await results.record({
      id: crypto.randomUUID(),
      person: { key: adultKey, userId: adult.id, childId: null },
      source: { kind: 'partner', partnerId: 2_000_000_002, name: 'Partner' },
      object: { test: 'partner-logic', name: { kk: 'Логика', ru: 'Логика', en: 'Logic' } },
      scales: [{ scale: 'logic', score: 55, raw: 11, min: 0, max: 20 }],
      timestamp: new Date(),
    });

    // A recommendation written for the child; a caller known only by phone asks the call centre.
    await specialist.http.post(`/assessment/people/child/${childId}/notes`, { text: 'The robotics club at the centre.', professions: [] }).expect(201);
    const phone = `+7701${crypto.randomInt(1e6, 9e6)}`;
    await operator.http
      .post('/crm/requests', { person: { lead: { name: 'Арман Серіков', phone } }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
      .expect(201);
    const leadKey = `l:${phone.replace(/\D/g, '')}`;

    await rollups().settled();
    const after = await sums();
    const delta = change(before, after);
    const mine = [childKey, parentKey, adultKey, leadKey];

    // Straight from the records: the bookings of these people.
    const meta = ctx.strapi.db.metadata.get(BOOKING) as unknown as {
      attributes: Record<string, { joinTable: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
    };
    const link = (name: string) => meta.attributes[name]!.joinTable;
    const u = link('user');
    const c = link('child');
    const bookings: Array<{ id: number; service: string; status: string; created_at: unknown; user: number | null; child: number | null }> = await knex()(
      'booking_bookings as b',
    )
      .leftJoin(`${u.name} as bu`, `bu.${u.joinColumn.name}`, 'b.id')
      .leftJoin(`${c.name} as bc`, `bc.${c.joinColumn.name}`, 'b.id')
      .where((w) =>
        w
          .where(`bc.${c.inverseJoinColumn.name}`, childId)
          .orWhere((x) => x.whereIn(`bu.${u.inverseJoinColumn.name}`, [parent.id, adult.id]).whereNull(`bc.${c.inverseJoinColumn.name}`)),
      )
      .select('b.id', 'b.service', 'b.status', 'b.created_at', `bu.${u.inverseJoinColumn.name} as user`, `bc.${c.inverseJoinColumn.name} as child`);
    const whose = (b: { user: number | null; child: number | null }) => (b.child ? `c:${b.child}` : `u:${b.user}`);
    assert.equal(bookings.length, 5);
    const byMetric = new Map<string, number>();
    for (const b of bookings) byMetric.set(`booking.${b.service}.${b.status}`, (byMetric.get(`booking.${b.service}.${b.status}`) ?? 0) + 1);
    assert.deepEqual([...byMetric.keys()].sort(), [
      'booking.consultation.cancelled',
      'booking.consultation.completed',
      'booking.consultation.no_show',
      'booking.consultation.requested',
      'booking.testing.confirmed',
    ]);
    for (const [metric, n] of byMetric) {
      assert.equal(delta(`${metric}|all|`).n, n, metric);
      for (const dim of ['format', 'ageGroup', 'userType', 'staff', 'ageFormat']) {
        const total = [...after.keys()].filter((k) => k.startsWith(`${metric}|${dim}|`)).reduce((s, k) => s + delta(k).n, 0);
        assert.equal(total, n, `${metric} by ${dim} adds up to all`);
      }
    }
    assert.equal(delta(`booking.consultation.completed|staff|${specialist.id}`).n, 1, 'by the specialist’s admin id');
    assert.equal(delta('booking.consultation.completed|ageGroup|age-12-15').n, 1, 'the child is 15');
    assert.equal(delta('booking.consultation.requested|userType|student').n, 1);

    // Results: two site attempts and the desktop import of the child, the adult's partner result.
    const attempts: Array<{ id: number; person_key: string; started_at: unknown; finished_at: unknown }> = await knex()('assessment_attempts')
      .whereIn('person_key', mine)
      .where({ status: 'finished' })
      .select('id', 'person_key', 'started_at', 'finished_at');
    const statements: Array<{ person_key: string; source_kind: string; timestamp: unknown }> = await knex()('assessment_statements')
      .whereIn('person_key', mine)
      .select('person_key', 'source_kind', 'timestamp');
    const resultTimes = [
      ...attempts.map((a) => [a.person_key, num(a.finished_at)] as const),
      ...statements.map((x) => [x.person_key, num(x.timestamp)] as const),
    ];
    assert.equal(attempts.length, 2);
    assert.equal(delta('test|all|').n, attempts.length + statements.length);
    assert.equal(delta('test|source|site').n, attempts.length);
    assert.equal(delta('test|source|desktop').n, statements.filter((s) => s.source_kind === 'desktop').length);
    assert.equal(delta('test|source|partner').n, statements.filter((s) => s.source_kind === 'partner').length);
    assert.equal(delta('test|format|offline').n, 1, 'a desktop test is taken at the centre');
    assert.equal(delta('test|direction|interests').n, 2);
    // Time per test: each attempt's finished − started, in its bucket, exact seconds summed.
    const seconds = attempts.map((a) => (num(a.finished_at) - num(a.started_at)) / 1000);
    const timeKeys = [...after.keys()].filter((k) => k.startsWith('test.time|time|interests|'));
    assert.equal(
      timeKeys.reduce((s, k) => s + delta(k).n, 0),
      attempts.length,
    );
    assert.equal(Math.round(timeKeys.reduce((s, k) => s + delta(k).total, 0) * 1000), Math.round(seconds.reduce((s, x) => s + x, 0) * 1000));
    assert.equal(delta(`test.time|time|interests|${timeBucket(754)}`).n, 1, 'the first attempt took 12 min 34 s');
    const answers = await knex()('assessment_answers')
      .whereIn(
        'attempt_id',
        attempts.map((a) => a.id),
      )
      .select('time_ms');
    const itemKeys = [...after.keys()].filter((k) => k.startsWith('item.time|time|interests|'));
    assert.equal(
      itemKeys.reduce((s, k) => s + delta(k).n, 0),
      answers.length,
    );
    assert.equal(
      Math.round(itemKeys.reduce((s, k) => s + delta(k).total, 0)),
      Math.round(answers.reduce((s: number, a: { time_ms: unknown }) => s + num(a.time_ms), 0) / 1000),
    );

    // The retake is one repeat; its investigative scale went down, the artistic one up.
    assert.equal(delta('repeat|all|').n, 1);
    assert.equal(delta('repeat|direction|interests').n, 1);
    assert.equal(delta('repeat.scale|scale|interests|investigative|down').n, 1);
    assert.equal(delta('repeat.scale|scale|interests|artistic|up').n, 1);
    assert.ok(delta('repeat.scale|scale|interests|artistic|up').total > 0);

    // A consultation made after the person's first result, unless cancelled (the child's; the adult's partner result came after her booking).
    const firstResult = (key: string) => Math.min(...resultTimes.filter(([k]) => k === key).map(([, t]) => t));
    const afterTest = bookings.filter((b) => b.service === 'consultation' && b.status !== 'cancelled' && ms(b.created_at) > firstResult(whose(b)));
    assert.equal(afterTest.length, 2);
    assert.equal(delta('booking.afterTest|all|').n, afterTest.length);

    // Recommendations, firsts, requests, talents, active months.
    const notes = await knex()('assessment_notes').whereIn('person_key', mine).select('author_id');
    assert.equal(delta('recommendation|all|').n, notes.length);
    assert.equal(delta(`recommendation|staff|${specialist.id}`).n, 1);
    assert.equal(delta('first.recommendation|all|').n, 1);
    assert.equal(delta('first.consultation|all|').n, 1);
    assert.equal(delta('first.consultation|ageGroup|age-12-15').n, 1);
    const requests: Array<{ status: string }> = await knex()('crm_requests')
      .where((w) =>
        w
          .where({ person_kind: 'child', child_id: childId })
          .orWhere((x) => x.where({ person_kind: 'user' }).whereIn('user_id', [parent.id, adult.id]))
          .orWhere({ person_kind: 'lead', phone }),
      )
      .select('status');
    assert.ok(requests.length >= 5, 'a request per booking, and the caller’s');
    for (const status of new Set(requests.map((r) => r.status)))
      assert.equal(delta(`request.${status}|all|`).n, requests.filter((r) => r.status === status).length, `request.${status}`);
    const talents = await knex()('talent_entries').whereIn('person_key', mine).select('domain');
    assert.equal(delta('talent|all|').n, talents.length);
    // Active: each person × calendar month (in Kazakhstan) with a booking made or a result.
    const month = (t: number) => kzDate(new Date(t)).slice(0, 7);
    const active = new Set([...bookings.map((b) => `${whose(b)} ${month(ms(b.created_at))}`), ...resultTimes.map(([k, t]) => `${k} ${month(t)}`)]);
    assert.equal(delta('active|all|').n, active.size);
    assert.equal(delta('active|userType|student').n, [...active].filter((a) => a.startsWith(`${adultKey} `)).length);

    // The place: the child lives in KZ-63 (Oskemen) and was served at the centre.
    const placed = await knex()('stats_daily')
      .where({ metric: 'booking.consultation.completed', dim: 'staff', value: String(specialist.id) })
      .first();
    assert.deepEqual([placed.region, placed.locality, placed.centre], ['KZ-63', 'kz-63-oskemen', CENTRE]);

    // The country's rows moved with the places' (the live deltas summed over every place).
    const thisYearAndLast = (p: number) => {
      const year = Math.floor((p > 999_999 ? p / 10_000 : p / 100) as number);
      const now = Number(kzDate(new Date()).slice(0, 4));
      return year === now || year === now - 1;
    };
    await assertCountrySums(thisYearAndLast);

    // Replaying the same people writes nothing.
    const daily = sorted(await rowsOf('stats_daily'));
    const replay = await rollups().refresh(mine);
    assert.deepEqual([replay.written, replay.removed], [0, 0]);
    await rollups().settled();
    assert.deepEqual(sorted(await rowsOf('stats_daily')), daily);

    // A reconciliation brings everything to the records; from scratch it writes the same rows.
    const today = Number(kzDate(new Date()).replace(/-/g, ''));
    const period = { from: Math.floor(today / 10000 - 1) * 10000 + 101, to: Math.floor(today / 10000) * 10000 + 1231 };
    await rollups().reconcile(period);
    const inPeriod = (rows: Row[]) =>
      rows.filter((r) =>
        r.period > 999_999
          ? r.period >= period.from && r.period <= period.to
          : r.period >= Math.floor(period.from / 100) && r.period <= Math.floor(period.to / 100),
      );
    const reconciledDaily = sorted(inPeriod(await rowsOf('stats_daily')));
    const reconciledMonthly = sorted(inPeriod(await rowsOf('stats_monthly')));
    const again = await rollups().reconcile(period);
    assert.deepEqual([again.factsWritten, again.rowsWritten, again.rowsRemoved], [0, 0, 0], 'a second reconciliation writes nothing');
    assert.equal(again.firstFill, false);
    assert.equal(again.monthsRebuilt, 0, 'nor rebuilds a month whose facts did not change');
    // A month whose counts drifted from its facts (a row changed behind the rollups' back) is found and rebuilt.
    const drifted = (await knex()('stats_monthly')
      .where({ dim: 'all' })
      .whereBetween('period', [Math.floor(period.from / 100), Math.floor(period.to / 100)])
      .first()) as Row;
    await knex()('stats_monthly')
      .where({
        period: drifted.period,
        metric: drifted.metric,
        dim: 'all',
        value: drifted.value,
        region: drifted.region,
        locality: drifted.locality,
        centre: drifted.centre,
      })
      .update({ n: Number(drifted.n) + 3 });
    const repaired = await rollups().reconcile(period);
    assert.equal(repaired.monthsRebuilt, 1, JSON.stringify(repaired));
    assert.deepEqual(sorted(inPeriod(await rowsOf('stats_monthly'))), reconciledMonthly);
    // `full` (Sunday nights) rebuilds every month of the period, and finds nothing to write.
    const full = await rollups().reconcile({ ...period, full: true });
    assert.equal(full.monthsRebuilt, 24);
    assert.deepEqual([full.factsWritten, full.rowsWritten, full.rowsRemoved], [0, 0, 0]);
    // From scratch for the period (other files' figures outside it stay).
    await knex()('stats_facts').whereBetween('day', [period.from, period.to]).delete();
    await knex()('stats_daily').whereBetween('period', [period.from, period.to]).delete();
    await knex()('stats_monthly')
      .whereBetween('period', [Math.floor(period.from / 100), Math.floor(period.to / 100)])
      .delete();
    const scratch = await rollups().reconcile(period);
    // The first fill writes the facts alone, then rebuilds the months they changed from them.
    assert.ok(scratch.factsWritten > 0, JSON.stringify(scratch));
    assert.equal(scratch.firstFill, true);
    assert.ok(scratch.monthsRebuilt > 0, JSON.stringify(scratch));
    assert.deepEqual(sorted(inPeriod(await rowsOf('stats_daily'))), reconciledDaily);
    assert.deepEqual(sorted(inPeriod(await rowsOf('stats_monthly'))), reconciledMonthly);
    // … and the country's rows from them (the place rows of the period were deleted, the country's were not).
    await assertCountrySums(thisYearAndLast);

    // A month is the sum of its days.
    const monthly = new Map((await rowsOf('stats_monthly')).map((r) => [keyOf(r), r]));
    const summed = new Map<string, { n: number; total: number }>();
    for (const r of await rowsOf('stats_daily')) {
      const key = keyOf({ ...r, period: Math.floor(r.period / 100) });
      const held = summed.get(key) ?? { n: 0, total: 0 };
      held.n += r.n;
      held.total += r.total;
      summed.set(key, held);
    }
    assert.equal(summed.size, monthly.size);
    for (const [key, s] of summed) {
      assert.equal(monthly.get(key)?.n, s.n, key);
      assert.ok(Math.abs(monthly.get(key)!.total - s.total) < 0.01, key);
    }
  });

  it('a nightly run fixes what changed behind the events’ back by deltas, rebuilding no month: the rows are what the records say', async function () {
    this.timeout(180_000);
    const { parent, childDoc } = await family();
    const first = await interests(parent, childDoc, ['investigative']);
    await interests(parent, childDoc, ['artistic']);
    await rollups().settled();
    const today = Number(kzDate(new Date()).replace(/-/g, ''));
    const period = { from: Math.floor(today / 10000 - 1) * 10000 + 101, to: Math.floor(today / 10000) * 10000 + 1231 };
    // In step to begin with, whatever other files wrote straight into tables.
    await rollups().reconcile(period);

    // The first attempt moved 45 days back (another month) by SQL: no event tells the rollups.
    const attempt = await knex()('assessment_attempts').where({ id: first }).first('finished_at');
    const moved = num(attempt.finished_at) - 45 * 86_400_000;
    const dayOf = (t: number) => Number(kzDate(new Date(t)).replace(/-/g, ''));
    const [was, now] = [dayOf(num(attempt.finished_at)), dayOf(moved)];
    assert.notEqual(Math.floor(was / 100), Math.floor(now / 100));
    const tests = async (day: number) =>
      num(
        (await knex()('stats_daily').where({ period: day, metric: 'test', dim: 'all', region: 'KZ-63', locality: 'kz-63-oskemen' }).sum({ n: 'n' }).first())?.n,
      );
    const before = [await tests(was), await tests(now)];
    await knex()('assessment_attempts')
      .where({ id: first })
      .update({ finished_at: moved, started_at: moved - 754_000 });

    const night = await rollups().reconcile(period);
    assert.equal(night.firstFill, false);
    assert.ok(night.factsWritten >= 1, JSON.stringify(night));
    assert.equal(night.monthsRebuilt, 0, `the facts' deltas kept every month in step: ${JSON.stringify(night)}`);
    assert.deepEqual([night.rowsWritten, night.rowsRemoved], [0, 0]);
    assert.equal(
      (
        await knex()('stats_facts')
          .where({ key: `a:${first}` })
          .first('day', 'person_key')
      )?.day,
      now,
    );
    assert.deepEqual([await tests(was), await tests(now)], [before[0]! - 1, before[1]! + 1], 'the test counts on the day it now says');
    // Every month rebuilt from the facts finds nothing to write: the deltas made the rows what the facts (the records) say.
    const full = await rollups().reconcile({ ...period, full: true });
    assert.deepEqual([full.factsWritten, full.factsRemoved, full.rowsWritten, full.rowsRemoved], [0, 0, 0, 0], JSON.stringify(full));
    assert.equal(full.monthsRebuilt, 24);
  });
});
