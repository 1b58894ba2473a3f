/**
 * The nightly reconciliation (and a new database's first fill): for a period of days (by default
 * the current and the previous calendar year in Kazakhstan),
 * 1. every person with a record in the period, or a stored fact in it, has their facts derived
 *    again and written where they changed (refresh.ts, in batches, under the people's locks; on
 *    PostgreSQL two batches at once (WORKERS) — they are disjoint sets of people — on SQLite one by one).
 *    When the period already has facts, each batch also adds its changes to the daily and monthly
 *    rows in the same transaction, under the months' shared locks, as live refreshes do: what
 *    changed behind the events' back is fixed by deltas, and no month is rebuilt for it. The first
 *    fill (no facts in the period yet) writes the facts only, and rebuilds each month it changed
 *    from them (fewer writes than adding millions of facts' rows one batch at a time).
 * 2. each month's daily and monthly rows are rebuilt from the stored facts and written where they
 *    differ, under the month's exclusive lock, which live refreshes take shared: a refresh either
 *    committed before the month is read (and is in it) or waits until it is written (and adds to it).
 *    Since the rows are kept in step with the facts in the transaction that writes them, a month
 *    is rebuilt only when the first fill changed its facts, when its rows' counts disagree with its
 *    facts (a cheap check per month: the `all` rows' n against the facts, by metric, daily and
 *    monthly), or always with `full` (the weekly safety net: cms/config/cron-tasks.ts).
 * Running it twice, or on two instances, writes nothing the second time.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { dayOf, monthOf, todayInKazakhstan } from '@qabilet/domain';
import { ms } from '@qabilet/plugin-kit/server';
import { DAILY, FACTS, MONTHLY, isPostgres } from './tables';
import { rebuildMonth } from './rebuild';
import { BATCH, MONTH_LOCKS, chunks, refreshPeople } from './refresh';
import { notifyTouched, touched } from './touched';
import { ATTEMPTS, BOOKING_COLUMNS, NOTES, REQUESTS, TALENTS, bookingKey, bookingRows, bookingTables, requestKey } from './sources';

/** `workers`: batches of people refreshed at once on PostgreSQL (default WORKERS; SQLite: always 1). */
export type ReconcileOptions = { from?: number; to?: number; now?: Date; full?: boolean; workers?: number };
/**
 * Two batches at once: one derives facts while the other waits on the database. On 2 cores (bench/stats.mjs
 * at a fifth of its scale, the facts of 39 000 people) 1 took 15.8 s, 2 took 14.0 s, 3 took 14.2 s.
 */
export const WORKERS = 2;
export type Reconciled = {
  from: number;
  to: number;
  people: number;
  /** Whether the period had no facts yet: facts were written without their rows, and the months they changed rebuilt. */
  firstFill: boolean;
  factsWritten: number;
  factsRemoved: number;
  rowsWritten: number;
  rowsRemoved: number;
  /** The months rebuilt: their facts changed, their counts drifted, or all of them (`full`). */
  monthsRebuilt: number;
  /** Milliseconds: finding the people, deriving their facts, rebuilding the months. */
  ms: { people: number; facts: number; rows: number; all: number };
};

/** The default period: 1 January of last year to 31 December of this one (yyyymmdd). */
export function defaultPeriod(now = new Date()): { from: number; to: number } {
  const year = Number(todayInKazakhstan(now).slice(0, 4));
  return { from: (year - 1) * 10000 + 101, to: year * 10000 + 1231 };
}

const inDays = (from: number, to: number) => (v: unknown) => {
  const t = v instanceof Date ? v.getTime() : typeof v === 'number' || /^\d+$/.test(String(v)) ? ms(v as string | number) : Date.parse(String(v));
  if (t === null || Number.isNaN(t)) return false;
  const day = dayOf(t);
  return day >= from && day <= to;
};

/** Everyone with a record (or a stored fact) in the period. */
async function peopleIn(strapi: Core.Strapi, from: number, to: number): Promise<string[]> {
  const knex = strapi.db.connection;
  const keys = new Set<string>();
  const within = inDays(from, to);
  // Epoch-ms columns are narrowed by SQL (a day either side, for the time zone); dates the CMS stores are checked here.
  const lo = Date.UTC(Math.floor(from / 10000), (Math.floor(from / 100) % 100) - 1, from % 100) - 86_400_000;
  const hi = Date.UTC(Math.floor(to / 10000), (Math.floor(to / 100) % 100) - 1, to % 100) + 2 * 86_400_000;
  const t = bookingTables(strapi);
  for (const b of await bookingRows(knex, t).select([...BOOKING_COLUMNS(t)])) if (within(b.start) || within(b.created_at)) keys.add(bookingKey(b));
  for (const r of await knex(REQUESTS).select('id', 'person_kind', 'user_id', 'child_id', 'phone', 'created_at'))
    if (within(r.created_at)) keys.add(requestKey(r));
  const distinct = async (table: string, column: string, extra: (q: Knex.QueryBuilder) => Knex.QueryBuilder = (q) => q) => {
    for (const r of await extra(knex(table).whereBetween(column, [lo, hi]))
      .distinct('person_key')
      .select())
      keys.add(r.person_key);
  };
  await distinct(ATTEMPTS, 'finished_at', (q) => q.where({ status: 'finished' }));
  await distinct('assessment_statements', 'timestamp');
  await distinct(NOTES, 'created_at');
  await distinct(TALENTS, 'updated_at');
  for (const r of await knex(FACTS).whereBetween('day', [from, to]).distinct('person_key').select()) keys.add(r.person_key);
  return [...keys].sort();
}

