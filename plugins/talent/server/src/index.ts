/**
 * The talent plugin's server (R-REG-1, R-NFR-4, R-OUT): the registry of users and talents, the
 * user and specialist cards and the consultation journal. It is made of parts (parts.ts), each
 * with its own tables, routes, controllers and catalogue; this file composes them.
 */
import type { Core } from '@strapi/strapi';
import type { ServicesOf } from '@qabilet/plugin-kit/server';
import contentTypes from './content-types';
import { PARTS } from './parts';
import { routesOf } from './part';
import { refreshPeople, reconcilePeople } from './people/project';
import { queueRefresh, settled } from './people/events';
import { reconcileTalents, talentsSettled } from './talents';

const plugin = {
  register() {},
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    const actions = PARTS.flatMap((p) => Object.entries(p.actions ?? {}).map(([uid, displayName]) => ({ uid, displayName })));
    await strapi.service('admin::permission').actionProvider.registerMany(actions.map((a) => ({ section: 'plugins', pluginName: 'talent', ...a })));
    for (const part of PARTS) await part.tables?.(strapi);
    for (const part of PARTS) await part.bootstrap?.(strapi);
  },
  destroy() {
    for (const part of PARTS) part.destroy?.();
  },
  // cms/config/plugins.ts may set these (TALENT_DOCUMENT_MAX_BYTES).
  config: {
    default: { documentMaxBytes: 5 * 1024 * 1024 },
    validator(config: { documentMaxBytes?: unknown }) {
      if (!Number.isSafeInteger(config.documentMaxBytes) || (config.documentMaxBytes as number) < 1)
        throw new Error('talent.documentMaxBytes: a whole number of bytes');
    },
  },
  contentTypes,
  routes: {
    admin: { type: 'admin', routes: routesOf(PARTS, 'admin') },
    'content-api': { type: 'content-api', routes: routesOf(PARTS, 'contentApi') },
  },
  controllers: Object.fromEntries(PARTS.map((part) => [part.name, ({ strapi }: { strapi: Core.Strapi }) => part.controllers(strapi)])),
  services: {
    // The registry's projection: refresh people after a change no lifecycle sees (raw writes of other plugins), or all of it.
    people: ({ strapi }: { strapi: Core.Strapi }) => ({
      refresh: (keys: string[]) => refreshPeople(strapi, keys),
      queue: (keys: string[]) => queueRefresh(strapi, keys),
      settled: () => settled(),
      reconcile: (now?: number) => reconcilePeople(strapi, now),
    }),
    // The registry of talents: waiting for its evaluations (tests), and the nightly reconciliation.
    talents: ({ strapi }: { strapi: Core.Strapi }) => ({
      settled: () => talentsSettled(),
      reconcile: (now?: number) => reconcileTalents(strapi, now),
    }),
  },
};

export default plugin;

/** What other plugins call: `servicesOf<TalentServices>(strapi, 'talent')`. */
export type TalentServices = ServicesOf<typeof plugin.services>;
