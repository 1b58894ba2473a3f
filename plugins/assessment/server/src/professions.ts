/**
 * The profession catalogue as the assessment reads it: the published professions with their RIASEC
 * profile, specialties and institutions, kept a minute per language (recommendations, notes, results).
 */
import type { Core } from '@strapi/strapi';
import { RIASEC_SCALES, type Language, type RiasecProfile } from '@qabilet/domain';

export type ProfessionRow = {
  slug: string;
  name: string;
  summary: string;
  icon: string;
  sector: string;
  riasec: RiasecProfile;
  specialties: Array<{ key: string; name: string; level: string; code: string | null }>;
  institutions: Array<{ slug: string; name: string; locality: string; website: string }>;
};

/** A profession as the query below reads it. */
type ProfessionDocument = {
  slug: string;
  name: string;
  summary: string;
  icon: string;
  sector: string;
  riasec?: Record<string, unknown> | null;
  specialties?: Array<{
    key: string;
    name: string;
    level: string;
    code?: string | null;
    institutions?: Array<{ slug: string; name: string; website?: string | null; locality?: { name: string } | null }>;
  }>;
};

const catalogue = new Map<Language, { at: number; rows: ProfessionRow[] }>();
const CATALOGUE_TTL_MS = 60_000;

/** The published professions with their specialties and institutions, kept a minute per language. */
export async function professions(strapi: Core.Strapi, language: Language): Promise<ProfessionRow[]> {
  const cached = catalogue.get(language);
  if (cached && Date.now() - cached.at < CATALOGUE_TTL_MS) return cached.rows;
  const published = { locale: language, publishedAt: { $notNull: true } };
  const found = await strapi.db.query('api::profession.profession').findMany({
    where: published,
    select: ['slug', 'name', 'summary', 'icon', 'sector'],
    populate: {
      riasec: true,
      specialties: {
        where: published,
        select: ['key', 'name', 'level', 'code'],
        populate: { institutions: { where: published, select: ['slug', 'name', 'website'], populate: { locality: { select: ['name'] } } } },
      },
    },
  });
  const rows = (found as ProfessionDocument[])
    .filter((p) => p.riasec)
    .map((p): ProfessionRow => {
      const institutions = new Map<string, ProfessionRow['institutions'][number]>();
      for (const s of p.specialties ?? [])
        for (const i of s.institutions ?? [])
          institutions.set(i.slug, { slug: i.slug, name: i.name, locality: i.locality?.name ?? '', website: i.website ?? '' });
      const riasec = Object.fromEntries(RIASEC_SCALES.map((k) => [k, Number(p.riasec?.[k])])) as RiasecProfile;
      return {
        slug: p.slug,
        name: p.name,
        summary: p.summary,
        icon: p.icon,
        sector: p.sector,
        riasec,
        specialties: (p.specialties ?? []).map((s) => ({ key: s.key, name: s.name, level: s.level, code: s.code ?? null })),
        institutions: [...institutions.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, 6),
      };
    });
  catalogue.set(language, { at: Date.now(), rows });
  return rows;
}
