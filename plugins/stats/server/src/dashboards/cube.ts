/**
 * The dashboards' sums kept in memory until their rows change. A reading (a metric's slices within
 * a scope and a place, grouped by some columns) has a cube: its groups' keys, and per period unit
 * — a whole month from `stats_monthly`, a day from `stats_daily` — the unit's sums as a sparse
 * vector over those keys. A period's sums are its whole months' vectors added up, and for a month
 * it covers in part, its days' vectors or the month's less the days outside the period (planOf), so
 * any period (the default one, a period picked, the growth reached before it) costs the reads of
 * the units not kept yet — each read once, with every missing unit of a reading in one statement —
 * and additions; the days of the months of the period's edges are read ahead in the background
 * (readAhead).
 *
 * A unit is kept until a write of the rows tells that its period changed (rollups/touched.ts: in
 * this process after the commit, and from the other CMS instances by PostgreSQL's notifications):
 * each period has a version that a touch moves on, and a unit read at an older version is read
 * again. A read that overlapped a touch answers the requests that waited on it but is not kept.
 * Concurrent requests share one read of a unit. Nothing is read from the raw records.
 */
import type { Knex } from 'knex';
import { todayInKazakhstan } from '@qabilet/domain';
import { onTouched } from '../rollups/touched';
import { COUNTRY_OF, DAILY, MONTHLY } from '../rollups/tables';
import { scoped } from './scope';
import type { Group, Reading, Sum } from './reads';

const PLACES = new Set(['region', 'locality', 'centre']);

/** A unit's sums: the indexes of its keys in the cube and their n and total. */
type Vector = { at: Int32Array; n: Float64Array; total: Float64Array };
type Unit = { version: string; vector: Promise<Vector> };

type Cube = {
  /** Key of a group (its columns' values joined) → index; and each index's columns. */
  index: Map<string, number>;
  groups: Array<Record<string, string>>;
  months: Map<number, Unit>;
  days: Map<number, Unit>;
  used: number;
  /** The span whose days were last read ahead, and at which touch (readAhead). */
  ahead?: string;
};

/** Kept at most this long, in case a touch never arrived (a listener reconnecting). */
const KEEP_MS = 10 * 60_000;
const MAX_CUBES = 200;
/** Days (or months) a cube keeps: a year and a half of days, whatever periods were asked. */
const MAX_UNITS = 550;
const YIELD_ROWS = 4000;
const cubes = new Map<string, Cube>();

// The versions: a touch of a day moves the day's and its month's; of a month, the month's and all its days'; 0, everything.
let everything = 0;
const dayVersions = new Map<number, number>();
const monthVersions = new Map<number, number>();
const bump = (map: Map<number, number>, key: number) => map.set(key, (map.get(key) ?? 0) + 1);
const monthOfDay = (day: number) => Math.floor(day / 100);
const dayVersion = (day: number) => `${everything}.${monthVersions.get(monthOfDay(day)) ?? 0}.${dayVersions.get(day) ?? 0}`;
const monthVersion = (month: number) => `${everything}.${monthVersions.get(month) ?? 0}`;

let touches = 0;
/** How many touches this process has heard of: what a kept answer built from the cubes is checked against (memo.ts). */
export const touchCount = () => touches;

let listening = false;
export function listen(): void {
  if (listening) return;
  listening = true;
  onTouched((periods) => {
    touches += 1;
    for (const p of periods) {
      if (p === 0) {
        everything += 1;
        cubes.clear();
      } else if (p > 999_999) {
        bump(dayVersions, p);
        bump(monthVersions, monthOfDay(p));
      } else bump(monthVersions, p);
    }
  });
}

const columnsOf = (group: Group[]) => group.filter((g) => g !== 'month');

function cubeOf(reading: Reading, now: number): Cube {
  const { scope } = reading;
  const key = JSON.stringify([scope.all, scope.regions, scope.centres, scope.centre, reading.place, reading.slices, columnsOf(reading.group)]);
  let cube = cubes.get(key);
  if (cube && now - cube.used > KEEP_MS) cube = undefined;
  if (!cube) {
    if (cubes.size >= MAX_CUBES) {
      // The least recently used cube goes.
      let oldest: string | null = null;
      let at = Infinity;
      for (const [k, c] of cubes)
        if (c.used < at) {
          at = c.used;
          oldest = k;
        }
      if (oldest !== null) cubes.delete(oldest);
    }
    cube = { index: new Map(), groups: [], months: new Map(), days: new Map(), used: now };
    cubes.set(key, cube);
  }
  cube.used = now;
  return cube;
}

