/**
 * Sums of the rollups over a period: the whole months from `stats_monthly` and the edge days from
 * `stats_daily` (a month's row is the sum of its days'), in one statement — the two tables' grouped
 * sums joined by UNION ALL — and the two parts of a group added up here. Each arm of a part's
 * WHERE is one (metric, dim, period range): a range scan of the (metric, dim, period) index, which
 * PostgreSQL ORs together as bitmaps, so a year's daily rows of other days are never read; the
 * days before today are kept a minute (`sumRollups`). Nothing is read from the raw records at
 * request time.
 */
import type { Knex } from 'knex';
import { addDays, splitPeriod, todayInKazakhstan, type PlaceFilter } from '@qabilet/domain';
import { scoped, type StatsScope } from './scope';

export const DAILY = 'stats_daily';
export const MONTHLY = 'stats_monthly';

/** A slice of the rollups: a metric along one dimension (and, when given, only these values). */
export type Slice = { metric: string; dim: string; values?: string[] };
/** What the sums are grouped by; `month` is yyyymm. */
export type Group = 'metric' | 'dim' | 'value' | 'month' | 'region' | 'locality' | 'centre';
export type Sum = { metric: string; dim: string; value: string; month: number; region: string; locality: string; centre: string; n: number; total: number };

export type Reading = { from: string; to: string; scope: StatsScope; place: PlaceFilter; slices: Slice[]; group: Group[] };

function partOf(knex: Knex, table: string, ranges: Array<[number, number]>, r: Reading): Knex.QueryBuilder {
  const monthly = table === MONTHLY;
  const columns = r.group.map((g) => (g === 'month' ? knex.raw(monthly ? 'period as month' : 'period / 100 as month') : g));
  const q = knex(table)
    .select(columns)
    .sum({ n: 'n' })
    .sum({ total: 'total' })
    .where((w) => {
      for (const s of r.slices)
        for (const range of ranges)
          w.orWhere((arm) => {
            arm.where({ metric: s.metric, dim: s.dim }).whereBetween('period', range);
            if (s.values) arm.whereIn('value', s.values.length ? s.values : ['\u0000']);
          });
    });
  scoped(q, r.scope, r.place);
  for (const g of r.group) {
    if (g === 'month') q.groupByRaw(monthly ? 'period' : 'period / 100');
    else q.groupBy(g);
  }
  return q;
}

const keyOf = (group: Group[], row: Record<string, unknown>) => group.map((g) => String(row[g] ?? '')).join('\u0001');

/** Adds up sums of the same group (a month's from both tables, the settled days' and today's). */
function addUp(group: Group[], rows: Array<Record<string, unknown>>): Sum[] {
  const sums = new Map<string, Sum>();
  for (const row of rows) {
    const key = keyOf(group, row);
    const sum = sums.get(key) ?? {
      metric: String(row.metric ?? ''),
      dim: String(row.dim ?? ''),
      value: String(row.value ?? ''),
      month: Number(row.month ?? 0),
      region: String(row.region ?? ''),
      locality: String(row.locality ?? ''),
      centre: String(row.centre ?? ''),
      n: 0,
      total: 0,
    };
    sum.n += Number(row.n ?? 0);
    sum.total += Number(row.total ?? 0);
    sums.set(key, sum);
  }
  return [...sums.values()];
}

/** Every sum knows its metric and dim (a slice has one dim, so this splits nothing). */
const groupOf = (reading: Reading): Group[] => [...new Set<Group>(['metric', 'dim', ...reading.group])];

/** The sums of the slices over the period, within the scope and the place, by `group`, as the tables hold them now. */
async function readRollups(knex: Knex, reading: Reading): Promise<Sum[]> {
  if (!reading.slices.length || reading.from > reading.to) return [];
  const r = { ...reading, group: groupOf(reading) };
  const split = splitPeriod(r.from, r.to);
  const parts: Knex.QueryBuilder[] = [];
  if (split.months) parts.push(partOf(knex, MONTHLY, [split.months], r));
  if (split.days.length) parts.push(partOf(knex, DAILY, split.days, r));
  // Each part a derived table of its own, so that its GROUP BY stays inside it on SQLite and PostgreSQL alike.
  const [first, ...rest] = parts;
  const query = rest.length
    ? knex
        .select('*')
        .from(first!.as('m'))
        .unionAll(rest.map((q, i) => knex.select('*').from(q.as(`d${i}`))))
    : first!;
  return addUp(r.group, (await query) as Array<Record<string, unknown>>);
}

/** How long the sums of the days before today are kept (see `sumRollups`). */
export const KEEP_SETTLED_MS = 60_000;
const kept = new Map<string, { at: number; sums: Promise<Sum[]> }>();

/**
 * The sums of the slices over the period, within the scope and the place, by `group`: today's
 * (and later) rows read each time, the days before today's kept for a minute. Most of what is
 * counted is dated when it happens (a result when it is finished, a recommendation when written),
 * so earlier days change only when a booking's status moves after its day or the nightly
 * reconciliation corrects them — a minute's lag there is the price of not summing a year of rows
 * per place on every view (the items' times alone are a row per test × item × time bucket × place
 * and day). Concurrent views of the same figures share one read.
 */
export async function sumRollups(knex: Knex, reading: Reading, today = todayInKazakhstan(), now = Date.now()): Promise<Sum[]> {
  if (!reading.slices.length || reading.from > reading.to) return [];
  const yesterday = addDays(today, -1);
  const settledTo = reading.to < yesterday ? reading.to : yesterday;
  const live = reading.to >= today ? readRollups(knex, { ...reading, from: reading.from > today ? reading.from : today }) : Promise.resolve([]);
  let settled: Promise<Sum[]> = Promise.resolve([]);
  if (reading.from <= settledTo) {
    const { scope } = reading;
    // A specialist's own figures are told apart by their slices (dim `staff` = their id).
    const key = JSON.stringify([scope.all, scope.regions, scope.centres, scope.centre, reading.place, reading.slices, reading.group, reading.from, settledTo]);
    const hit = kept.get(key);
    if (hit && now - hit.at < KEEP_SETTLED_MS) settled = hit.sums;
    else {
      for (const [k, v] of kept) if (now - v.at >= KEEP_SETTLED_MS) kept.delete(k);
      settled = readRollups(knex, { ...reading, to: settledTo });
      kept.set(key, { at: now, sums: settled });
      settled.catch(() => kept.delete(key));
    }
  }
  const [a, b] = await Promise.all([settled, live]);
  return addUp(groupOf(reading), [...a, ...b]);
}

/** The sums of one metric (and dim), by value. */
export const byValue = (sums: Sum[], metric: string, dim: string) => sums.filter((s) => s.metric === metric && s.dim === dim);
/** The count of a metric along a dim, all values together. */
export const countOf = (sums: Sum[], metric: string, dim = 'all') => byValue(sums, metric, dim).reduce((n, s) => n + s.n, 0);
