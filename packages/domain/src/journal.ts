/**
 * The consultation journal's rules: what an entry holds and how each field is checked (a draft may
 * be unfinished; a signature needs the goal, a recommendation and the next step), what an amendment
 * and a sample review need, and how a sample is drawn (the randomness is passed in).
 */
import { isLocalDate } from './time.ts';
import type { FieldProblem } from './registry.ts';

export const LINK_KINDS = ['profession', 'institution', 'programme'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

/** A link of a recommendation to the catalogue, by slug, or to a page outside, by https URL. */
export type JournalLink = { kind: LinkKind; slug: string | null; url: string | null };
export type JournalRecommendation = { text: string; links: JournalLink[] };
/** A test discussed: the test's slug and, when it was one of the person's attempts, its id. */
export type JournalTest = { test: string; attempt: number | null };

export type JournalFields = {
  goal: string;
  observations: string;
  tests: JournalTest[];
  recommendations: JournalRecommendation[];
  nextStep: string;
};

export type JournalDraft = { version: number; fields: JournalFields; notes: string };

export const EMPTY_FIELDS: JournalFields = { goal: '', observations: '', tests: [], recommendations: [], nextStep: '' };

export const JOURNAL_LIMITS = { short: 2000, long: 8000, recommendations: 20, links: 5, tests: 20, reason: 500, sample: 200, days: 366 };

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const isSlug = (v: unknown): v is string => typeof v === 'string' && v.length <= 80 && SLUG.test(v);
const isUrl = (v: unknown): v is string => {
  if (typeof v !== 'string' || v.length > 500) return false;
  try {
    return new URL(v).protocol === 'https:';
  } catch {
    return false;
  }
};
const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

const DRAFT_KEYS = ['version', 'goal', 'observations', 'tests', 'recommendations', 'nextStep', 'notes'];

function text(body: Record<string, unknown>, field: string, max: number, problems: FieldProblem[], path = field): string {
  const v = body[field];
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string') {
    problems.push({ field: path, code: 'journal.text.type' });
    return '';
  }
  if (v.length > max) problems.push({ field: path, code: 'journal.text.tooLong', values: { max } });
  return v.trim();
}

function list(body: Record<string, unknown>, field: string, max: number, problems: FieldProblem[]): unknown[] {
  const v = body[field];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) {
    problems.push({ field, code: 'journal.list.type' });
    return [];
  }
  if (v.length > max) problems.push({ field, code: 'journal.list.tooLong', values: { max } });
  return v.slice(0, max);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function link(v: unknown, path: string, problems: FieldProblem[]): JournalLink | null {
  if (!isObject(v)) {
    problems.push({ field: path, code: 'journal.link.malformed' });
    return null;
  }
  const kind = v.kind as LinkKind;
  if (!LINK_KINDS.includes(kind)) problems.push({ field: `${path}.kind`, code: 'journal.link.kind' });
  const slug = v.slug === undefined || v.slug === null || v.slug === '' ? null : v.slug;
  const url = v.url === undefined || v.url === null || v.url === '' ? null : v.url;
  if ((slug === null) === (url === null)) problems.push({ field: path, code: 'journal.link.target' });
  else if (slug !== null && !isSlug(slug)) problems.push({ field: `${path}.slug`, code: 'journal.link.slug' });
  else if (url !== null && !isUrl(url)) problems.push({ field: `${path}.url`, code: 'journal.link.url' });
  return { kind, slug: slug as string | null, url: url as string | null };
}

/** The journal's fields of a body (a draft's, a signature's or an amendment's), each checked. */
export function checkFields(body: Record<string, unknown>, problems: FieldProblem[]): JournalFields {
  const { short, long, recommendations: maxRecs, links: maxLinks, tests: maxTests } = JOURNAL_LIMITS;
  const tests = list(body, 'tests', maxTests, problems).map((t, i) => {
    const path = `tests.${i}`;
    if (!isObject(t)) {
      problems.push({ field: path, code: 'journal.test.malformed' });
      return { test: '', attempt: null };
    }
    if (!isSlug(t.test)) problems.push({ field: `${path}.test`, code: 'journal.test.slug' });
    const attempt = t.attempt === undefined || t.attempt === null ? null : t.attempt;
    if (attempt !== null && !isWhole(attempt, 1, 2 ** 31 - 1)) problems.push({ field: `${path}.attempt`, code: 'journal.test.attempt' });
    return { test: String(t.test), attempt: attempt as number | null };
  });
  const recommendations = list(body, 'recommendations', maxRecs, problems).map((r, i) => {
    const path = `recommendations.${i}`;
    if (!isObject(r)) {
      problems.push({ field: path, code: 'journal.recommendation.malformed' });
      return { text: '', links: [] };
    }
    const recText = text(r, 'text', short, problems, `${path}.text`);
    if (!recText) problems.push({ field: `${path}.text`, code: 'field.required' });
    const links = list(r, 'links', maxLinks, [])
      .map((l, j) => link(l, `${path}.links.${j}`, problems))
      .filter((l): l is JournalLink => !!l);
    if (r.links !== undefined && !Array.isArray(r.links)) problems.push({ field: `${path}.links`, code: 'journal.list.type' });
    else if (Array.isArray(r.links) && r.links.length > maxLinks)
      problems.push({ field: `${path}.links`, code: 'journal.list.tooLong', values: { max: maxLinks } });
    return { text: recText, links };
  });
  return {
    goal: text(body, 'goal', short, problems),
    observations: text(body, 'observations', long, problems),
    tests,
    recommendations,
    nextStep: text(body, 'nextStep', short, problems),
  };
}