/** Months yyyymm from `a` to `b`. */
function monthRange(a: number, b: number): number[] {
  const out: number[] = [];
  for (let m = a; m <= b; m = m % 100 === 12 ? (Math.floor(m / 100) + 1) * 100 + 1 : m + 1) out.push(m);
  return out;
}
const daysIn = (month: number) => new Date(Date.UTC(Math.floor(month / 100), month % 100, 0)).getUTCDate();
const daysOfMonth = (month: number) => Array.from({ length: daysIn(month) }, (_, i) => month * 100 + i + 1);
const dayNumberOf = (date: string) => Number(date.replaceAll('-', ''));
/** Days yyyymmdd from `a` to `b`. */
const dayRange = (a: number, b: number): number[] =>
  monthRange(monthOfDay(a), monthOfDay(b))
    .flatMap(daysOfMonth)
    .filter((d) => d >= a && d <= b);

/** Reads the units of `periods` of one table for the cube: one statement, split into a vector per unit. */
async function readUnits(knex: Knex, cube: Cube, reading: Reading, table: typeof DAILY | typeof MONTHLY, periods: number[]): Promise<Map<number, Vector>> {
  const columns = columnsOf(reading.group);
  const lo = Math.min(...periods);
  const hi = Math.max(...periods);
  // The country's sums, not grouped by place, are read from the country's rows.
  const country = reading.scope.all && !reading.place.region && !reading.place.locality && !reading.place.centre && columns.every((c) => !PLACES.has(c));
  const q = knex(country ? COUNTRY_OF[table] : table)
    .select([...columns, 'period'])
    .sum({ n: 'n' })
    .sum({ total: 'total' })
    .where((w) => {
      for (const s of reading.slices)
        w.orWhere((arm) => {
          arm.where({ metric: s.metric, dim: s.dim }).whereBetween('period', [lo, hi]);
          if (s.values) arm.whereIn('value', s.values.length ? s.values : ['\u0000']);
        });
    });
  if (periods.length < (table === MONTHLY ? monthRange(lo, hi) : dayRange(lo, hi)).length) q.whereIn('period', periods);
  if (!country) scoped(q, reading.scope, reading.place);
  q.groupBy([...columns, 'period']);
  const rows = (await q) as Array<Record<string, unknown>>;
  const parts = new Map<number, Array<[number, number, number]>>();
  for (let i = 0; i < rows.length; i += 1) {
    // A long read is taken apart a few thousand rows at a time, letting other requests be answered in between.
    if (i > 0 && i % YIELD_ROWS === 0) await new Promise((resolve) => setImmediate(resolve));
    const row = rows[i] as Record<string, unknown>;
    const key = columns.map((c) => String(row[c] ?? '')).join('\u0001');
    let at = cube.index.get(key);
    if (at === undefined) {
      at = cube.groups.length;
      cube.index.set(key, at);
      cube.groups.push(Object.fromEntries(columns.map((c) => [c, String(row[c] ?? '')])));
    }
    const period = Number(row.period);
    const list = parts.get(period) ?? [];
    list.push([at, Number(row.n ?? 0), Number(row.total ?? 0)]);
    parts.set(period, list);
  }
  const vectors = new Map<number, Vector>();
  for (const period of periods) {
    const list = parts.get(period) ?? [];
    vectors.set(period, {
      at: Int32Array.from(list, (e) => e[0]),
      n: Float64Array.from(list, (e) => e[1]),
      total: Float64Array.from(list, (e) => e[2]),
    });
  }
  return vectors;
}

/** The cube's vectors of these units, reading those not kept (or outdated) in one statement per table. */
function unitsOf(knex: Knex, cube: Cube, reading: Reading, table: typeof DAILY | typeof MONTHLY, periods: number[]): Array<Promise<Vector>> {
  const kept = table === MONTHLY ? cube.months : cube.days;
  const versionOf = table === MONTHLY ? monthVersion : dayVersion;
  const missing = periods.filter((p) => kept.get(p)?.version !== versionOf(p));
  if (missing.length) {
    const versions = new Map(missing.map((p) => [p, versionOf(p)]));
    const read = readUnits(knex, cube, reading, table, missing);
    for (const p of missing) {
      const unit: Unit = { version: versions.get(p) as string, vector: read.then((v) => v.get(p) as Vector) };
      kept.delete(p);
      kept.set(p, unit);
    }
    // A cube keeps at most MAX_UNITS of a kind: the units read longest ago go first (never this request's).
    if (kept.size > MAX_UNITS) {
      const asked = new Set(periods);
      for (const p of kept.keys()) {
        if (kept.size <= MAX_UNITS) break;
        if (!asked.has(p)) kept.delete(p);
      }
    }
    // A failed read is not kept; a read that a touch overtook is not kept either (its version is old already).
    read.catch(() => {
      for (const p of missing) if (kept.get(p)?.version === versions.get(p)) kept.delete(p);
    });
  }
  return periods.map((p) => (kept.get(p) as Unit).vector);
}

let ahead: Promise<unknown> = Promise.resolve();
const queuedAhead = new Set<string>();

