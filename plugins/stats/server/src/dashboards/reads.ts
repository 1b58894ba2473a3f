/**
 * Sums of the rollups over a period: the whole months from `stats_monthly` and the edge days from
 * `stats_daily` (a month's row is the sum of its days'), each unit read once and kept until a
 * write of its rows tells it changed (cube.ts), added up per request. Each arm of a read's WHERE
 * is one (metric, dim, period range): a range scan of the (metric, dim, period) index. Nothing is
 * read from the raw records at request time.
 */
import type { Knex } from 'knex';
import type { PlaceFilter } from '@qabilet/domain';
import type { StatsScope } from './scope';
import { cubeHistograms, cubeSums, type Histogram } from './cube';

/** A slice of the rollups: a metric along one dimension (and, when given, only these values). */
export type Slice = { metric: string; dim: string; values?: string[] };
/** What the sums are grouped by; `month` is yyyymm. */
export type Group = 'metric' | 'dim' | 'value' | 'month' | 'region' | 'locality' | 'centre';
export type Sum = { metric: string; dim: string; value: string; month: number; region: string; locality: string; centre: string; n: number; total: number };

export type Reading = { from: string; to: string; scope: StatsScope; place: PlaceFilter; slices: Slice[]; group: Group[] };

/** Every sum knows its metric and dim (a slice has one dim, so this splits nothing). */
const groupOf = (reading: Reading): Group[] => [...new Set<Group>(['metric', 'dim', ...reading.group])];

/**
 * The sums of the slices over the period, within the scope and the place, by `group`, as the
 * rollups hold them now: from the units kept in memory until their rows change (cube.ts).
 */
export async function sumRollups(knex: Knex, reading: Reading): Promise<Sum[]> {
  if (!reading.slices.length || reading.from > reading.to) return [];
  return cubeSums(knex, { ...reading, group: groupOf(reading) });
}

/** The histograms of a reading of time buckets (cube.ts's `cubeHistograms`). */
export async function histograms(knex: Knex, reading: Reading): Promise<Histogram[]> {
  if (!reading.slices.length || reading.from > reading.to) return [];
  return cubeHistograms(knex, { ...reading, group: groupOf(reading) });
}

// The sums of a reading grouped by metric and dim once: a dashboard's panels ask a dozen slices of the same sums.
const slicesOf = new WeakMap<Sum[], Map<string, Sum[]>>();
/** The sums of one metric (and dim), by value. */
export function byValue(sums: Sum[], metric: string, dim: string): Sum[] {
  let slices = slicesOf.get(sums);
  if (!slices) {
    slices = new Map();
    for (const s of sums) {
      const key = `${s.metric}\u0001${s.dim}`;
      const list = slices.get(key);
      if (list) list.push(s);
      else slices.set(key, [s]);
    }
    slicesOf.set(sums, slices);
  }
  return slices.get(`${metric}\u0001${dim}`) ?? [];
}
/** The count of a metric along a dim, all values together. */
export const countOf = (sums: Sum[], metric: string, dim = 'all') => byValue(sums, metric, dim).reduce((n, s) => n + s.n, 0);
