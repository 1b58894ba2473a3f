/**
 * Talents, found by a written rule (R-NFR-4). This file is the rule; the README explains it to
 * psychologists in the same words.
 *
 * Measurements. Every finished result becomes measurements, one per domain it informs:
 * - a domain is an interest area (`interest:<RIASEC scale>`, from the interests tests), a soft skill
 *   (`soft:<skill>`, from the soft-skills test) or a profession track (`profession:<slug>`, from a
 *   profession test: the mean of its scales);
 * - Qabilet's own attempts give, per scale, the percentile of the person's age norm when the test has
 *   one (the norm of the test version the attempt took), else the percent of the scale's range;
 * - partners' results and centres' desktop imports give a score of 0–100 per scale, mapped to
 *   Qabilet's scales by the partner's mapping; they have no age norm.
 *
 * A measurement is valid when it is no older than `windowMonths`, at least `minAnsweredShare` of its
 * items were answered, and it has an age norm — or `acceptUnnormed` lets un-normed scores count
 * (their explanation says so). Its score is the percentile, else the percent.
 *
 * In a domain a person is
 * - a candidate when a valid measurement is at or above the threshold (`threshold`, or the domain's
 *   own in `thresholds`);
 * - confirmed when a second valid measurement agrees (is at or above the threshold too) and is
 *   independent of the first — from another source, or taken at least `confirmGapDays` days apart —
 *   or when a specialist confirmed the candidacy with a note.
 * The entry's strength is the latest agreeing score; its trend compares the latest valid measurement
 * of the domain with the one before (up or down by 5 points or more, else flat; none with one).
 */
import { RIASEC_SCALES } from './profession.ts';
import { SOFT_SKILL_SCALES, type TestKind } from './assessment.ts';

export const TALENT_SOURCES = ['qabilet', 'partner', 'desktop'] as const;
export type TalentSource = (typeof TALENT_SOURCES)[number];
export const TALENT_TRENDS = ['up', 'down', 'flat'] as const;
export type TalentTrend = (typeof TALENT_TRENDS)[number];
export const TALENT_ENTRY_STATUSES = ['candidate', 'confirmed'] as const;
export type TalentEntryStatus = (typeof TALENT_ENTRY_STATUSES)[number];
/** `interest:<scale>`, `soft:<skill>`, `profession:<slug>`. */
export const TALENT_DOMAIN = /^(interest|soft|profession):[a-z0-9]+(-[a-z0-9]+)*$/;
/** A trend is a change of at least this many points. */
export const TREND_STEP = 5;
const DAY = 86_400_000;

export type TalentRules = {
  /** The percentile (or percent) a measurement must reach, 50–100. */
  threshold: number;
  /** A domain's own threshold, instead of `threshold`. */
  thresholds: Record<string, number>;
  /** The share of a measurement's items that must be answered, 0.5–1. */
  minAnsweredShare: number;
  /** Whether scores without an age norm (partners', desktop, un-normed tests) count. */
  acceptUnnormed: boolean;
  /** Older measurements are ignored, 1–120 months. */
  windowMonths: number;
  /** Two measurements of one source agree only this many days apart, 0–365. */
  confirmGapDays: number;
};

export const DEFAULT_TALENT_RULES: TalentRules = {
  threshold: 90,
  thresholds: {},
  minAnsweredShare: 0.8,
  acceptUnnormed: true,
  windowMonths: 24,
  confirmGapDays: 1,
};

export type Measurement = {
  domain: string;
  source: TalentSource;
  /** The partner's or centre's name; null for Qabilet's own tests. */
  sourceName: string | null;
  attemptId: number | null;
  statementId: string | null;
  /** The test's slug (Qabilet) or key (a partner's test). */
  test: string;
  /** When it was finished, epoch ms. */
  at: number;
  percent: number;
  /** Against the person's age norm, when the test has one. */
  percentile: number | null;
  /** The number of the test version whose age norm gave the percentile; null: no norm. */
  norm: number | null;
  answered: number;
  items: number;
};

/** One result as the sources read it: a finished attempt (with its test's kind) or a statement (kind null). */
export type ScoredResult = Omit<Measurement, 'domain' | 'percent' | 'percentile' | 'answered' | 'items'> & {
  kind: TestKind | null;
  profession: string | null;
  scales: Array<{ scale: string; percent: number; percentile: number | null; answered: number; items: number }>;
};

/** The domains a result informs, one measurement each. */
export function measurementsOf(r: ScoredResult): Measurement[] {
  const { kind, profession, scales, ...base } = r;
  if (kind === 'profession') {
    if (!profession || !scales.length) return [];
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / xs.length);
    const normed = scales.every((s) => s.percentile !== null);
    return [
      {
        ...base,
        domain: `profession:${profession}`,
        percent: mean(scales.map((s) => s.percent)),
        percentile: normed ? mean(scales.map((s) => s.percentile as number)) : null,
        norm: normed ? base.norm : null,
        answered: scales.reduce((a, s) => a + s.answered, 0),
        items: scales.reduce((a, s) => a + s.items, 0),
      },
    ];
  }
  return scales.flatMap((s): Measurement[] => {
    const area = (RIASEC_SCALES as readonly string[]).includes(s.scale) && kind !== 'soft-skills' ? 'interest' : null;
    const skill = (SOFT_SKILL_SCALES as readonly string[]).includes(s.scale) && kind !== 'interests' && kind !== 'primary' ? 'soft' : null;
    const prefix = area ?? skill;
    if (!prefix) return [];
    const { scale, ...score } = s;
    return [{ ...base, ...score, domain: `${prefix}:${scale}`, norm: s.percentile === null ? null : base.norm }];
  });
}

