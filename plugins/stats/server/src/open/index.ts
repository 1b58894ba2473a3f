/**
 * The open regional statistics (R-CMS-3, issue 19): a snapshot taken nightly (cms/config/cron-tasks.ts,
 * after the rollups' reconciliation) and on demand (`open.snapshot()`), suppressed so that no child
 * can be identified (packages/domain/src/open-stats.ts), published at `GET /api/stats/open` for
 * anyone — the site's build reads it for the map, the statistics pages and the open data.
 */
import type { Core } from '@strapi/strapi';
import { grantOnce, handle, type Part } from '@qabilet/plugin-kit/server';
import { COUNTRY, type OpenStatistics } from '@qabilet/domain';
import { allowOnly, invalid, type Problem } from '../errors';
import { ensureSnapshotTable } from './tables';
import { latestSnapshot, takeSnapshot } from './snapshot';

// Anyone may read the published figures: the public role (and the logged-in one, whose requests
// Strapi checks against it instead), given once so that an administrator may withdraw it.
const READ = ['plugin::stats.open.latest'];
const YEAR = /^\d{4}$/;
const REGION = /^KZ(-\d{2})?$/;

/** What `GET /api/stats/open` may narrow to: one year, one region (or KZ, the country). */
function filtersOf(query: Record<string, unknown>) {
  const problems: Problem[] = allowOnly(query, ['year', 'region', 'locale']);
  const { year, region } = query;
  if (year !== undefined && !(typeof year === 'string' && YEAR.test(year))) problems.push({ field: 'year', code: 'open.year' });
  if (region !== undefined && !(typeof region === 'string' && REGION.test(region))) problems.push({ field: 'region', code: 'open.region' });
  if (problems.length) throw invalid(problems);
  return { year: year === undefined ? undefined : Number(year), region: region as string | undefined };
}

function narrowed(statistics: OpenStatistics, { year, region }: ReturnType<typeof filtersOf>): OpenStatistics {
  if (year === undefined && region === undefined) return statistics;
  return {
    ...statistics,
    years: statistics.years.filter((y) => year === undefined || y === year),
    regions: statistics.regions.filter((r) => region === undefined || region === COUNTRY || r.code === region),
    cells: statistics.cells.filter((c) => (year === undefined || c.year === year) && (region === undefined || c.region === region)),
  };
}

/** The service other code calls: `strapi.plugin('stats').service('open').snapshot()`. */
export const openService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Takes a snapshot now and asks the site to rebuild; `nightly`: at most one a night (null when taken already). */
  snapshot: (options: { now?: Date; nightly?: boolean } = {}) => takeSnapshot(strapi, options),
  latest: () => latestSnapshot(strapi),
});

const part: Part = {
  name: 'open',
  tables: ensureSnapshotTable,
  async bootstrap(strapi) {
    await grantOnce(strapi, 'stats', READ, undefined, 'public');
    await grantOnce(strapi, 'stats', READ);
  },
  contentApi: [['GET /open', 'latest', { policies: [] }]],
  controllers: (strapi) => ({
    latest: handle(async (ctx) => {
      const filters = filtersOf(ctx.query as Record<string, unknown>);
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.body = { data: narrowed(await latestSnapshot(strapi), filters) };
    }),
  }),
};

export default part;
