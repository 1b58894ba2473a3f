/**
 * The nightly reconciliation (and a new database's first fill): for a period of days (by default
 * the current and the previous calendar year in Kazakhstan),
 * 1. every person with a record in the period, or a stored fact in it, has their facts derived
 *    again and written where they changed (refresh.ts, in batches, under the people's locks);
 * 2. each month's daily and monthly rows are rebuilt from the stored facts and written where they
 *    differ, under the month's exclusive lock, which live refreshes take shared: a refresh either
 *    committed before the month is read (and is in it) or waits until it is written (and adds to it).
 *    Live refreshes keep the rows in step with the facts in the same transaction, so a month is
 *    rebuilt only when step 1 changed its facts (written without their rows), when its rows' counts
 *    disagree with its facts (a cheap check per month: the `all` rows' n against the facts, by
 *    metric, daily and monthly), or always with `full` (the weekly safety net: cms/config/cron-tasks.ts).
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

export type ReconcileOptions = { from?: number; to?: number; now?: Date; full?: boolean };
export type Reconciled = {
  from: number;
  to: number;
  people: number;
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
  const [whole, part, monthly, daily] = await Promise.all([
    facts(month * 100 + 1, month * 100 + 31),
    facts(first, last),
    rows(MONTHLY, month, month),
    rows(DAILY, first, last),
  ]);
  return byMetric(whole as never) === byMetric(monthly as never) && byMetric(part as never) === byMetric(daily as never);
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
    factsWritten: 0,
    factsRemoved: 0,
    rowsWritten: 0,
    rowsRemoved: 0,
    monthsRebuilt: 0,
    ms: { people: 0, facts: 0, rows: 0, all: 0 },
  };
  const people = await peopleIn(strapi, period.from, period.to);
  done.people = people.length;
  done.ms.people = Date.now() - started;
  // Facts only: each month's rows are rebuilt from them next (fewer writes than adding each batch's rows).
  const changed = new Set<number>();
  for (const part of chunks(people, BATCH * 10)) {
    const r = await refreshPeople(strapi, part, { rollups: false, batch: 1000 });
    done.factsWritten += r.written;
    done.factsRemoved += r.removed;
    for (const m of r.months) changed.add(m);
  }
  done.ms.facts = Date.now() - started - done.ms.people;
  for (const month of monthsOf(period.from, period.to)) {
    const first = Math.max(month * 100 + 1, period.from);
    const last = Math.min(month * 100 + 31, period.to);
    if (!options.full && !changed.has(month) && (await inStep(strapi.db.connection, month, first, last))) continue;
    done.monthsRebuilt += 1;
    const r = await rebuild(strapi, month, period.from, period.to);
    done.rowsWritten += r.written;
    done.rowsRemoved += r.removed;
  }
  done.ms.all = Date.now() - started;
  done.ms.rows = done.ms.all - done.ms.people - done.ms.facts;
  return done;
}
