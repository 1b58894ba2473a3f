/**
 * The stats plugin's server (R-DASH, R-CMS-3): the figures of what Qabilet records, kept as rollups
 * updated on each event and reconciled nightly; the staff's dashboards; the person's own progress;
 * the open regional statistics. It is made of parts (parts.ts); this file composes them.
 */
import { composeParts, type ServicesOf } from '@qabilet/plugin-kit/server';
import { PARTS } from './parts';
import { openService } from './open';
import { rollupsService } from './rollups';

const parts = composeParts('stats', PARTS);

const plugin = {
  register() {},
  bootstrap: parts.bootstrap,
  destroy: parts.destroy,
  routes: parts.routes,
  controllers: parts.controllers,
  services: {
    // The rollups: `settled()`, `refresh(personKeys)`, `reconcile({ from, to })` (nightly, cms/config/cron-tasks.ts).
    rollups: rollupsService,
    // The open statistics: `snapshot()` (nightly, cms/config/cron-tasks.ts) and the newest one.
    open: openService,
  },
};

export default plugin;

/** What other plugins call: `servicesOf<StatsServices>(strapi, 'stats')`. */
export type StatsServices = ServicesOf<typeof plugin.services>;
