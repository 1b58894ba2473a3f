/**
 * The talent plugin's server (R-REG-1, R-NFR-4, R-OUT): the registry of users and talents, the
 * user and specialist cards and the consultation journal. It is made of parts (parts.ts), each
 * with its own tables, routes, controllers and catalogue; this file composes them.
 */
import type { Core } from '@strapi/strapi';
import { composeParts, type ServicesOf } from '@qabilet/plugin-kit/server';
import type { Language } from '@qabilet/domain';
import contentTypes from './content-types';
import { PARTS } from './parts';
import { onPeopleRefreshed, onPersonRemoved, refreshPeople, reconcilePeople } from './people/project';
import { serially } from './talents/evaluate';
import { queueRefresh, settled } from './people/events';
import { reconcileTalents, talentsSettled } from './talents';
import { recordsOf } from './cards/records';

const parts = composeParts('talent', PARTS);

const plugin = {
  register() {},
  bootstrap: parts.bootstrap,
  destroy: parts.destroy,
  // cms/config/plugins.ts may set these (TALENT_DOCUMENT_MAX_BYTES).
  config: {
    default: { documentMaxBytes: 5 * 1024 * 1024 },
    validator(config: { documentMaxBytes?: unknown }) {
      if (!Number.isSafeInteger(config.documentMaxBytes) || (config.documentMaxBytes as number) < 1)
        throw new Error('talent.documentMaxBytes: a whole number of bytes');
    },
  },
  contentTypes,
  routes: parts.routes,
  controllers: parts.controllers,
  services: {
    // The registry's projection: refresh people after a change no lifecycle sees (raw writes of other plugins), or all of it.
    people: ({ strapi }: { strapi: Core.Strapi }) => ({
      refresh: (keys: string[]) => refreshPeople(strapi, keys),
      queue: (keys: string[]) => queueRefresh(strapi, keys),
      settled: () => settled(),
      reconcile: (now?: number) => reconcilePeople(strapi, now),
      // Another plugin (the stats' rollups) hears of every person refreshed — once their talents are
      // evaluated — or removed, by key.
      onRefreshed: (listener: (keys: string[]) => void) => {
        onPeopleRefreshed(async (_s, rows) => void serially(async () => listener(rows.map((r) => r.key))));
        onPersonRemoved(async (_s, keys) => listener(keys));
      },
    }),
    // The registry of talents: waiting for its evaluations (tests), and the nightly reconciliation.
    talents: ({ strapi }: { strapi: Core.Strapi }) => ({
      settled: () => talentsSettled(),
      reconcile: (now?: number) => reconcileTalents(strapi, now),
    }),
    // The person's own records as their card reads them (the stats plugin's progress in the cabinet), by a key the caller checked is the user's own.
    cards: ({ strapi }: { strapi: Core.Strapi }) => ({
      records: (personKey: string, language: Language) => recordsOf(strapi, personKey, language),
    }),
  },
};

export default plugin;

/** What other plugins call: `servicesOf<TalentServices>(strapi, 'talent')`. */
export type TalentServices = ServicesOf<typeof plugin.services>;
