/**
 * The rollups (issue 19, part 1): the one source of truth every dashboard and the open statistics
 * read. Facts are kept per counted thing and summed into `stats_daily` / `stats_monthly` as the
 * records change (events.ts → refresh.ts), and reconciled nightly (reconcile.ts). No routes: the
 * other parts read the tables, and the plugin's `rollups` service waits, refreshes and reconciles.
 */
import type { Core } from '@strapi/strapi';
import type { Part } from '@qabilet/plugin-kit/server';
import { ensureRollupTables, FACTS } from './tables';
import { followSources, queueRefresh, settled, stopFollowing } from './events';
import { refreshPeople } from './refresh';
import { reconcile, type ReconcileOptions } from './reconcile';
import { listenForTouches, stopListening, touched } from './touched';

const part: Part = {
  name: 'rollups',
  tables: ensureRollupTables,
  async bootstrap(strapi: Core.Strapi) {
    followSources(strapi);
    await listenForTouches(strapi);
    // A new database (or one that had no rollups yet) gets its figures once the CMS is up.
    const { n } = (await strapi.db.connection(FACTS).count({ n: '*' }).first()) as { n: number | string };
    if (Number(n) === 0)
      setImmediate(
        () =>
          void reconcile(strapi)
            .then((r) => strapi.log.info(`stats: first reconciliation ${JSON.stringify(r)}`))
            .catch((e: Error) => strapi.log.warn(`stats: first reconciliation failed: ${e.name} ${e.message}`)),
      );
  },
  async destroy() {
    stopFollowing();
    await stopListening();
  },
  controllers: () => ({}),
};

export default part;

/** The plugin's `rollups` service. */
export const rollupsService = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Waits until every change heard of is in the rollups (tests, and the nightly task before it reads them). */
  settled: () => settled(strapi),
  /** Derives these people's facts again now; what it wrote. */
  refresh: (personKeys: string[]) => refreshPeople(strapi, personKeys),
  /** Queues people for a refresh after the current transaction (a change no event tells of). */
  queue: (personKeys: string[]) => queueRefresh(strapi, personKeys),
  /** Facts from the sources and rollups from the facts for a period (default: this and last calendar year). */
  reconcile: (options?: ReconcileOptions) => reconcile(strapi, options),
  /** Tells the kept sums that these periods' rows changed (days yyyymmdd, months yyyymm, 0 for all) — for writers outside this part. */
  touched: (periods: number[]) => touched(periods),
});
