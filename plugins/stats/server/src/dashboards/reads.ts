/**
 * Sums of the rollups over a period: the whole months from `stats_monthly` and the edge days from
 * `stats_daily` (a month's row is the sum of its days'), in one statement — the two tables' grouped
 * sums joined by UNION ALL, each narrowed by the (metric, dim, period) index — and the two parts of
 * a group added up here. Nothing is read from the raw records at request time.
 */
import type { Knex } from 'knex';
import { splitPeriod, type PlaceFilter } from '@qabilet/domain';
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
      for (const [a, b] of ranges) w.orWhereBetween('period', [a, b]);
    })
    .where((w) => {
      for (const s of r.slices)
        w.orWhere((one) => {
          one.where({ metric: s.metric, dim: s.dim });
          if (s.values) one.whereIn('value', s.values.length ? s.values : ['\u0000']);
        });
    });
  scoped(q, r.scope, r.place);
  for (const g of r.group) {
    if (g === 'month') q.groupByRaw(monthly ? 'period' : 'period / 100');
    else q.groupBy(g);
  }
  return q;
}

/** The sums of the slices over the period, within the scope and the place, by `group`. */
export async function sumRollups(knex: Knex, reading: Reading): Promise<Sum[]> {
  if (!reading.slices.length || reading.from > reading.to) return [];
  // Every sum knows its metric and dim (a slice has one dim, so this splits nothing).
  const r = { ...reading, group: [...new Set<Group>(['metric', 'dim', ...reading.group])] };
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
  const rows = (await query) as Array<Record<string, unknown>>;
  const sums = new Map<string, Sum>();
  for (const row of rows) {
    const key = r.group.map((g) => String(row[g])).join('\u0001');
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

/** The sums of one metric (and dim), by value. */
export const byValue = (sums: Sum[], metric: string, dim: string) => sums.filter((s) => s.metric === metric && s.dim === dim);
/** The count of a metric along a dim, all values together. */
export const countOf = (sums: Sum[], metric: string, dim = 'all') => byValue(sums, metric, dim).reduce((n, s) => n + s.n, 0);