/**
 * Reads ahead, in the background and one month at a time for the whole process, the days of the
 * months of the period's two edges (none after this one): a period picked next usually moves an
 * edge by some days within its month, which then costs no read (planOf); into the next month, it
 * costs a day.
 */
function readAhead(knex: Knex, cube: Cube, reading: Reading, today: number): void {
  const months = [...new Set([reading.from, reading.to].map((d) => monthOfDay(dayNumberOf(d))))].filter((m) => m <= monthOfDay(today));
  // Once per cube and edges until something changes.
  const asked = `${touches}|${months.join(',')}`;
  if (cube.ahead === asked) return;
  cube.ahead = asked;
  for (const month of months) {
    const tag = `${month}|${JSON.stringify([reading.scope, reading.place, reading.slices, reading.group])}`;
    if (queuedAhead.has(tag)) continue;
    queuedAhead.add(tag);
    ahead = ahead
      .then(() => {
        const missing = daysOfMonth(month).filter((d) => cube.days.get(d)?.version !== dayVersion(d));
        return missing.length ? Promise.all(unitsOf(knex, cube, reading, DAILY, missing)) : null;
      })
      .catch(() => null)
      .finally(() => queuedAhead.delete(tag));
  }
}

/** The units a period is made of, each added (1) or taken away (-1). */
type Plan = { months: Array<[number, 1 | -1]>; days: Array<[number, 1 | -1]> };

/**
 * A period's units: its whole months, and for a month it covers in part either the days inside the
 * period, or the whole month less the days outside it — whichever has fewer units not kept yet
 * (then fewer units). Moving an edge by a day into a month, or within one, then reads one day.
 */
function planOf(cube: Cube, from: number, to: number): Plan {
  const plan: Plan = { months: [], days: [] };
  const missing = (days: number[]) => days.filter((d) => cube.days.get(d)?.version !== dayVersion(d)).length;
  for (const month of monthRange(monthOfDay(from), monthOfDay(to))) {
    if (from <= month * 100 + 1 && month * 100 + daysIn(month) <= to) {
      plan.months.push([month, 1]);
      continue;
    }
    const all = daysOfMonth(month);
    const inside = all.filter((d) => d >= from && d <= to);
    const outside = all.filter((d) => d < from || d > to);
    const byDays = [missing(inside), inside.length];
    const byMonth = [(cube.months.get(month)?.version === monthVersion(month) ? 0 : 1) + missing(outside), outside.length + 1];
    if (byDays[0]! < byMonth[0]! || (byDays[0] === byMonth[0] && byDays[1]! <= byMonth[1]!)) for (const d of inside) plan.days.push([d, 1]);
    else {
      plan.months.push([month, 1]);
      for (const d of outside) plan.days.push([d, -1]);
    }
  }
  return plan;
}

/** Days either side of a day to be read that are read with it when not kept (withNeighbours). */
const NEIGHBOURS = 3;

/**
 * `days`, then the days of the same months within NEIGHBOURS of a day not kept (none after
 * today) and not kept either: a period moved a day at a time reads a week once rather than a day
 * each time, in the statement the request makes anyway.
 */
function withNeighbours(cube: Cube, days: number[], today: number): number[] {
  const isMissing = (d: number) => cube.days.get(d)?.version !== dayVersion(d);
  const asked = new Set(days);
  const more: number[] = [];
  for (const day of days) {
    if (!isMissing(day)) continue;
    const last = Math.floor(day / 100) * 100 + daysIn(monthOfDay(day));
    for (let d = Math.max(day - NEIGHBOURS, Math.floor(day / 100) * 100 + 1); d <= Math.min(day + NEIGHBOURS, last, today); d += 1)
      if (!asked.has(d) && isMissing(d)) {
        asked.add(d);
        more.push(d);
      }
  }
  return more.length ? [...days, ...more] : days;
}

type Accumulator = { n: Float64Array; total: Float64Array };