export type TalentEvidenceItem = {
  source: TalentSource;
  sourceName: string | null;
  attemptId: number | null;
  statementId: string | null;
  test: string;
  /** ISO time. */
  at: string;
  score: number;
  percentile: number | null;
  percent: number;
  norm: number | null;
};

export type TalentConfirmation = { id: number; domain: string; authorName: string; note: string; at: number };

/** Why an entry holds: enough to write the sentence the registry shows beside it. */
export type TalentEvidence = {
  rulesVersion: number;
  threshold: number;
  /** The agreeing measurements, the latest first; the second (if any) is the one that confirms it. */
  agreeing: TalentEvidenceItem[];
  /** The valid measurement the trend compares the latest with. */
  previous: TalentEvidenceItem | null;
  /** A specialist's confirmation, when no second measurement confirms it. */
  confirmation: { id: number; authorName: string; note: string; at: string } | null;
};

export type TalentEntry = { domain: string; status: TalentEntryStatus; strength: number; trend: TalentTrend | null; evidence: TalentEvidence };

const scoreOf = (m: Measurement) => m.percentile ?? m.percent;

function evidenceOf(m: Measurement): TalentEvidenceItem {
  return {
    source: m.source,
    sourceName: m.sourceName,
    attemptId: m.attemptId,
    statementId: m.statementId,
    test: m.test,
    at: new Date(m.at).toISOString(),
    score: scoreOf(m),
    percentile: m.percentile,
    percent: m.percent,
    norm: m.norm,
  };
}

/** The start of the window: `months` calendar months before `now`. */
export function windowStart(now: number, months: number): number {
  const d = new Date(now);
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.getTime();
}

export function isValidMeasurement(m: Measurement, rules: TalentRules, now: number): boolean {
  if (m.at < windowStart(now, rules.windowMonths) || m.at > now + DAY) return false;
  if (!(m.items > 0) || m.answered / m.items < rules.minAnsweredShare) return false;
  return m.percentile !== null || rules.acceptUnnormed;
}

const sameSource = (a: Measurement, b: Measurement) => a.source === b.source && a.sourceName === b.sourceName;
const independent = (a: Measurement, b: Measurement, rules: TalentRules) => !sameSource(a, b) || Math.abs(a.at - b.at) >= rules.confirmGapDays * DAY;
const byLatest = (a: Measurement, b: Measurement) =>
  b.at - a.at || (b.attemptId ?? 0) - (a.attemptId ?? 0) || String(b.statementId).localeCompare(String(a.statementId));

export function thresholdOf(rules: TalentRules, domain: string): number {
  return rules.thresholds[domain] ?? rules.threshold;
}

function trendOf(valid: Measurement[]): TalentTrend | null {
  if (valid.length < 2) return null;
  const change = scoreOf(valid[0]!) - scoreOf(valid[1]!);
  return change >= TREND_STEP ? 'up' : change <= -TREND_STEP ? 'down' : 'flat';
}

/** A person's talent entries from their measurements and specialists' confirmations, by domain. */
export function evaluateTalents(input: {
  measurements: readonly Measurement[];
  confirmations: readonly TalentConfirmation[];
  rules: TalentRules;
  rulesVersion: number;
  now: number;
}): TalentEntry[] {
  const { rules, now } = input;
  const domains = [...new Set(input.measurements.map((m) => m.domain))].filter((d) => TALENT_DOMAIN.test(d)).sort();
  return domains.flatMap((domain): TalentEntry[] => {
    const valid = input.measurements.filter((m) => m.domain === domain && isValidMeasurement(m, rules, now)).sort(byLatest);
    const threshold = thresholdOf(rules, domain);
    const agreeing = valid.filter((m) => scoreOf(m) >= threshold);
    const latest = agreeing[0];
    if (!latest) return [];
    const second = agreeing.find((m) => m !== latest && independent(latest, m, rules));
    const confirmation = second ? undefined : input.confirmations.filter((c) => c.domain === domain).sort((a, b) => b.at - a.at || b.id - a.id)[0];
    const listed = second ? [latest, second, ...agreeing.filter((m) => m !== latest && m !== second)] : agreeing;
    return [
      {
        domain,
        status: second || confirmation ? 'confirmed' : 'candidate',
        strength: scoreOf(latest),
        trend: trendOf(valid),
        evidence: {
          rulesVersion: input.rulesVersion,
          threshold,
          agreeing: listed.slice(0, 5).map(evidenceOf),
          previous: valid[1] ? evidenceOf(valid[1]) : null,
          confirmation: confirmation
            ? { id: confirmation.id, authorName: confirmation.authorName, note: confirmation.note, at: new Date(confirmation.at).toISOString() }
            : null,
        },
      },
    ];
  });
}

/** The best status among a person's entries, as the registry of users shows it. */
export function talentStatusOf(entries: readonly Pick<TalentEntry, 'status'>[]): 'none' | TalentEntryStatus {
  return entries.some((e) => e.status === 'confirmed') ? 'confirmed' : entries.length ? 'candidate' : 'none';
}
