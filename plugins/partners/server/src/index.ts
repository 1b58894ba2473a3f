/**
 * The partners plugin's server (R-TEST-1, R-TEST-2, R-PART-1): partners' assessment solutions
 * launched from the cabinet — LTI 1.3 tools, and partners with a signed redirect and a signed
 * results callback — and the centres' desktop test databases, whose results are imported from
 * files or pushed by a desktop program. Every result lands in the assessment plugin's common
 * result model (statements), next to Qabilet's own attempts.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import routes, { USER_ACTIONS } from './routes';
import makeControllers from './controllers';
import makeDesktopControllers from './desktop-controllers';
import { LAUNCHES, SUBJECTS, ensureTables } from './tables';
import { ensureDesktopTables, forgetDesktopPerson } from './desktop-tables';
import { ensurePlatformKey } from './keys';
import { grantOnce } from '@qabilet/plugin-kit/server';
import { createPartner, rotateSecret } from './partners';
import { prune, retentionDefaults, validateRetention, type RetentionConfig } from './retention';
import { bindingProblem } from './launch-binding';

/** Within the caller's transaction when there is one (on SQLite, its only connection). */
async function forget(strapi: Core.Strapi, run: (knex: Knex) => Promise<unknown>): Promise<void> {
  if (strapi.db.inTransaction()) await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => run(trx));
  else await run(strapi.db.connection);
}

const ACTIONS = [
  { uid: 'manage', displayName: 'Add and configure partners, their secrets, tests and scale mapping; read their log' },
  { uid: 'import', displayName: 'Import results from the desktop test database of a centre in scope and review unmatched rows' },
];

export default {
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'partners', ...a })));
    await ensureTables(strapi);
    await ensureDesktopTables(strapi);
    await ensurePlatformKey(strapi);
    await grantOnce(strapi, 'partners', USER_ACTIONS);
    const problem = bindingProblem();
    if (problem) strapi.log.warn(problem);
  },
  // How long the log, the launches and the desktop review queue are kept (retention.ts).
  config: {
    default: retentionDefaults,
    validator: (config: Partial<RetentionConfig>) => validateRetention(config),
  },
  routes,
  controllers: {
    public: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).public,
    admin: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).admin,
    lti: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).lti,
    desktop: ({ strapi }: { strapi: Core.Strapi }) => makeDesktopControllers({ strapi }).public,
    desktopAdmin: ({ strapi }: { strapi: Core.Strapi }) => makeDesktopControllers({ strapi }).admin,
  },
  services: {
    partners: ({ strapi }: { strapi: Core.Strapi }) => ({
      create: (input: unknown, fixed?: { clientId?: string; secret?: string }) => createPartner(strapi, input, fixed),
      rotate: (id: number) => rotateSecret(strapi, id),
    }),
    // The nightly prune (cms/config/cron-tasks.ts); `now` is passed in so that tests can move the clock.
    retention: ({ strapi }: { strapi: Core.Strapi }) => ({
      prune: (now: Date) => prune(strapi, now),
    }),
    // An anonymised account or a deleted child: the partners forget who the subject was.
    people: ({ strapi }: { strapi: Core.Strapi }) => ({
      forget: (userId: number) =>
        forget(strapi, async (knex) => {
          await knex(LAUNCHES).where({ user_id: userId }).delete();
          await knex(SUBJECTS).where({ user_id: userId }).delete();
          await forgetDesktopPerson(knex, { userId });
        }),
      forgetChild: (childId: number) =>
        forget(strapi, async (knex) => {
          await knex(LAUNCHES).where({ child_id: childId }).delete();
          await knex(SUBJECTS).where({ child_id: childId }).delete();
          await forgetDesktopPerson(knex, { childId });
        }),
    }),
  },
};
