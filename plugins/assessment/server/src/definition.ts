/**
 * A Test entry of the CMS (texts in three fields side by side, scores written `scale=points, …`)
 * to the domain's TestDefinition and back. The seed writes the battery through `toEntry`; a
 * version snapshots `fromEntry` of the published entry.
 */
import crypto from 'node:crypto';
import type { Item, Option, Scale, Section, TestDefinition, Text, TestKind, ItemType } from '@qabilet/domain';

type Entry = Record<string, unknown>;
const SUFFIX = { kk: 'Kk', ru: 'Ru', en: 'En' } as const;

const textOf = (e: Entry, name: string): Text => ({ kk: String(e[`${name}Kk`] ?? ''), ru: String(e[`${name}Ru`] ?? ''), en: String(e[`${name}En`] ?? '') });
const optionalText = (e: Entry, name: string): Text | undefined =>
  ['Kk', 'Ru', 'En'].some((s) => String(e[`${name}${s}`] ?? '').trim()) ? textOf(e, name) : undefined;
const fields = (name: string, text: Text | undefined): Entry =>
  Object.fromEntries(Object.entries(SUFFIX).map(([language, suffix]) => [`${name}${suffix}`, text?.[language as keyof Text] ?? null]));
const list = (v: unknown): Entry[] => (Array.isArray(v) ? (v as Entry[]) : []);
const opt = <T>(v: unknown): T | undefined => (v === null || v === undefined || v === '' ? undefined : (v as T));

export function parseScores(text: unknown): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const part of String(text ?? '').split(',')) {
    const [scale, points] = part.split('=').map((s) => s.trim());
    if (scale && points !== undefined) scores[scale] = (scores[scale] ?? 0) + Number(points);
  }
  return scores;
}
export const writeScores = (scores: Record<string, number>): string =>
  Object.entries(scores)
    .map(([s, p]) => `${s}=${p}`)
    .join(', ');

function option(e: Entry): Option {
  return { key: String(e.key ?? ''), label: textOf(e, 'label'), ...(opt<string>(e.image) ? { image: String(e.image) } : {}), scores: parseScores(e.scores) };
}

function item(e: Entry): Item {
  const type = String(e.type) as ItemType;
  return {
    key: String(e.key ?? ''),
    type,
    text: textOf(e, 'text'),
    ...(opt<string>(e.image) ? { image: String(e.image) } : {}),
    ...(type === 'likert' ? { scale: opt<string>(e.scale), points: opt<number>(e.points), reverse: !!e.reverse } : {}),
    ...(type === 'multiple' && opt<number>(e.maxChoices) ? { maxChoices: Number(e.maxChoices) } : {}),
    ...(type === 'timed' ? { timeLimitSeconds: opt<number>(e.timeLimitSeconds) } : {}),
    options: type === 'likert' ? [] : list(e.options).map(option),
  };
}

export function fromEntry(e: Entry): TestDefinition {
  const minutes = opt<number>(e.timeLimitMinutes);
  return {
    slug: String(e.slug),
    kind: String(e.kind) as TestKind,
    title: textOf(e, 'title'),
    summary: textOf(e, 'summary'),
    ageFrom: Number(e.ageFrom),
    ageTo: Number(e.ageTo),
    ...(minutes ? { timeLimitSeconds: minutes * 60 } : {}),
    ...(opt<string>(e.profession) ? { profession: String(e.profession) } : {}),
    scales: list(e.scales).map((s): Scale => ({ key: String(s.key ?? ''), name: textOf(s, 'name'), high: textOf(s, 'high'), low: textOf(s, 'low') })),
    norms: list(e.norms).map((n) => ({
      scale: String(n.scale ?? ''),
      ageFrom: Number(n.ageFrom),
      ageTo: Number(n.ageTo),
      mean: Number(n.mean),
      sd: Number(n.sd),
    })),
    sections: list(e.sections).map((s): Section => ({
      key: String(s.key ?? ''),
      title: textOf(s, 'title'),
      ...(optionalText(s, 'intro') ? { intro: optionalText(s, 'intro') } : {}),
      allowBack: s.allowBack !== false,
      items: list(s.items).map(item),
    })),
  };
}

export function toEntry(t: TestDefinition): Entry {
  return {
    slug: t.slug,
    kind: t.kind,
    ...fields('title', t.title),
    ...fields('summary', t.summary),
    ageFrom: t.ageFrom,
    ageTo: t.ageTo,
    timeLimitMinutes: t.timeLimitSeconds ? Math.ceil(t.timeLimitSeconds / 60) : null,
    profession: t.profession ?? null,
    scales: t.scales.map((s) => ({ key: s.key, ...fields('name', s.name), ...fields('high', s.high), ...fields('low', s.low) })),
    norms: t.norms.map((n) => ({ ...n })),
    sections: t.sections.map((s) => ({
      key: s.key,
      ...fields('title', s.title),
      ...fields('intro', s.intro),
      allowBack: s.allowBack,
      items: s.items.map((i) => ({
        key: i.key,
        type: i.type,
        ...fields('text', i.text),
        image: i.image ?? null,
        scale: i.scale ?? null,
        points: i.points ?? null,
        reverse: !!i.reverse,
        maxChoices: i.maxChoices ?? null,
        timeLimitSeconds: i.timeLimitSeconds ?? null,
        options: i.options.map((o) => ({ key: o.key, ...fields('label', o.label), image: o.image ?? null, scores: writeScores(o.scores) })),
      })),
    })),
  };
}

/** Stable across key order, so republishing an unchanged test makes no new version. */
export function hashOf(t: TestDefinition): string {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Entry)[k])]),
          )
        : v;
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(sorted(t)))
    .digest('hex');
}
