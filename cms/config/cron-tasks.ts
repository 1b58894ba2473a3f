import type { Core } from '@strapi/strapi';
import { anonymiseDueAccounts } from '../src/accounts/deletion';

export default {
  // Every night at 03:00 Kazakhstan time: accounts whose deletion was requested more than the
  // grace period ago are anonymised. Safe on several instances at once: each row is done once.
  anonymiseDeletedAccounts: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const count = await anonymiseDueAccounts(strapi);
      if (count) strapi.log.info(`[accounts] anonymised ${count} account(s) after the grace period`);
    },
    options: { rule: '0 3 * * *', tz: 'Asia/Almaty' },
  },
  // Every night at 03:30: the partners' log, launches and expired desktop review-queue rows past
  // their retention periods (plugins/partners/server/src/retention.ts). A delete by age: running
  // on every instance at once does the same as once.
  prunePartnerRecords: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const pruned = await (strapi.plugin('partners').service('retention') as { prune(now: Date): Promise<Record<string, number>> }).prune(new Date());
      if (Object.values(pruned).some(Boolean)) strapi.log.info(`[partners] pruned ${JSON.stringify(pruned)}`);
    },
    options: { rule: '30 3 * * *', tz: 'Asia/Almaty' },
  },
  // Every night at 04:00: the registry of users rebuilt from its sources and everyone's talents
  // re-evaluated (results that left the rules' window, entries of people no longer there). It
  // writes only what changed: running on several instances at once ends in the same rows.
  reconcileTalents: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const done = await (strapi.plugin('talent').service('talents') as { reconcile(): Promise<Record<string, number>> }).reconcile();
      strapi.log.info(`[talent] reconciled ${JSON.stringify(done)}`);
    },
    options: { rule: '0 4 * * *', tz: 'Asia/Almaty' },
  },
  // Every night at 04:15, after the registry (04:00): the stats' facts derived again from their
  // sources, for this and last calendar year, each change written with its rollup rows' deltas, and
  // the months whose counts disagree with their facts rebuilt from them; on Sunday nights every
  // month is rebuilt (the weekly safety net). It writes only what changed, under PostgreSQL advisory
  // locks per person and month: safe beside live events and on several instances at once.
  reconcileRollups: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const full = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'Asia/Almaty' }).format(new Date()) === 'Sun';
      const rollups = strapi.plugin('stats').service('rollups') as { reconcile(o: { full: boolean }): Promise<Record<string, number>> };
      const done = await rollups.reconcile({ full });
      strapi.log.info(`[stats] rollups reconciled ${JSON.stringify(done)}`);
    },
    options: { rule: '15 4 * * *', tz: 'Asia/Almaty' },
  },
  // Every night at 04:45, after the rollups' reconciliation (04:15): the open statistics' snapshot,
  // suppressed under 5, then the site is asked to rebuild its map and statistics pages. One
  // snapshot a night however many instances run it (the snapshots' night is unique).
  snapshotOpenStatistics: {
    task: async ({ strapi }: { strapi: Core.Strapi }) => {
      const taken = await (strapi.plugin('stats').service('open') as { snapshot(o: { nightly: boolean }): Promise<{ cells: unknown[] } | null> }).snapshot({
        nightly: true,
      });
      if (taken) strapi.log.info(`[stats] open statistics snapshot: ${taken.cells.length} cells`);
    },
    options: { rule: '45 4 * * *', tz: 'Asia/Almaty' },
  },
};
