/**
 * The rollups' rules (issue 19): from one person's records to the facts counted about them, and
 * from a fact to the rows it adds to `stats_daily` / `stats_monthly` (the metric × dims table of the
 * design, typed in stats-view.ts). Everything of one person is derived together, so that "first",
 * "repeat", "after a test" and "active in a month" are plain look-ups, and deriving twice gives the
 * same facts: the server stores them and applies only the difference.
 *
 * Days are Kazakhstan's calendar days as yyyymmdd numbers; months yyyymm.
 */
import type { BookingStatus } from './slots.ts';
import { AGE_GROUPS, type AgeGroup, type ServiceFormat } from './statistics.ts';
import { ageOn } from './person.ts';
import { KZ_OFFSET_MINUTES } from './time.ts';
import type { ResultOrigin, StatsDim, StatsService } from './stats-view.ts';

/** Where a person lives and who they are, as the registry of users has it ('' when unknown). */
export type PersonPlace = { region: string; locality: string; birthDate: string | null; userType: string };

export type StatsBooking = {
  id: number;
  service: StatsService;
  format: ServiceFormat;
  status: BookingStatus;
  /** Epoch ms of the start, and of when it was made. */
  start: number;
  createdAt: number;
  centre: string;
  /** The admin user id of the specialist (via their staff profile), '' if none. */
  staff: string;
};
export type StatsRequest = { id: number; status: string; service: string; createdAt: number; centre: string };
export type StatsAttempt = {
  id: number;
  test: string;
  /** The age the attempt was taken at (its norm's), when known. */
  age: number | null;
  startedAt: number;
  finishedAt: number;
  /** Score per scale, points 0–100. */
  scales: Record<string, number>;
  /** Answered items with the time spent on each (ms). */
  items: Array<{ item: string; ms: number }>;
};
export type StatsStatement = { id: string; test: string; source: Exclude<ResultOrigin, 'site'>; at: number; scales: Record<string, number> };
export type StatsNote = { id: number; at: number; author: string; centre: string };
export type StatsTalent = { domain: string; status: string; at: number };

/** Everything counted about one person. */
export type PersonRecords = {
  key: string;
  place: PersonPlace;
  bookings: StatsBooking[];
  requests: StatsRequest[];
  attempts: StatsAttempt[];
  statements: StatsStatement[];
  notes: StatsNote[];
  talents: StatsTalent[];
};

/** One (dim, value) row a fact adds, with its own measure when it differs from the fact's. */
export type FactRow = [dim: StatsDim, value: string, total?: number];

/** A counted thing, keyed by a stable source key; it adds n = 1 to one rollup row per entry of `rows`. */
export type Fact = {
  key: string;
  person: string;
  metric: string;
  day: number;
  region: string;
  locality: string;
  centre: string;
  total: number;
  rows: FactRow[];
};

/** A rollup row's change: period (a day or a month), its key columns, and what to add. */
export type Contribution = {
  period: number;
  metric: string;
  dim: string;
  value: string;
  region: string;
  locality: string;
  centre: string;
  n: number;
  total: number;
};

/** A score's move that counts as "the same": less than one point either way. */
export const SAME_SCALE = 1;

/** The day (yyyymmdd) in Kazakhstan of an instant (epoch ms). */
export const dayOf = (at: number): number => {
  // By numbers, not kzDate's text: a reconciliation takes the day of millions of records.
  const local = new Date(at + KZ_OFFSET_MINUTES * 60_000);
  if (Number.isNaN(local.getTime())) throw new RangeError('Invalid time value');
  return local.getUTCFullYear() * 10000 + (local.getUTCMonth() + 1) * 100 + local.getUTCDate();
};
/** The month (yyyymm) of a day (yyyymmdd). */
export const monthOf = (day: number): number => Math.floor(day / 100);
const isoOf = (day: number) =>
  `${String(Math.floor(day / 10000)).padStart(4, '0')}-${String(Math.floor(day / 100) % 100).padStart(2, '0')}-${String(day % 100).padStart(2, '0')}`;

/**
 * The start of a time's bucket, in whole seconds: 5 s wide below 2 minutes, 15 s below 10 minutes,
 * a minute below 4 hours; 4 hours and over all fall in the bucket 14 400.
 */
export function timeBucket(seconds: number): number {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 120) return s - (s % 5);
  if (s < 600) return s - (s % 15);
  if (s < 14_400) return s - (s % 60);
  return 14_400;
}

/** The width of the bucket that starts at `start` (the dashboards report a bucket by its middle). */
export const bucketWidth = (start: number): number => (start < 120 ? 5 : start < 600 ? 15 : start < 14_400 ? 60 : 0);

const AGE_BOUNDS: Array<[AgeGroup, number]> = [
  ['age-6-11', 6],
  ['age-12-15', 12],
  ['age-16-18', 16],
  ['age-19-29', 19],
  ['age-30-plus', 30],
];

