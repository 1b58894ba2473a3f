/**
 * The dashboards' figures (issue 19), read from the rollups (`stats_daily`, `stats_monthly`):
 * - the query a staff member sends, checked field by field (a period of at most five years, a place);
 * - a period split into the whole months read from `stats_monthly` and the edge days read from
 *   `stats_daily` (a month's row is the sum of its days', so the two add up exactly);
 * - times from the rollups' buckets: the median and p90 of a test's or an item's time are the
 *   middle of the bucket that holds that rank (start + width / 2; the last, open bucket of four
 *   hours and more is reported by its start), the exact mean is total / n, and outliers are the
 *   times in buckets beyond Tukey's fence Q3 + 1.5 × (Q3 − Q1) of the same bucket middles;
 * - shares and the cumulated growth by month.
 */
import type { FieldProblem } from './registry.ts';
import { isLanguage, type Language } from './language.ts';
import { addDays, daysInMonth, parseDate } from './time.ts';
import type { PlaceFilter, PlaceLevel } from './stats-view.ts';

/** The query keys of the dashboard (the export adds `format`). */
export const STATS_QUERY_KEYS = ['from', 'to', 'region', 'locality', 'centre', 'locale'] as const;
/** The longest period one view sums. */
export const MAX_PERIOD_YEARS = 5;

export type StatsQuery = { from: string; to: string; place: PlaceFilter; locale?: Language };

const REGION = /^KZ-\d{2}$/;
const LOCALITY = /^kz-\d{2}(-[a-z0-9]+)+$/;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** `date` moved by whole calendar months, the day kept when it exists (31 March − 1 month → 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The default period: the last twelve months up to and including `today`. */
export const defaultPeriod = (today: string) => ({ from: addDays(addMonths(today, -12), 1), to: today });

/**
 * The dashboard's query from a query string: unknown keys, malformed dates and places, a period
 * backwards or longer than five years are problems, each with its field. A missing `to` is today; a
 * missing `from` twelve months before `to`.
 */
export function checkStatsQuery(query: Record<string, unknown>, today: string, extra: readonly string[] = []): { query: StatsQuery; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const known: readonly string[] = [...STATS_QUERY_KEYS, ...extra];
  for (const key of Object.keys(query)) if (!known.includes(key)) problems.push({ field: key, code: 'field.notAllowed' });
  const given = (k: string) => query[k] !== undefined && query[k] !== '';
  const date = (k: 'from' | 'to') => {
    if (!given(k)) return undefined;
    const v = query[k];
    if (typeof v === 'string' && parseDate(v) && v >= '2000-01-01' && v <= '2099-12-31') return v;
    problems.push({ field: k, code: 'date.malformed' });
    return null;
  };
  const fromGiven = date('from');
  const toGiven = date('to');
  const to = toGiven ?? today;
  const from = fromGiven ?? defaultPeriod(to).from;
  if (fromGiven !== null && toGiven !== null) {
    if (from > to) problems.push({ field: 'from', code: 'period.order' });
    else if (from <= addMonths(to, -12 * MAX_PERIOD_YEARS)) problems.push({ field: 'from', code: 'period.tooLong', values: { years: MAX_PERIOD_YEARS } });
  }
  const place: PlaceFilter = {};
  const checks: Array<[keyof PlaceFilter, RegExp, number]> = [
    ['region', REGION, 8],
    ['locality', LOCALITY, 80],
    ['centre', SLUG, 80],
  ];
  for (const [key, pattern, max] of checks) {
    if (!given(key)) continue;
    const v = query[key];
    if (typeof v === 'string' && v.length <= max && pattern.test(v)) place[key] = v;
    else problems.push({ field: key, code: `${key}.malformed` });
  }
  if (place.region && place.locality && !place.locality.startsWith(`${place.region.toLowerCase()}-`))
    problems.push({ field: 'locality', code: 'locality.notInRegion' });
  let locale: Language | undefined;
  if (given('locale')) {
    if (isLanguage(query.locale)) locale = query.locale;
    else problems.push({ field: 'locale', code: 'locale.malformed' });
  }
  return { query: { from, to, place, ...(locale ? { locale } : {}) }, problems };
}

/** The place's level: the narrowest of the filters given. */
export const placeLevel = (place: PlaceFilter): PlaceLevel => (place.centre ? 'centre' : place.locality ? 'locality' : place.region ? 'region' : 'country');

/** `YYYY-MM-DD` → yyyymmdd. */
export const dayNumber = (date: string): number => Number(date.replaceAll('-', ''));
/** `YYYY-MM-DD` → yyyymm. */
export const monthNumber = (date: string): number => Math.floor(dayNumber(date) / 100);

/**
 * Where a period's figures are read from: the months wholly inside it (yyyymm, inclusive, from
 * `stats_monthly`) and the days at its edges (yyyymmdd ranges, inclusive, from `stats_daily`).
 */
export type PeriodSplit = { months: [number, number] | null; days: Array<[number, number]> };

export function splitPeriod(from: string, to: string): PeriodSplit {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  // The first whole month starts on or after `from`; the last whole month ends on or before `to`.
  const first = fd === 1 ? from : addDays(`${from.slice(0, 7)}-${String(daysInMonth(fy, fm)).padStart(2, '0')}`, 1);
  const last = td === daysInMonth(ty, tm) ? to : addDays(`${to.slice(0, 7)}-01`, -1);
  if (first > last) return { months: null, days: [[dayNumber(from), dayNumber(to)]] };
  const days: Array<[number, number]> = [];
  if (from < first) days.push([dayNumber(from), dayNumber(addDays(first, -1))]);
  if (last < to) days.push([dayNumber(addDays(last, 1)), dayNumber(to)]);
  return { months: [monthNumber(first), monthNumber(last)], days };
}

/** Every month (yyyymm) the period touches, in order. */
export function monthsOf(from: string, to: string): number[] {
  const months: number[] = [];
  for (let d = `${from.slice(0, 7)}-01`; d <= to; d = addMonths(d, 1)) months.push(monthNumber(d));
  return months;
}

/** `part / whole`, to four places; null when there is nothing to divide by. */
export const share = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null);

