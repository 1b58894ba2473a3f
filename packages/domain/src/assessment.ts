/**
 * The shape of an assessment (a test version) and the rules of its answers. A test is composed of
 * sections of items; every item feeds one or more scales through its scoring key; norms by age
 * group turn raw scale scores into percentiles. The CMS refuses a test that breaks these rules
 * when it is published, and the attempt API refuses answers that break them.
 */
import { LANGUAGES, type Language } from './language.ts';

export type Text = Record<Language, string>;

export const TEST_KINDS = ['interests', 'soft-skills', 'primary', 'profession'] as const;
export type TestKind = (typeof TEST_KINDS)[number];

export const ITEM_TYPES = ['single', 'multiple', 'likert', 'ranking', 'timed'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

/** The soft-skills scales R-REC-1 names; stress tolerance is "the loads a person can bear". */
export const SOFT_SKILL_SCALES = ['communication', 'collaboration', 'critical-thinking', 'creativity', 'stress-tolerance'] as const;

export type Option = { key: string; label: Text; image?: string; scores: Record<string, number> };
export type Item = {
  key: string;
  type: ItemType;
  text: Text;
  image?: string;
  /** Likert: the scale it feeds, the number of points (default 5) and whether it is reverse-keyed. */
  scale?: string;
  points?: number;
  reverse?: boolean;
  /** Multiple choice: how many options may be chosen at most. */
  maxChoices?: number;
  /** Timed task: seconds to answer (scaled by the person's extra time). */
  timeLimitSeconds?: number;
  options: Option[];
};
export type Section = { key: string; title: Text; intro?: Text; allowBack: boolean; items: Item[] };
export type Scale = { key: string; name: Text; high: Text; low: Text };
/** Mean and standard deviation of the raw scale score in an age group (inclusive years). */
export type Norm = { scale: string; ageFrom: number; ageTo: number; mean: number; sd: number };

export type TestDefinition = {
  slug: string;
  kind: TestKind;
  title: Text;
  summary: Text;
  ageFrom: number;
  ageTo: number;
  /** The whole test's limit, if any (scaled by the person's extra time). */
  timeLimitSeconds?: number;
  /** A profession test: the catalogue profession it is for. */
  profession?: string;
  scales: Scale[];
  norms: Norm[];
  sections: Section[];
};

export type TestProblem = { field: string; code: TestProblemCode; values?: Record<string, string | number> };
export type TestProblemCode =
  | 'test.text'
  | 'test.key'
  | 'test.duplicateKey'
  | 'test.ages'
  | 'test.timeLimit'
  | 'test.profession'
  | 'test.noItems'
  | 'test.unknownScale'
  | 'test.options'
  | 'test.score'
  | 'test.points'
  | 'test.norm'
  | 'test.maxChoices'
  | 'test.image';

const KEY = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);
export const LIKERT_POINTS = { min: 3, max: 7, default: 5 } as const;
export const RANKING_OPTIONS = { min: 2, max: 8 } as const;
export const SCORE_LIMIT = 10;
export const TIMED_LIMITS = { min: 5, max: 600 } as const;

export const itemsOf = (test: Pick<TestDefinition, 'sections'>): Item[] => test.sections.flatMap((s) => s.items);

