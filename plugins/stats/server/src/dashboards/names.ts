/**
 * What the dashboards' rows are called in the asked language: regions, localities and centres from
 * the CMS's content (`api::region.region`, `api::locality.locality`, `api::centre.centre`), tests by
 * their titles (the CMS's Test content; a partner's test key not among them is shown as its key),
 * scales by the assessment plugin's `knownScales`. Content changes rarely and every dashboard reads
 * all of it, so it is kept for half a minute per language instead of five look-ups per request.
 */
import type { Core } from '@strapi/strapi';
import type { Language, Text } from '@qabilet/domain';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';

export type Names = {
  regions: Map<string, string>;
  localities: Map<string, { name: string; region: string }>;
  centres: Map<string, string>;
  tests: Map<string, string>;
  scales: Map<string, string>;
  /** Which read of the content these are (an answer built with them is kept no longer than they are: memo.ts). */
  version: number;
};
let reads = 0;

const KEEP_MS = 30_000;
const kept = new Map<Language, { at: number; names: Promise<Names> }>();

const textIn = (text: Partial<Text> | null | undefined, language: Language, fallback: string) => text?.[language] || text?.en || fallback;

async function load(strapi: Core.Strapi, language: Language): Promise<Names> {
  const where = { locale: language };
  type TestRow = { slug: string; titleKk: string; titleRu: string; titleEn: string };
  const [regions, localities, centres, tests, scales] = await Promise.all([
    strapi.db.query('api::region.region').findMany({ select: ['code', 'name'], where }) as Promise<Array<{ code: string; name: string }>>,
    strapi.db.query('api::locality.locality').findMany({ select: ['key', 'name'], where, populate: { region: { select: ['code'] } } }) as Promise<
      Array<{ key: string; name: string; region: { code: string } | null }>
    >,
    strapi.db.query('api::centre.centre').findMany({ select: ['slug', 'name'], where }) as Promise<Array<{ slug: string; name: string }>>,
    strapi.db.query('api::test.test').findMany({ select: ['slug', 'titleKk', 'titleRu', 'titleEn'] }) as Promise<TestRow[]>,
    servicesOf<AssessmentServices>(strapi, 'assessment')('results').knownScales(),
  ]);
  return {
    regions: new Map(regions.map((r) => [r.code, r.name])),
    localities: new Map(localities.map((l) => [l.key, { name: l.name, region: l.region?.code ?? '' }])),
    centres: new Map(centres.map((c) => [c.slug, c.name])),
    tests: new Map(tests.map((t) => [t.slug, textIn({ kk: t.titleKk, ru: t.titleRu, en: t.titleEn }, language, t.slug)])),
    scales: new Map(scales.map((s) => [s.key, textIn(s.name, language, s.key)])),
    version: (reads += 1),
  };
}

export function namesIn(strapi: Core.Strapi, language: Language, now = Date.now()): Promise<Names> {
  const hit = kept.get(language);
  if (hit && now - hit.at < KEEP_MS) return hit.names;
  const names = load(strapi, language);
  kept.set(language, { at: now, names });
  // A failed read is not kept.
  names.catch(() => kept.delete(language));
  return names;
}