/** The age group of an age in years, '' below 6 (nobody Qabilet serves). */
export function ageGroupOf(age: number | null): AgeGroup | '' {
  if (age === null || !Number.isFinite(age) || age < 6) return '';
  let group: AgeGroup = AGE_GROUPS[0];
  for (const [g, from] of AGE_BOUNDS) if (age >= from) group = g;
  return group;
}

/** The person's age group on a day, from their birth date ('' when unknown). */
export function ageGroupAt(place: PersonPlace, day: number): AgeGroup | '' {
  if (!place.birthDate) return '';
  try {
    return ageGroupOf(ageOn(place.birthDate, isoOf(day)));
  } catch {
    return '';
  }
}

/** The format a result counts under: the site's and partners' tests are taken online, the centres' desktop tests on site. */
export const resultFormat = (source: ResultOrigin): ServiceFormat => (source === 'desktop' ? 'offline' : 'online');

/** A result of a test, whichever way it came. */
type Result = { key: string; test: string; source: ResultOrigin; at: number; id: number | string; age: number | null; scales: Record<string, number> };

const byTime = <T extends { at: number; id: number | string }>(a: T, b: T) => a.at - b.at || String(a.id).localeCompare(String(b.id), 'en', { numeric: true });

/** A repeat's scale row: up, down or the same (under a point), with the change as its measure. */
const scaleMove = (test: string, scale: string, delta: number): FactRow => [
  'scale',
  `${test}|${scale}|${Math.abs(delta) < SAME_SCALE ? 'same' : delta > 0 ? 'up' : 'down'}`,
  delta,
];
/** An answered item's row: its time's bucket, with the exact seconds as its measure. */
const itemTime = (test: string, item: string, ms: number): FactRow => {
  const s = round(ms / 1000);
  return ['time', `${test}|${item}|${timeBucket(s)}`, s];
};

/** A fact's rows: `all` (the one value '') and these. */
const withAll = (...rows: FactRow[]): FactRow[] => [['all', ''], ...rows];

/** The facts counted about one person, in a stable order. */
export function factsOf(p: PersonRecords): Fact[] {
  const facts: Fact[] = [];
  const { region, locality, userType } = p.place;
  const fact = (key: string, metric: string, at: number, rows: FactRow[], centre = '', total = 0): Fact => {
    const f: Fact = { key, person: p.key, metric, day: dayOf(at), region, locality, centre, total, rows };
    facts.push(f);
    return f;
  };
  const ageAt = (at: number, age: number | null = null) => (age !== null ? ageGroupOf(age) : ageGroupAt(p.place, dayOf(at)));

  const results: Result[] = [
    ...p.attempts.map((a) => ({ key: `a:${a.id}`, test: a.test, source: 'site' as const, at: a.finishedAt, id: a.id, age: a.age, scales: a.scales })),
    ...p.statements.map((s) => ({ key: `s:${s.id}`, test: s.test, source: s.source, at: s.at, id: s.id, age: null, scales: s.scales })),
  ].sort(byTime);
  const firstResult = results[0]?.at ?? null;

  for (const b of p.bookings) {
    const age = ageAt(b.start);
    fact(
      `b:${b.id}`,
      `booking.${b.service}.${b.status}`,
      b.start,
      withAll(['format', b.format], ['ageGroup', age], ['userType', userType], ['staff', b.staff], ['ageFormat', `${age}|${b.format}`]),
      b.centre,
    );
    if (b.service === 'consultation' && b.status !== 'cancelled' && firstResult !== null && b.createdAt > firstResult)
      fact(`ba:${b.id}`, 'booking.afterTest', b.createdAt, withAll(['staff', b.staff], ['format', b.format]), b.centre);
  }

  for (const r of p.requests) fact(`r:${r.id}`, `request.${r.status}`, r.createdAt, withAll(['service', r.service]), r.centre);

  const previous = new Map<string, Result>();
  for (const r of results) {
    const age = ageAt(r.at, r.age);
    const format = resultFormat(r.source);
    fact(
      r.key,
      'test',
      r.at,
      withAll(['direction', r.test], ['source', r.source], ['format', format], ['ageGroup', age], ['userType', userType], ['ageFormat', `${age}|${format}`]),
    );
    const before = previous.get(r.test);
    if (before) {
      fact(`rp:${r.key}`, 'repeat', r.at, withAll(['direction', r.test]));
      const scales = Object.keys(r.scales)
        .filter((s) => s in before.scales)
        .sort();
      if (scales.length)
        fact(
          `rs:${r.key}`,
          'repeat.scale',
          r.at,
          scales.map((s) => scaleMove(r.test, s, round(r.scales[s]! - before.scales[s]!))),
        );
    }
    previous.set(r.test, r);
  }

  for (const a of p.attempts) {
    const seconds = round((a.finishedAt - a.startedAt) / 1000);
    fact(`at:${a.id}`, 'test.time', a.finishedAt, [['time', `${a.test}|${timeBucket(seconds)}`]], '', seconds);
    const items = [...a.items].sort((x, y) => (x.item < y.item ? -1 : x.item > y.item ? 1 : 0));
    if (items.length)
      fact(
        `ai:${a.id}`,
        'item.time',
        a.finishedAt,
        items.map((i) => itemTime(a.test, i.item, i.ms)),
      );
  }

  const notes = [...p.notes].sort(byTime);
  for (const n of notes) fact(`n:${n.id}`, 'recommendation', n.at, withAll(['staff', n.author]), n.centre);
  if (notes[0]) fact(`fr:${p.key}`, 'first.recommendation', notes[0].at, withAll(['ageGroup', ageAt(notes[0].at)]), notes[0].centre);
  const consultation = p.bookings
    .filter((b) => b.service === 'consultation' && b.status === 'completed')
    .map((b) => ({ ...b, at: b.start }))
    .sort(byTime)[0];
  if (consultation) fact(`fc:${p.key}`, 'first.consultation', consultation.start, withAll(['ageGroup', ageAt(consultation.start)]), consultation.centre);

  for (const t of [...p.talents].sort((a, b) => (a.domain < b.domain ? -1 : 1)))
    fact(`t:${p.key}|${t.domain}`, 'talent', t.at, withAll(['direction', t.domain], ['status', t.status]));

  // Active: the first day of each month with a booking made or a result.
  const firstDays = new Map<number, number>();
  for (const at of [...p.bookings.map((b) => b.createdAt), ...results.map((r) => r.at)]) {
    const day = dayOf(at);
    const month = monthOf(day);
    if (!firstDays.has(month) || day < firstDays.get(month)!) firstDays.set(month, day);
  }
  for (const [month, day] of [...firstDays].sort((a, b) => a[0] - b[0])) {
    const age = ageGroupAt(p.place, day);
    facts.push({
      key: `m:${p.key}|${month}`,
      person: p.key,
      metric: 'active',
      day,
      region,
      locality,
      centre: '',
      total: 0,
      rows: withAll(['ageGroup', age], ['userType', userType]),
    });
  }
  return facts;
}