/** Everything wrong with a test, field by field (the field is a path such as `sections.0.items.3.scale`). */
export function checkTest(test: TestDefinition): TestProblem[] {
  const problems: TestProblem[] = [];
  const text = (field: string, value: Partial<Text> | undefined, required = true) => {
    if (!value && !required) return;
    for (const language of LANGUAGES) if (!value?.[language]?.trim()) problems.push({ field: `${field}.${language}`, code: 'test.text' });
  };
  const key = (field: string, value: string, seen: Set<string>) => {
    if (!KEY.test(value ?? '')) problems.push({ field, code: 'test.key' });
    else if (seen.has(value)) problems.push({ field, code: 'test.duplicateKey', values: { key: value } });
    seen.add(value);
  };
  const image = (field: string, value: string | undefined) => {
    if (value !== undefined && value !== null && !KEY.test(value)) problems.push({ field, code: 'test.image' });
  };
  text('title', test.title);
  text('summary', test.summary);
  if (!whole(test.ageFrom) || !whole(test.ageTo) || test.ageFrom < 5 || test.ageTo > 99 || test.ageFrom > test.ageTo)
    problems.push({ field: 'ageFrom', code: 'test.ages' });
  if (
    test.timeLimitSeconds !== undefined &&
    test.timeLimitSeconds !== null &&
    (!whole(test.timeLimitSeconds) || test.timeLimitSeconds < 60 || test.timeLimitSeconds > 4 * 3600)
  )
    problems.push({ field: 'timeLimitSeconds', code: 'test.timeLimit' });
  if ((test.kind === 'profession') !== !!test.profession) problems.push({ field: 'profession', code: 'test.profession' });

  const scales = new Set<string>();
  test.scales.forEach((s, i) => {
    key(`scales.${i}.key`, s.key, scales);
    text(`scales.${i}.name`, s.name);
    text(`scales.${i}.high`, s.high);
    text(`scales.${i}.low`, s.low);
  });
  const scale = (field: string, name: string | undefined) => {
    if (!name || !scales.has(name)) problems.push({ field, code: 'test.unknownScale', values: { scale: name ?? '' } });
  };
  test.norms.forEach((n, i) => {
    scale(`norms.${i}.scale`, n.scale);
    const ok =
      whole(n.ageFrom) &&
      whole(n.ageTo) &&
      n.ageFrom <= n.ageTo &&
      typeof n.mean === 'number' &&
      Number.isFinite(n.mean) &&
      typeof n.sd === 'number' &&
      n.sd > 0;
    const overlaps = test.norms.some((m, j) => j < i && m.scale === n.scale && m.ageFrom <= n.ageTo && n.ageFrom <= m.ageTo);
    if (!ok || overlaps) problems.push({ field: `norms.${i}`, code: 'test.norm' });
  });

  const sectionKeys = new Set<string>();
  const itemKeys = new Set<string>();
  if (!itemsOf(test).length) problems.push({ field: 'sections', code: 'test.noItems' });
  test.sections.forEach((section, si) => {
    const at = `sections.${si}`;
    key(`${at}.key`, section.key, sectionKeys);
    text(`${at}.title`, section.title);
    text(`${at}.intro`, section.intro, false);
    section.items.forEach((item, ii) => {
      const field = `${at}.items.${ii}`;
      key(`${field}.key`, item.key, itemKeys);
      text(`${field}.text`, item.text);
      image(`${field}.image`, item.image);
      if (item.type === 'likert') {
        scale(`${field}.scale`, item.scale);
        if (item.points !== undefined && item.points !== null && (!whole(item.points) || item.points < LIKERT_POINTS.min || item.points > LIKERT_POINTS.max))
          problems.push({ field: `${field}.points`, code: 'test.points' });
        return;
      }
      const limits = item.type === 'ranking' ? RANKING_OPTIONS : { min: 2, max: 12 };
      if (item.options.length < limits.min || item.options.length > limits.max)
        problems.push({ field: `${field}.options`, code: 'test.options', values: { min: limits.min, max: limits.max } });
      const optionKeys = new Set<string>();
      item.options.forEach((option, oi) => {
        key(`${field}.options.${oi}.key`, option.key, optionKeys);
        text(`${field}.options.${oi}.label`, option.label);
        image(`${field}.options.${oi}.image`, option.image);
        for (const [name, points] of Object.entries(option.scores ?? {})) {
          scale(`${field}.options.${oi}.scores.${name}`, name);
          if (!whole(points) || Math.abs(points) > SCORE_LIMIT)
            problems.push({ field: `${field}.options.${oi}.scores.${name}`, code: 'test.score', values: { limit: SCORE_LIMIT } });
        }
      });
      if (
        item.type === 'multiple' &&
        item.maxChoices !== undefined &&
        item.maxChoices !== null &&
        (!whole(item.maxChoices) || item.maxChoices < 1 || item.maxChoices > item.options.length)
      )
        problems.push({ field: `${field}.maxChoices`, code: 'test.maxChoices' });
      if (item.type === 'timed' && (!whole(item.timeLimitSeconds) || item.timeLimitSeconds < TIMED_LIMITS.min || item.timeLimitSeconds > TIMED_LIMITS.max))
        problems.push({ field: `${field}.timeLimitSeconds`, code: 'test.timeLimit' });
    });
  });
  return problems;
}

/** An answer's value: an option key (single, timed), option keys (multiple, ranking in order), a point (likert), or null for a skipped item. */
export type AnswerValue = string | string[] | number | null;

/** Whether `value` is a possible answer to `item`. */
export function isValidAnswer(item: Item, value: unknown): value is AnswerValue {
  if (value === null) return item.type !== 'ranking';
  const keys = new Set(item.options.map((o) => o.key));
  switch (item.type) {
    case 'likert':
      return whole(value) && value >= 1 && value <= (item.points ?? LIKERT_POINTS.default);
    case 'single':
    case 'timed':
      return typeof value === 'string' && keys.has(value);
    case 'multiple':
      return (
        Array.isArray(value) &&
        value.length >= 1 &&
        value.length <= (item.maxChoices ?? item.options.length) &&
        new Set(value).size === value.length &&
        value.every((v) => typeof v === 'string' && keys.has(v))
      );
    case 'ranking':
      return (
        Array.isArray(value) && value.length === keys.size && new Set(value).size === value.length && value.every((v) => typeof v === 'string' && keys.has(v))
      );
  }
}

export const sameAnswer = (a: AnswerValue, b: AnswerValue): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * What to do with an incoming answer given the stored one. Every change carries the client's
 * sequence number: batches may arrive twice or out of order, and the highest sequence wins.
 * A section without going back keeps its first answer.
 */
export function mergeAnswer(
  stored: { value: AnswerValue; seq: number } | undefined,
  incoming: { value: AnswerValue; seq: number },
  allowBack: boolean,
): 'insert' | 'unchanged' | 'update' | 'stale' | 'locked' {
  if (!stored) return 'insert';
  if (sameAnswer(stored.value, incoming.value)) return 'unchanged';
  if (incoming.seq <= stored.seq) return 'stale';
  return allowBack ? 'update' : 'locked';
}

/** The extra time a person may set in their accessibility preferences, in percent. */
export const EXTRA_TIME = [0, 25, 50, 100] as const;
export const scaledSeconds = (seconds: number, extraPercent: number): number => Math.round(seconds * (1 + extraPercent / 100));
/** A timed answer may arrive this much after its limit (the tap and the clock are not one instant). */
export const TIME_GRACE_MS = 3_000;

/** The test as the runner sees it: no scoring keys, no norms. */
export type PublicItem = Omit<Item, 'options' | 'scale' | 'reverse'> & { options: Array<Omit<Option, 'scores'>> };
export type PublicTest = Omit<TestDefinition, 'norms' | 'sections'> & { sections: Array<Omit<Section, 'items'> & { items: PublicItem[] }> };

export function publicTest(test: TestDefinition): PublicTest {
  const { norms: _norms, ...rest } = test;
  return {
    ...rest,
    sections: test.sections.map((s) => ({
      ...s,
      items: s.items.map(({ scale: _s, reverse: _r, options, ...item }) => ({ ...item, options: options.map(({ scores: _scores, ...o }) => o) })),
    })),
  };
}
