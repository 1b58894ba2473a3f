import type { Core } from '@strapi/strapi';
import { AGE_GROUPS, SERVICE_FORMATS } from '@qabilet/domain';

const YEARS = [2023, 2024, 2025];
// Rough share of each age group among visitors and of each format: the demo figures look like a
// service for school pupils first.
const AGE_SHARE: Record<(typeof AGE_GROUPS)[number], number> = {
  'age-6-11': 0.14,
  'age-12-15': 0.38,
  'age-16-18': 0.3,
  'age-19-29': 0.13,
  'age-30-plus': 0.05,
};

/** A small deterministic generator, so every fresh database gets the same demo figures. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

/**
 * Demo yearly figures for every region (through the centre that serves it), age group and format,
 * so that the map has something true to its shape to show until live data arrives.
 */
export async function seedStatistics(strapi: Core.Strapi): Promise<void> {
  const regions = await strapi.db
    .query('api::region.region')
    .findMany({ where: { locale: 'kk' }, select: ['id', 'code', 'documentId'], populate: { centres: { select: ['documentId'] } } });
  const centreIds = new Map<string, number>();
  for (const c of await strapi.db.query('api::centre.centre').findMany({ where: { locale: 'kk' }, select: ['id', 'documentId'] }))
    centreIds.set(c.documentId, c.id);
  const next = random(20250101);
  const rows: Array<Record<string, unknown>> = [];
  for (const region of regions) {
    const centre = region.centres?.[0] ? centreIds.get(region.centres[0].documentId) : undefined;
    const size = region.code === 'KZ-71' || region.code === 'KZ-75' ? 2.2 : region.code === 'KZ-79' ? 1.6 : 0.6 + next();
    YEARS.forEach((year, y) => {
      const online = 0.25 + y * 0.08;
      for (const ageGroup of AGE_GROUPS) {
        for (const format of SERVICE_FORMATS) {
          const share = AGE_SHARE[ageGroup] * (format === 'online' ? online : 1 - online);
          const consultations = Math.round(1400 * size * share * (1 + y * 0.18) * (0.85 + next() * 0.3));
          const tests = Math.round(consultations * (0.5 + next() * 0.4));
          rows.push({ year, region: region.id, centre: centre ?? null, ageGroup, format, consultations, tests, isDemo: true });
        }
      }
    });
  }
  for (const row of rows) await strapi.db.query('api::statistic.statistic').create({ data: row });
  strapi.log.info(`[seed] statistics: ${rows.length} demo rows`);
}