/** Seconds and points are kept to the millisecond / thousandth: sums stay exact enough to compare. */
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The daily and monthly rows a fact adds (sign −1: withdraws). */
export function contributionsOf(f: Fact, sign: 1 | -1 = 1): Contribution[] {
  const out: Contribution[] = [];
  for (const period of [f.day, monthOf(f.day)])
    for (const [dim, value, total] of f.rows)
      out.push({ period, metric: f.metric, dim, value, region: f.region, locality: f.locality, centre: f.centre, n: sign, total: sign * (total ?? f.total) });
  return out;
}

/** A rollup row's identity. */
export const contributionKey = (c: Omit<Contribution, 'n' | 'total'>) => [c.period, c.metric, c.dim, c.value, c.region, c.locality, c.centre].join('\u0000');

/** Adds contributions up by row, leaving out those that cancel out; in a stable order (rows are locked in it). */
export function sumContributions(contributions: Iterable<Contribution>): Contribution[] {
  const sums = new Map<string, Contribution>();
  for (const c of contributions) {
    const key = contributionKey(c);
    const held = sums.get(key);
    if (held) {
      held.n += c.n;
      held.total = round(held.total + c.total);
    } else sums.set(key, { ...c });
  }
  return [...sums]
    .filter(([, c]) => c.n !== 0 || c.total !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, c]) => c);
}

/** A fact as stored, for comparing with a derived one. */
export const factSignature = (f: Fact) => JSON.stringify([f.person, f.metric, f.day, f.region, f.locality, f.centre, f.total, f.rows]);

/**
 * What changes when a person's stored facts become the derived ones: facts to write, keys to
 * delete, and (unless `withDeltas` is false: a first fill of the rollups, which then builds each month's rows
 * from the facts) rollup deltas.
 */
export function diffFacts(stored: Fact[], derived: Fact[], withDeltas = true): { write: Fact[]; remove: string[]; deltas: Contribution[] } {
  const old = new Map(stored.map((f) => [f.key, f]));
  const next = new Map(derived.map((f) => [f.key, f]));
  const write: Fact[] = [];
  const remove: string[] = [];
  const changes: Contribution[] = [];
  for (const [key, f] of next) {
    const was = old.get(key);
    if (was && factSignature(was) === factSignature(f)) continue;
    if (withDeltas) {
      if (was) changes.push(...contributionsOf(was, -1));
      changes.push(...contributionsOf(f));
    }
    write.push(f);
  }
  for (const [key, f] of old)
    if (!next.has(key)) {
      remove.push(key);
      if (withDeltas) changes.push(...contributionsOf(f, -1));
    }
  return { write, remove, deltas: sumContributions(changes) };
}
