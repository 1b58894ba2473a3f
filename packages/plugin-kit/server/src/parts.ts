/**
 * A plugin that grows several subjects is made of parts (the talent plugin's people, talents,
 * journal …; the stats plugin's rollups, dashboards, open data …), each in its own folder with its
 * tables, routes, controllers and catalogue; the plugin's index.ts composes them. A part's routes
 * name its handlers by their own names (`list`), which the composition prefixes with the part's
 * name (`people.list`).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { routesOf as routesOfRows, type Route, type RouteRow } from './routes';

export type PartHandler = (ctx: Context) => Promise<void>;

export type Part = {
  /** The controller's name, and the prefix of its handlers. */
  name: string;
  /** Admin permissions this part registers (`plugin::<plugin>.<uid>`), each uid with its display name. */
  actions?: Record<string, string>;
  /** Creates the part's tables when missing (before bootstrap). */
  tables?: (strapi: Core.Strapi) => Promise<void>;
  bootstrap?: (strapi: Core.Strapi) => Promise<void>;
  destroy?: () => void | Promise<void>;
  /** The part's routes as the kit's rows (`['GET /path', 'handler', config]`), handlers by the part's own names. */
  admin?: readonly RouteRow[];
  contentApi?: readonly RouteRow[];
  controllers: (strapi: Core.Strapi) => Record<string, PartHandler>;
};

/** The routes of every part, each handler prefixed with its part's name. */
export function partRoutes(parts: Part[], side: 'admin' | 'contentApi'): Route[] {
  return parts.flatMap((part) => routesOfRows(part[side] ?? []).map((route) => ({ ...route, handler: `${part.name}.${route.handler}` })));
}

/** A plugin's entry made of parts: their actions registered, tables made and bootstraps run in order; routes and controllers composed. */
export function composeParts(pluginName: string, parts: Part[]) {
  return {
    async bootstrap({ strapi }: { strapi: Core.Strapi }) {
      const actions = parts.flatMap((p) => Object.entries(p.actions ?? {}).map(([uid, displayName]) => ({ uid, displayName })));
      await strapi.service('admin::permission').actionProvider.registerMany(actions.map((a) => ({ section: 'plugins', pluginName, ...a })));
      for (const part of parts) await part.tables?.(strapi);
      for (const part of parts) await part.bootstrap?.(strapi);
    },
    async destroy() {
      for (const part of parts) await part.destroy?.();
    },
    routes: {
      admin: { type: 'admin' as const, routes: partRoutes(parts, 'admin') },
      'content-api': { type: 'content-api' as const, routes: partRoutes(parts, 'contentApi') },
    },
    controllers: Object.fromEntries(parts.map((part) => [part.name, ({ strapi }: { strapi: Core.Strapi }) => part.controllers(strapi)])),
  };
}
