/**
 * The configurations a plugin's routes name (every route names its policies): `can(...actions)`,
 * behind the admin permissions `plugin::<plugin>.<action>` (all of them: Strapi's hasPermissions
 * policy asks for every action named); `user`, for the
 * users-permissions role the plugin grants its actions to; `open`, no session at all (the route
 * checks a signature, token or key itself, or serves what is public).
 */
export const routeConfigs = (plugin: string) => ({
  can: (...actions: string[]) => ({ policies: [{ name: 'admin::hasPermissions', config: { actions: actions.map((a) => `plugin::${plugin}.${a}`) } }] }),
  user: { policies: [] as never[] },
  open: { auth: false as const, policies: [] as never[] },
});

export type RouteConfig = { auth?: false; policies: unknown[] };
/** One route as a row of the table: `'GET /path'`, the handler (`controller.action`), its configuration. */
export type RouteRow = readonly [route: `${'GET' | 'POST' | 'PUT' | 'DELETE'} /${string}`, handler: string, config: RouteConfig];
export type Route = { method: string; path: string; handler: string; config: RouteConfig };

/** The routes of a table, in its order (the router tries them so). */
export const routesOf = (rows: readonly RouteRow[]): Route[] =>
  rows.map(([route, handler, config]) => {
    const [method, path] = route.split(' ') as [string, string];
    return { method, path, handler, config };
  });

/** A router of Strapi's: the admin panel's (under /<plugin>) or the content API's (under /api/<plugin>). */
export const router = (type: 'admin' | 'content-api', rows: readonly RouteRow[]) => ({ type, routes: routesOf(rows) });
