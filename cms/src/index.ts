import type { Core } from '@strapi/strapi';
import { seed } from './seed';
import { ensureRateLimitTable, sweep } from './lib/rate-limit';
import { registerStaffConditions } from './staff/conditions';
import { keepAbilities } from './staff/abilities';
import type { Listening } from '@qabilet/plugin-kit/server';
import { registerProfessionRules } from './content/profession-rules';
import { registerSiteRebuild, startSiteRebuildCalls } from './content/site-rebuild';
import { guardUrlUploads } from './middlewares/upload-guard';
import { ensureUniqueEmailIndex } from './accounts/unique-email';

let sweeper: NodeJS.Timeout | undefined;
let staffChanges: Listening | undefined;

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerProfessionRules(strapi);
    registerSiteRebuild(strapi);
  },

  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    // Every instance needs the RBAC conditions, seeding or not.
    await registerStaffConditions(strapi);
    staffChanges = keepAbilities(strapi);
    await staffChanges.ready;
    guardUrlUploads(strapi);
    await ensureRateLimitTable(strapi);
    await ensureUniqueEmailIndex(strapi);
    sweeper = setInterval(() => sweep(strapi).catch((e) => strapi.log.warn(`rate-limit sweep: ${e.message}`)), 10 * 60_000);
    sweeper.unref();
    if (process.env.QABILET_SEED !== 'false') await seed(strapi);
    startSiteRebuildCalls();
    strapi.plugin('booking').service('worker').start();
  },

  async destroy() {
    clearInterval(sweeper);
    await staffChanges?.stop();
  },
};