/** Rebuilds one month's rows from its facts under the month's lock (rebuild.ts). */
async function rebuild(strapi: Core.Strapi, month: number, from: number, to: number): Promise<{ written: number; removed: number }> {
  const postgres = isPostgres(strapi);
  const done = await strapi.db.connection.transaction(async (trx) => {
    if (postgres) await trx.raw('SELECT pg_advisory_xact_lock(?, hashtext(?))', [MONTH_LOCKS, String(month)]);
    const r = await rebuildMonth(trx, postgres, month, Math.max(month * 100 + 1, from), Math.min(month * 100 + 31, to));
    if (r.written || r.removed) await notifyTouched(strapi, trx, [month]);
    return r;
  });
  if (done.written || done.removed) touched([month]);
  return done;
}

/** Metrics whose facts add no `all` row (their rows are by bucket or scale only). */
const WITHOUT_ALL = ['test.time', 'item.time', 'repeat.scale'];

/** Whether a month's `all` rows, daily and monthly, count its facts by metric (days `first`–`last` of it). */
async function inStep(knex: Knex, month: number, first: number, last: number): Promise<boolean> {
  const byMetric = (rows: Array<{ metric: string; n: number | string }>) =>
    JSON.stringify(rows.map((r) => [r.metric, Number(r.n)]).sort(([a], [b]) => String(a).localeCompare(String(b))));
  const facts = (day0: number, day1: number) =>
    knex(FACTS).whereBetween('day', [day0, day1]).whereNotIn('metric', WITHOUT_ALL).groupBy('metric').select('metric').count({ n: '*' });
  const rows = (table: string, lo: number, hi: number) =>
    knex(table).whereBetween('period', [lo, hi]).where({ dim: 'all' }).whereNotIn('metric', WITHOUT_ALL).groupBy('metric').select('metric').sum({ n: 'n' });
  // A period covering the whole month reads its facts once.
  const whole = first === month * 100 + 1 && last >= month * 100 + new Date(Date.UTC(Math.floor(month / 100), month % 100, 0)).getUTCDate();
  const [all, monthly, daily, part] = await Promise.all([
    facts(month * 100 + 1, month * 100 + 31),
    rows(MONTHLY, month, month),
    rows(DAILY, first, last),
    whole ? null : facts(first, last),
  ]);
  return byMetric(all as never) === byMetric(monthly as never) && byMetric((part ?? all) as never) === byMetric(daily as never);
}

/** Runs `work` on each item, `workers` at a time; the first failure stops the others taking more, and is thrown once they end. */
async function inTurn<T>(items: T[], workers: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const results = await Promise.allSettled(
    Array.from({ length: Math.min(workers, items.length) }, async () => {
      while (!failed && next < items.length) {
        const item = items[next++]!;
        try {
          await work(item);
        } catch (e) {
          failed = true;
          throw e;
        }
      }
    }),
  );
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure) throw failure.reason;
}

/** The months (yyyymm) a period of days touches. */
function monthsOf(from: number, to: number): number[] {
  const months: number[] = [];
  for (let m = monthOf(from); m <= monthOf(to); m = m % 100 === 12 ? (Math.floor(m / 100) + 1) * 100 + 1 : m + 1) months.push(m);
  return months;
}

/** Facts from the sources, then rollups from the facts, for a period; what it did. */
export async function reconcile(strapi: Core.Strapi, options: ReconcileOptions = {}): Promise<Reconciled> {
  const started = Date.now();
  const period = { ...defaultPeriod(options.now), ...(options.from ? { from: options.from } : {}), ...(options.to ? { to: options.to } : {}) };
  const done: Reconciled = {
    ...period,
    people: 0,
    firstFill: false,
    factsWritten: 0,
    factsRemoved: 0,
    rowsWritten: 0,
    rowsRemoved: 0,
    monthsRebuilt: 0,
    ms: { people: 0, facts: 0, rows: 0, all: 0 },
  };
  const knex = strapi.db.connection;
  done.firstFill = !(await knex(FACTS).whereBetween('day', [period.from, period.to]).first('key'));
  const people = await peopleIn(strapi, period.from, period.to);
  done.people = people.length;
  done.ms.people = Date.now() - started;
  const changed = new Set<number>();
  const workers = isPostgres(strapi) ? Math.max(1, Math.floor(options.workers ?? WORKERS)) : 1;
  await inTurn(chunks(people, BATCH * 10), workers, async (part) => {
    const r = await refreshPeople(strapi, part, { rollups: !done.firstFill, batch: 1000 });
    done.factsWritten += r.written;
    done.factsRemoved += r.removed;
    for (const m of r.months) changed.add(m);
  });
  done.ms.facts = Date.now() - started - done.ms.people;
  for (const month of monthsOf(period.from, period.to)) {
    const first = Math.max(month * 100 + 1, period.from);
    const last = Math.min(month * 100 + 31, period.to);
    // Changed facts move their months' rows by deltas, except on the first fill.
    const stale = done.firstFill && changed.has(month);
    if (!options.full && !stale && (await inStep(knex, month, first, last))) continue;
    done.monthsRebuilt += 1;
    const r = await rebuild(strapi, month, period.from, period.to);
    done.rowsWritten += r.written;
    done.rowsRemoved += r.removed;
  }
  done.ms.all = Date.now() - started;
  done.ms.rows = done.ms.all - done.ms.people - done.ms.facts;
  return done;
}