function version(body: Record<string, unknown>, problems: FieldProblem[]): number {
  if (!isWhole(body.version, 0, 2 ** 31 - 1)) problems.push({ field: 'version', code: 'journal.version.malformed' });
  return Number(body.version);
}

const unknownKeys = (body: Record<string, unknown>, known: string[]): FieldProblem[] =>
  Object.keys(body)
    .filter((k) => !known.includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' }));

/** A draft to save: every field optional (a draft may be unfinished), the version it was read at required. */
export function checkDraft(body: Record<string, unknown>): { draft: JournalDraft; problems: FieldProblem[] } {
  const problems = unknownKeys(body, DRAFT_KEYS);
  const v = version(body, problems);
  const fields = checkFields(body, problems);
  const notes = text(body, 'notes', JOURNAL_LIMITS.long, problems);
  return { draft: { version: v, fields, notes }, problems };
}

/** What a signed text needs beyond a draft: the goal, at least one recommendation and the next step. */
export function signable(fields: JournalFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!fields.goal) problems.push({ field: 'goal', code: 'field.required' });
  if (!fields.recommendations.length) problems.push({ field: 'recommendations', code: 'journal.recommendations.required' });
  if (!fields.nextStep) problems.push({ field: 'nextStep', code: 'field.required' });
  return problems;
}

/** A signature: the version the specialist signs (the draft they saw), nothing else. */
export function checkSign(body: Record<string, unknown>): { version: number; problems: FieldProblem[] } {
  const problems = unknownKeys(body, ['version']);
  return { version: version(body, problems), problems };
}

/** An amendment of a signed entry: the whole new text, the version it amends and why. */
export function checkAmendment(body: Record<string, unknown>): { draft: JournalDraft; reason: string; problems: FieldProblem[] } {
  const problems = unknownKeys(body, [...DRAFT_KEYS, 'reason']);
  const v = version(body, problems);
  const reason = text(body, 'reason', JOURNAL_LIMITS.reason, problems);
  if (!reason && !problems.some((p) => p.field === 'reason')) problems.push({ field: 'reason', code: 'field.required' });
  const fields = checkFields(body, problems);
  const notes = text(body, 'notes', JOURNAL_LIMITS.long, problems);
  problems.push(...signable(fields).filter((p) => !problems.some((q) => q.field === p.field)));
  return { draft: { version: v, fields, notes }, reason, problems };
}

export type SampleRequest = { from: string; to: string; size: number };

/** A sample to draw: a period of at most a year (Kazakhstan's days, both included) and how many entries. */
export function checkSample(body: Record<string, unknown>): { sample: SampleRequest; problems: FieldProblem[] } {
  const problems = unknownKeys(body, ['from', 'to', 'size']);
  if (!isLocalDate(body.from)) problems.push({ field: 'from', code: 'journal.date.malformed' });
  if (!isLocalDate(body.to)) problems.push({ field: 'to', code: 'journal.date.malformed' });
  else if (isLocalDate(body.from)) {
    const days = (Date.parse(body.to) - Date.parse(body.from)) / 86_400_000;
    if (days < 0) problems.push({ field: 'to', code: 'journal.period.order' });
    else if (days >= JOURNAL_LIMITS.days) problems.push({ field: 'to', code: 'journal.period.tooLong', values: { max: JOURNAL_LIMITS.days } });
  }
  if (!isWhole(body.size, 1, JOURNAL_LIMITS.sample)) problems.push({ field: 'size', code: 'journal.sample.size', values: { max: JOURNAL_LIMITS.sample } });
  return { sample: { from: String(body.from), to: String(body.to), size: Number(body.size) }, problems };
}

export const REVIEW_VERDICTS = ['ok', 'needs-correction'] as const;
export type ReviewVerdict = (typeof REVIEW_VERDICTS)[number];

/** A review of a sampled entry: the verdict, and what must be corrected (required then). */
export function checkReview(body: Record<string, unknown>): { review: { entryId: number; verdict: ReviewVerdict; comment: string }; problems: FieldProblem[] } {
  const problems = unknownKeys(body, ['entryId', 'verdict', 'comment']);
  if (!isWhole(body.entryId, 1, 2 ** 31 - 1)) problems.push({ field: 'entryId', code: 'journal.review.entry' });
  const verdict = body.verdict as ReviewVerdict;
  if (!REVIEW_VERDICTS.includes(verdict)) problems.push({ field: 'verdict', code: 'journal.review.verdict' });
  const comment = text(body, 'comment', JOURNAL_LIMITS.short, problems);
  if (verdict === 'needs-correction' && !comment && !problems.some((p) => p.field === 'comment'))
    problems.push({ field: 'comment', code: 'journal.review.comment' });
  return { review: { entryId: Number(body.entryId), verdict, comment }, problems };
}

/** `size` items drawn at random without repeats (a partial Fisher–Yates shuffle); `random` answers in [0, 1). */
export function drawSample<T>(items: readonly T[], size: number, random: () => number): T[] {
  const pool = [...items];
  const n = Math.min(size, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}
