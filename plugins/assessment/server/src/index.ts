/**
 * The assessment plugin's server: versions of the tests authored in the CMS, attempts that
 * survive lost connections, scoring, the person's profile and recommendations with an explained
 * % fit (R-TEST-1, R-CMS-2, R-REC-1, R-NFR-5, R-NFR-6).
 */
import type { Core } from '@strapi/strapi';
import { grantOnce, type ServicesOf } from '@qabilet/plugin-kit/server';
import routes, { USER_ACTIONS } from './routes';
import makeControllers from './controllers';
import { ensureTables } from './tables';
import { registerVersioning, syncVersions } from './versions';
import { forgetChild, forgetPerson } from './forget';
import { consentedPerson, ownPerson, personById, type Person } from './people';
import { onNote } from './notes';
import { knownScales, onResult, recordStatement, statementsSince, type StatementInput } from './statements';
import { toEntry } from './definition';
import { takeWhole } from './take';
import type { AnswerValue, Item } from '@qabilet/domain';
import type { Knex } from 'knex';

const ACTIONS = [
  { uid: 'read', displayName: 'See test results of people in scope (specialists: those they consult; coordinators: their region)' },
  { uid: 'recommend', displayName: 'Add written recommendations to a person’s card' },
];

const plugin = {
  register({ strapi }: { strapi: Core.Strapi }) {
    registerVersioning(strapi);
  },
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await strapi.service('admin::permission').actionProvider.registerMany(ACTIONS.map((a) => ({ section: 'plugins', pluginName: 'assessment', ...a })));
    await ensureTables(strapi);
    await grantOnce(strapi, 'assessment', USER_ACTIONS);
    await syncVersions(strapi);
  },
  routes,
  controllers: {
    public: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).public,
    admin: ({ strapi }: { strapi: Core.Strapi }) => makeControllers({ strapi }).admin,
  },
  services: {
    // The accounts' forgetting, and whom other plugins' launches and imports name (a Person).
    people: ({ strapi }: { strapi: Core.Strapi }) => ({
      forget: (userId: number) => forgetPerson(strapi, userId),
      forgetChild: (childId: number) => forgetChild(strapi, childId),
      own: (userId: number, child: unknown) => ownPerson(strapi, userId, child),
      consented: (userId: number, child: unknown) => consentedPerson(strapi, userId, child),
      byId: (kind: string, id: number) => personById(strapi, kind, id),
    }),
    versions: ({ strapi }: { strapi: Core.Strapi }) => ({ sync: () => syncVersions(strapi) }),
    // Partners' results land in the common result model (statements).
    results: ({ strapi }: { strapi: Core.Strapi }) => ({
      record: (input: StatementInput, trx?: Knex.Transaction) => recordStatement(strapi, input, trx),
      knownScales: (knex?: Knex) => knownScales(strapi, knex),
      // The people's external results since an instant (epoch ms), scales parsed: what the registry of talents is found from.
      statementsSince: (personKeys: string[], since: number) => statementsSince(strapi, personKeys, since),
      // Told of every new result after it is committed, with the person's key.
      on: (listener: (personKey: string) => void) => onResult(listener),
    }),
    // Told of every written recommendation once it is stored, with the person's key (the stats' rollups).
    notes: () => ({ on: (listener: (personKey: string) => void) => onNote(listener) }),
    // The demo data of `npm start`: whole attempts taken through the runner's own steps.
    attempts: ({ strapi }: { strapi: Core.Strapi }) => ({
      takeWhole: (person: Person, slug: string, choose: (item: Item) => AnswerValue, at: Date) => takeWhole(strapi, person, slug, choose, at),
    }),
    // The CMS's seed writes the tests' definitions as the Content Manager stores them.
    definitions: () => ({ toEntry }),
  },
};

export default plugin;

/** What other plugins call: `servicesOf<AssessmentServices>(strapi, 'assessment')`. */
export type AssessmentServices = ServicesOf<typeof plugin.services>;
export type { Person } from './people';
export type { StatementInput, StatementResult } from './statements';
