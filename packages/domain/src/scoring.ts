/**
 * Scoring of one attempt. Each scale's raw score is the sum of the points its items give; it is
 * placed between the lowest and highest raw score the test allows (percent of range) and, where
 * the test has a norm for the person's age, turned into a percentile of that age group. The
 * score used everywhere else (0–100) is the percentile when there is a norm, else the percent.
 */
import { LIKERT_POINTS, TIME_GRACE_MS, itemsOf, scaledSeconds, type AnswerValue, type Item, type TestDefinition } from './assessment.ts';

export type GivenAnswer = { value: AnswerValue; timeMs: number };

export type ScaleScore = {
  scale: string;
  raw: number;
  min: number;
  max: number;
  /** Position between the lowest and highest possible raw score, 0–100. */
  percent: number;
  /** Against the norm of the person's age group, when the test has one. */
  z: number | null;
  percentile: number | null;
  /** 0–100: the percentile if normed, else the percent. */
  score: number;
  answered: number;
  items: number;
};

export type AttemptScore = {
  scales: ScaleScore[];
  answered: number;
  total: number;
  /** Time spent on items, as the runner measured it (R-NFR-5). */
  itemTimeMs: number;
  /** Timed tasks answered after their limit: kept, but they score nothing. */
  late: string[];
};

type Range = Map<string, { min: number; max: number }>;

function add(range: Range, scale: string, min: number, max: number) {
  const r = range.get(scale) ?? { min: 0, max: 0 };
  range.set(scale, { min: r.min + min, max: r.max + max });
}

/** The lowest and highest points an item can give to each scale. */
function itemRange(item: Item): Range {
  const range: Range = new Map();
  if (item.type === 'likert') {
    add(range, item.scale!, 1, item.points ?? LIKERT_POINTS.default);
    return range;
  }
  const scales = new Set(item.options.flatMap((o) => Object.keys(o.scores ?? {})));
  for (const scale of scales) {
    const points = item.options.map((o) => o.scores?.[scale] ?? 0);
    if (item.type === 'single' || item.type === 'timed') {
      // A skipped or late item gives nothing, which may be below every option.
      add(range, scale, Math.min(0, ...points), Math.max(0, ...points));
    } else if (item.type === 'multiple') {
      const sorted = [...points].sort((a, b) => b - a);
      const n = item.maxChoices ?? points.length;
      const best = sorted
        .slice(0, n)
        .filter((p) => p > 0)
        .reduce((s, p) => s + p, 0);
      const worst = [...sorted]
        .reverse()
        .slice(0, n)
        .filter((p) => p < 0)
        .reduce((s, p) => s + p, 0);
      add(range, scale, worst, best);
    } else {
      // Ranking: the option in place i of n weighs n-1-i; the best order puts the largest points first.
      const desc = [...points].sort((a, b) => b - a);
      const factor = (i: number) => points.length - 1 - i;
      add(
        range,
        scale,
        [...desc].reverse().reduce((s, p, i) => s + p * factor(i), 0),
        desc.reduce((s, p, i) => s + p * factor(i), 0),
      );
    }
  }
  return range;
}

/** The points an answer gives to each scale. */
export function itemPoints(item: Item, value: AnswerValue): Map<string, number> {
  const points = new Map<string, number>();
  const give = (scores: Record<string, number> | undefined, factor = 1) => {
    for (const [scale, p] of Object.entries(scores ?? {})) points.set(scale, (points.get(scale) ?? 0) + p * factor);
  };
  if (value === null) return points;
  const option = (key: string) => item.options.find((o) => o.key === key);
  if (item.type === 'likert') {
    const n = item.points ?? LIKERT_POINTS.default;
    points.set(item.scale!, item.reverse ? n + 1 - (value as number) : (value as number));
  } else if (item.type === 'single' || item.type === 'timed') give(option(value as string)?.scores);
  else if (item.type === 'multiple') for (const key of value as string[]) give(option(key)?.scores);
  else (value as string[]).forEach((key, i) => give(option(key)?.scores, (value as string[]).length - 1 - i));
  return points;
}

/** Φ(z), the standard normal distribution function (Abramowitz–Stegun 7.1.26, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * Scores an attempt for a person aged `age`. Unanswered items are left out of their scale's range,
 * so a scale is placed by what was answered; `answered`/`items` says how much that was. Timed
 * tasks are the exception: one not answered in time scores nothing within its full range.
 */
export function scoreAttempt(test: TestDefinition, answers: ReadonlyMap<string, GivenAnswer>, age: number, extraTimePercent = 0): AttemptScore {
  const raw = new Map<string, number>();
  const full: Range = new Map();
  const reached: Range = new Map();
  const counts = new Map<string, { answered: number; items: number }>();
  const late: string[] = [];
  let answered = 0;
  let itemTimeMs = 0;
  for (const item of itemsOf(test)) {
    const range = itemRange(item);
    const answer = answers.get(item.key);
    const isLate = !!answer && item.type === 'timed' && answer.timeMs > scaledSeconds(item.timeLimitSeconds!, extraTimePercent) * 1000 + TIME_GRACE_MS;
    if (isLate) late.push(item.key);
    if (answer) {
      answered += 1;
      itemTimeMs += answer.timeMs;
    }
    const points = answer && !isLate ? itemPoints(item, answer.value) : new Map<string, number>();
    for (const [scale, r] of range) {
      add(full, scale, r.min, r.max);
      const count = counts.get(scale) ?? { answered: 0, items: 0 };
      count.items += 1;
      // A timed task always counts: unanswered, skipped or late, it was not solved in time (else
      // letting the clock run out would place the scale better than a wrong answer does).
      const seen = item.type === 'timed' || (!!answer && answer.value !== null);
      if (seen) {
        count.answered += 1;
        add(reached, scale, r.min, r.max);
        raw.set(scale, (raw.get(scale) ?? 0) + (points.get(scale) ?? 0));
      }
      counts.set(scale, count);
    }
  }
  const scales = test.scales.map((s): ScaleScore => {
    const range = reached.get(s.key);
    const whole = full.get(s.key) ?? { min: 0, max: 0 };
    const count = counts.get(s.key) ?? { answered: 0, items: 0 };
    const got = raw.get(s.key) ?? 0;
    const percent = range && range.max > range.min ? ((got - range.min) / (range.max - range.min)) * 100 : 0;
    // Norms are of the full test's raw score: prorate what was answered onto the full range.
    const prorated = whole.min + (percent / 100) * (whole.max - whole.min);
    const norm = test.norms.find((n) => n.scale === s.key && age >= n.ageFrom && age <= n.ageTo);
    const z = norm && count.answered ? (prorated - norm.mean) / norm.sd : null;
    const percentile = z === null ? null : Math.round(normalCdf(z) * 100);
    return {
      scale: s.key,
      raw: round1(got),
      min: whole.min,
      max: whole.max,
      percent: Math.round(percent),
      z: z === null ? null : Math.round(z * 100) / 100,
      percentile,
      score: percentile ?? Math.round(percent),
      ...count,
    };
  });
  return { scales, answered, total: itemsOf(test).length, itemTimeMs, late };
}

/** What changed between two attempts of a test, by scale (positive: the score rose). */
export function compareScores(
  current: readonly ScaleScore[],
  previous: readonly ScaleScore[],
): Array<{ scale: string; before: number; after: number; change: number }> {
  return current.flatMap((c) => {
    const p = previous.find((s) => s.scale === c.scale);
    return p ? [{ scale: c.scale, before: p.score, after: c.score, change: c.score - p.score }] : [];
  });
}
