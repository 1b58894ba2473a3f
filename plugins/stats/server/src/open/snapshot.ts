/**
 * Takes a snapshot of the open statistics: the rollups' monthly counts of delivered consultations
 * (`booking.consultation.completed`) and of tests (`test`), by year × region × age group × format
 * (their `ageFormat` rows), suppressed by the domain's rule (packages/domain/src/open-stats.ts)
 * and stored; then asks the site to rebuild its map and statistics pages.
 */
import type { Core } from '@strapi/strapi';
import {
  AGE_GROUPS,
  kzDate,
  OPEN_THRESHOLD,
  openCells,
  SERVICE_FORMATS,
  type AgeGroup,
  type OpenCount,
  type OpenStatistics,
  type ServiceFormat,
} from '@qabilet/domain';
import { json, ms, requestSiteRebuild } from '@qabilet/plugin-kit/server';
import { KEPT, MONTHLY, SNAPSHOTS } from './tables';

const MEASURES = { 'booking.consultation.completed': 'consultations', test: 'tests' } as const;
type Metric = keyof typeof MEASURES;
/** What the site's build is told changed (it rebuilds everything; the name is for its log). */
export const SNAPSHOT_MODEL = 'plugin::stats.open';

/** The regions with their KATO codes (a region is stored once per language: its code and KATO are not translated). */
async function regionsOf(strapi: Core.Strapi): Promise<OpenStatistics['regions']> {
  const rows = (await strapi.db.query('api::region.region').findMany({ select: ['code', 'kato'] })) as Array<{ code: string; kato: string }>;
  const byCode = new Map(rows.map((r) => [r.code, r.kato]));
  return [...byCode].sort(([a], [b]) => a.localeCompare(b)).map(([code, kato]) => ({ code, kato }));
}

/** The counts by year, region, age group and format, from the rollups' monthly rows (none before the rollups exist). */
async function countsOf(strapi: Core.Strapi): Promise<OpenCount[]> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(MONTHLY))) return [];
  const rows = (await knex(MONTHLY)
    .whereIn('metric', Object.keys(MEASURES))
    .andWhere({ dim: 'ageFormat' })
    .groupBy('period', 'metric', 'value', 'region')
    .select('period', 'metric', 'value', 'region')
    .sum({ n: 'n' })) as Array<{ period: number | string; metric: Metric; value: string; region: string; n: number | string }>;
  const counts = new Map<string, OpenCount>();
  for (const row of rows) {
    const [ageGroup, format] = row.value.split('|') as [AgeGroup, ServiceFormat];
    // Counts of an unknown age or format are in no line of the table (the dictionary says so).
    if (!AGE_GROUPS.includes(ageGroup) || !SERVICE_FORMATS.includes(format) || !row.region) continue;
    const year = Math.floor(Number(row.period) / 100);
    const key = `${year}|${row.region}|${ageGroup}|${format}`;
    const count = counts.get(key) ?? { year, region: row.region, ageGroup, format, consultations: 0, tests: 0 };
    count[MEASURES[row.metric]] += Number(row.n);
    counts.set(key, count);
  }
  return [...counts.values()];
}

/** The open statistics as of now, suppressed. */
export async function openStatistics(strapi: Core.Strapi, now: Date): Promise<OpenStatistics> {
  const [regions, counts] = await Promise.all([regionsOf(strapi), countsOf(strapi)]);
  const cells = openCells(
    counts,
    regions.map((r) => r.code),
  );
  return { snapshotAt: now.toISOString(), threshold: OPEN_THRESHOLD, years: [...new Set(cells.map((c) => c.year))], regions, cells };
}

/**
 * Stores a snapshot and asks the site to rebuild. `nightly`: the night's one snapshot — when
 * another instance took tonight's already, nothing is stored and null is answered. `rebuild`:
 * false for the first snapshot, taken while the site is being built from it.
 */
export async function takeSnapshot(strapi: Core.Strapi, { now = new Date(), nightly = false, rebuild = true } = {}): Promise<OpenStatistics | null> {
  const statistics = await openStatistics(strapi, now);
  const knex = strapi.db.connection;
  const night = nightly ? Number(kzDate(now).replace(/-/g, '')) : null;
  const inserted = await knex(SNAPSHOTS)
    .insert({ taken_at: now.getTime(), night, data: JSON.stringify(statistics) })
    .onConflict('night')
    .ignore()
    .returning('id');
  if (nightly && !inserted.length) return null;
  const old = await knex(SNAPSHOTS).orderBy('taken_at', 'desc').orderBy('id', 'desc').offset(KEPT).limit(1).first('id');
  if (old) await knex(SNAPSHOTS).where('id', '<=', old.id).delete();
  if (rebuild) await requestSiteRebuild(strapi, [SNAPSHOT_MODEL]);
  return statistics;
}

let first: Promise<unknown> | undefined;

/** The newest snapshot; the very first is taken when asked for (a fresh database's first build of the site). */
export async function latestSnapshot(strapi: Core.Strapi): Promise<OpenStatistics> {
  const newest = () => strapi.db.connection(SNAPSHOTS).orderBy('taken_at', 'desc').orderBy('id', 'desc').first('data', 'taken_at');
  let row = await newest();
  if (!row) {
    first ??= takeSnapshot(strapi, { rebuild: false }).finally(() => (first = undefined));
    await first;
    row = await newest();
  }
  return json<OpenStatistics>(row.data, {
    snapshotAt: new Date(ms(row.taken_at) ?? 0).toISOString(),
    threshold: OPEN_THRESHOLD,
    years: [],
    regions: [],
    cells: [],
  });
}