/** The cube of the reading, and its keys' n and total added up over the period: per month when grouped by it, else in slot 0. */
async function accumulate(knex: Knex, reading: Reading, now: number): Promise<{ cube: Cube; sums: Map<number, Accumulator> }> {
  listen();
  const cube = cubeOf(reading, now);
  const today = dayNumberOf(todayInKazakhstan());
  const plan = planOf(cube, dayNumberOf(reading.from), dayNumberOf(reading.to));
  const months = plan.months.map(([m]) => m);
  const days = plan.days.map(([d]) => d);
  const [monthly, daily] = await Promise.all([
    Promise.all(months.length ? unitsOf(knex, cube, reading, MONTHLY, months) : []),
    Promise.all(days.length ? unitsOf(knex, cube, reading, DAILY, withNeighbours(cube, days, today)).slice(0, days.length) : []),
  ]);
  readAhead(knex, cube, reading, today);
  const byMonth = reading.group.includes('month');
  const sums = new Map<number, Accumulator>();
  const size = cube.groups.length;
  const add = (month: number, v: Vector, sign: number) => {
    const slot = byMonth ? month : 0;
    let acc = sums.get(slot);
    if (!acc) {
      acc = { n: new Float64Array(size), total: new Float64Array(size) };
      sums.set(slot, acc);
    }
    for (let i = 0; i < v.at.length; i += 1) {
      const k = v.at[i] as number;
      acc.n[k] = (acc.n[k] as number) + sign * (v.n[i] as number);
      acc.total[k] = (acc.total[k] as number) + sign * (v.total[i] as number);
    }
  };
  monthly.forEach((v, i) => add(months[i] as number, v, plan.months[i]![1]));
  daily.forEach((v, i) => add(monthOfDay(days[i] as number), v, plan.days[i]![1]));
  return { cube, sums };
}

/** A total less what was taken away can keep a rounding residue: totals are counts, seconds and points to a tenth. */
const exact = (total: number) => Math.round(total * 1e6) / 1e6;

/** The sums of the reading's slices over its period, by its group (and by month when asked), from the kept units. */
export async function cubeSums(knex: Knex, reading: Reading, now = Date.now()): Promise<Sum[]> {
  const { cube, sums } = await accumulate(knex, reading, now);
  const out: Sum[] = [];
  // Keys learnt by another read since the sums were added up are not in them.
  for (const [month, acc] of sums)
    for (let k = 0; k < acc.n.length; k += 1) {
      // Counts are whole numbers, exact in a double: a key counted nothing in the period whatever its total says.
      const n = acc.n[k] as number;
      if (n === 0) continue;
      const total = exact(acc.total[k] as number);
      const g = cube.groups[k] as Record<string, string>;
      out.push({
        metric: g.metric ?? '',
        dim: g.dim ?? '',
        value: g.value ?? '',
        month,
        region: g.region ?? '',
        locality: g.locality ?? '',
        centre: g.centre ?? '',
        n,
        total,
      });
    }
  return out;
}

/** A histogram of a metric's values `<head>|<bucket start>`: the head, the starts in order, and each start's key in the cube. */
type Head = { metric: string; head: string; starts: Float64Array; at: Int32Array };
/** One head's buckets over a period: counts in the order of `starts`, and the sum of their totals. */
export type Histogram = { metric: string; head: string; starts: Float64Array; counts: Float64Array; total: number };

/** The cube's keys gathered by metric and head, buckets sorted: made again only when the cube learnt new keys. */
const heads = new WeakMap<Cube, { size: number; list: Head[] }>();
function headsOf(cube: Cube): Head[] {
  const made = heads.get(cube);
  if (made && made.size === cube.groups.length) return made.list;
  const byHead = new Map<string, { metric: string; head: string; buckets: Array<[number, number]> }>();
  cube.groups.forEach((g, k) => {
    const value = g.value ?? '';
    const cut = value.lastIndexOf('|');
    const head = value.slice(0, Math.max(0, cut));
    const id = `${g.metric}\u0001${head}`;
    let entry = byHead.get(id);
    if (!entry) {
      entry = { metric: g.metric ?? '', head, buckets: [] };
      byHead.set(id, entry);
    }
    entry.buckets.push([Number(value.slice(cut + 1)), k]);
  });
  const list = [...byHead.values()].map(({ metric, head, buckets }) => {
    buckets.sort((a, b) => a[0] - b[0]);
    return { metric, head, starts: Float64Array.from(buckets, (b) => b[0]), at: Int32Array.from(buckets, (b) => b[1]) };
  });
  heads.set(cube, { size: cube.groups.length, list });
  return list;
}

/**
 * The histograms of a reading of time buckets (values `<head>|<start>`, grouped by metric, dim and
 * value) over its period, per head with its buckets in order: the time panels' hundreds of items
 * per request without a sum object per bucket.
 */
export async function cubeHistograms(knex: Knex, reading: Reading, now = Date.now()): Promise<Histogram[]> {
  const { cube, sums } = await accumulate(knex, reading, now);
  const acc = sums.get(0);
  if (!acc) return [];
  const out: Histogram[] = [];
  for (const { metric, head, starts, at } of headsOf(cube)) {
    const counts = new Float64Array(at.length);
    let total = 0;
    let any = false;
    for (let i = 0; i < at.length; i += 1) {
      const k = at[i] as number;
      // Keys learnt by another read since the sums were added up are not in them.
      if (k >= acc.n.length) continue;
      counts[i] = acc.n[k] as number;
      total += acc.total[k] as number;
      if (counts[i]) any = true;
    }
    if (any) out.push({ metric, head, starts, counts, total: exact(total) });
  }
  return out;
}
