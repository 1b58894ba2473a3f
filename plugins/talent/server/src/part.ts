/**
 * The plugin is made of parts (people, talents, journal, specialists, cards), each in its own
 * folder with its tables, routes, controllers and catalogue; index.ts composes them. A part's
 * routes name its handlers by their own names (`list`), which the composition prefixes with the
 * part's name (`people.list`).
 */
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { routesOf as routesOfRows, type Route, type RouteRow } from '@qabilet/plugin-kit/server';

export type Handler = (ctx: Context) => Promise<void>;

export type Part = {
  /** The controller's name, and the prefix of its handlers. */
  name: string;
  /** Admin permissions this part registers (`plugin::talent.<uid>`), each uid with its display name. */
  actions?: Record<string, string>;
  /** Creates the part's tables when missing (before bootstrap). */
  tables?: (strapi: Core.Strapi) => Promise<void>;
  bootstrap?: (strapi: Core.Strapi) => Promise<void>;
  destroy?: () => void;
  /** The part's routes as the kit's rows (`['GET /path', 'handler', config]`), handlers by the part's own names. */
  admin?: readonly RouteRow[];
  contentApi?: readonly RouteRow[];
  controllers: (strapi: Core.Strapi) => Record<string, Handler>;
};

/** The routes of every part, each handler prefixed with its part's name. */
export function routesOf(parts: Part[], side: 'admin' | 'contentApi'): Route[] {
  return parts.flatMap((part) => routesOfRows(part[side] ?? []).map((route) => ({ ...route, handler: `${part.name}.${route.handler}` })));
}
