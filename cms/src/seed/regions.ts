import type { Core } from '@strapi/strapi';
import { readDataFile } from './data-file';
import { ensureLocalized, type Locale } from './localized';

type RegionFeature = {
  geometry: unknown;
  properties: { code: string; kato: string; kind: 'oblast' | 'city'; name_kk: string; name_ru: string; name_en: string };
};

type LocalityRow = {
  key: string;
  region: string;
  kind: 'city' | 'town' | 'district';
  adminCentre: boolean;
  name: Record<Locale, string>;
};

/** The regions are real reference data: every start makes sure all 20 exist in all locales. */
export async function seedRegions(strapi: Core.Strapi): Promise<Map<string, string>> {
  const { features } = await readDataFile<{ features: RegionFeature[] }>(strapi, 'kz-regions.geojson');
  const ids = new Map<string, string>();
  let created = 0;
  for (const { properties: p, geometry } of features) {
    const result = await ensureLocalized(
      strapi,
      'api::region.region',
      { field: 'code', value: p.code },
      { code: p.code, kato: p.kato, kind: p.kind, geometry },
      (locale) => ({ name: p[`name_${locale}`] }),
    );
    ids.set(p.code, result.documentId);
    created += result.created;
  }
  if (created) strapi.log.info(`[seed] regions: ${created} entries created`);
  return ids;
}

export async function seedLocalities(strapi: Core.Strapi, regions: Map<string, string>): Promise<void> {
  const rows = await readDataFile<LocalityRow[]>(strapi, 'localities.json');
  let created = 0;
  for (const row of rows) {
    const region = regions.get(row.region);
    if (!region) throw new Error(`localities.json: ${row.key} names unknown region ${row.region}`);
    const result = await ensureLocalized(
      strapi,
      'api::locality.locality',
      { field: 'key', value: row.key },
      { key: row.key, kind: row.kind, adminCentre: row.adminCentre, region },
      (locale) => ({ name: row.name[locale] }),
    );
    created += result.created;
  }
  if (created) strapi.log.info(`[seed] localities: ${created} entries created`);
}