/** Running sums of `counts`, starting from `before` (what was reached before the first). */
export function cumulate(counts: readonly number[], before = 0): number[] {
  let sum = before;
  return counts.map((n) => (sum += n));
}

/** A bucket of times: its start in seconds and how many fall in it. */
export type TimeBucket = { start: number; n: number };
/** How wide a bucket that starts at `start` is (0 for the last, open one): packages/domain's `bucketWidth` of the rollups. */
export type BucketWidth = (start: number) => number;
export type TimeFigures = { n: number; median: number | null; p90: number | null; outliers: number };

/** The middle of the bucket starting at `start`. */
const middle = (start: number, width: BucketWidth) => start + width(start) / 2;

/** The median, p90 and the count of outliers of the times in `buckets` (see the header). */
export function timeFigures(buckets: readonly TimeBucket[], width: BucketWidth): TimeFigures {
  const sorted = [...buckets].sort((a, b) => a.start - b.start);
  return sortedTimeFigures(
    sorted.map((b) => b.start),
    sorted.map((b) => b.n),
    width,
  );
}

/**
 * `timeFigures` of buckets given as two arrays sorted by start (`counts[i]` in the bucket
 * starting at `starts[i]`, zeros allowed): what the dashboards call for each of hundreds of items
 * per request, without making a bucket object.
 */
export function sortedTimeFigures(starts: ArrayLike<number>, counts: ArrayLike<number>, width: BucketWidth): TimeFigures {
  let n = 0;
  for (let i = 0; i < counts.length; i += 1) n += counts[i] as number;
  if (n <= 0) return { n: 0, median: null, p90: null, outliers: 0 };
  // The middle of the bucket holding the nearest rank ⌈p·n⌉ of the times.
  const at = (p: number): number => {
    const rank = Math.max(1, Math.ceil(p * n));
    let seen = 0;
    for (let i = 0; i < counts.length; i += 1) {
      seen += counts[i] as number;
      if (seen >= rank && (counts[i] as number) > 0) return middle(starts[i] as number, width);
    }
    return middle(starts[starts.length - 1] as number, width);
  };
  const [q1, median, q3, p90] = [at(0.25), at(0.5), at(0.75), at(0.9)];
  const fence = q3 + 1.5 * (q3 - q1);
  let outliers = 0;
  for (let i = 0; i < counts.length; i += 1) if (middle(starts[i] as number, width) > fence) outliers += counts[i] as number;
  return { n, median, p90, outliers };
}
