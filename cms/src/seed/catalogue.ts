import fs from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { dataPath, readDataFile } from './data-file';
import { ensureLocalized, type Locale, type Trilingual } from './localized';
import { iconExists } from '../content/profession-rules';

type SpecialtyRow = { key: string; level: 'college' | 'bachelor'; code: string | null; name: Trilingual };
type ProfessionRow = {
  slug: string;
  sector: string;
  icon: string;
  status: string;
  riasec: { R: number; I: number; A: number; S: number; E: number; C: number };
  demand: Array<[number, number]>;
  specialties: string[];
  name: Trilingual;
  summary: Trilingual;
  description: Trilingual;
  workLife: Trilingual;
  skills: Record<Locale, string[]>;
};
type InstitutionRow = { slug: string; kind: string; region: string; locality: string; website: string; specialties: string[]; name: Trilingual };

async function readProfessions(strapi: Core.Strapi): Promise<ProfessionRow[]> {
  const files = (await fs.readdir(dataPath(strapi, 'professions'))).filter((f) => f.endsWith('.json')).sort();
  return (await Promise.all(files.map((f) => readDataFile<ProfessionRow[]>(strapi, 'professions', f)))).flat();
}

function lookup(map: Map<string, string>, what: string, owner: string) {
  return (key: string): string => {
    const id = map.get(key);
    if (!id) throw new Error(`seed: ${owner} names unknown ${what} "${key}"`);
    return id;
  };
}

/** Specialties, the professions that need them and the institutions that teach them: demo data, seeded once. */
export async function seedCatalogue(strapi: Core.Strapi, regions: Map<string, string>): Promise<void> {
  const specialties = new Map<string, string>();
  let created = 0;
  for (const row of await readDataFile<SpecialtyRow[]>(strapi, 'specialties.json')) {
    const result = await ensureLocalized(
      strapi,
      'api::specialty.specialty',
      { field: 'key', value: row.key },
      { key: row.key, level: row.level, code: row.code },
      (locale) => ({ name: row.name[locale] }),
    );
    specialties.set(row.key, result.documentId);
    created += result.created;
  }

  const professions = await readProfessions(strapi);
  const icons = new Set<string>();
  for (const row of professions) {
    if (icons.has(row.icon) || !iconExists(row.icon)) throw new Error(`seed: profession ${row.slug} has a repeated or unknown icon "${row.icon}"`);
    icons.add(row.icon);
    const specialty = lookup(specialties, 'specialty', row.slug);
    const { R, I, A, S, E, C } = row.riasec;
    const result = await ensureLocalized(
      strapi,
      'api::profession.profession',
      { field: 'slug', value: row.slug },
      {
        slug: row.slug,
        isDemo: true,
        sector: row.sector,
        demandStatus: row.status,
        icon: row.icon,
        riasec: { realistic: R, investigative: I, artistic: A, social: S, enterprising: E, conventional: C },
        demand: row.demand.map(([year, openings]) => ({ year, openings })),
        specialties: row.specialties.map(specialty),
      },
      (locale) => ({
        name: row.name[locale],
        summary: row.summary[locale],
        description: row.description[locale],
        workLife: row.workLife[locale],
        skills: row.skills[locale].map((name) => ({ name })),
      }),
      { publish: true },
    );
    created += result.created;
  }

  const localities = new Map<string, string>();
  for (const l of await strapi.db.query('api::locality.locality').findMany({ select: ['key', 'documentId'] })) localities.set(l.key, l.documentId);
  for (const row of await readDataFile<InstitutionRow[]>(strapi, 'institutions.json')) {
    const result = await ensureLocalized(
      strapi,
      'api::institution.institution',
      { field: 'slug', value: row.slug },
      {
        slug: row.slug,
        isDemo: true,
        kind: row.kind,
        website: row.website,
        region: lookup(regions, 'region', row.slug)(row.region),
        locality: lookup(localities, 'locality', row.slug)(row.locality),
        specialties: row.specialties.map(lookup(specialties, 'specialty', row.slug)),
      },
      (locale) => ({ name: row.name[locale] }),
    );
    created += result.created;
  }
  if (created) strapi.log.info(`[seed] catalogue: ${created} entries created (demo data)`);
}
