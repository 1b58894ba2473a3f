/**
 * Every route of the stats plugin, enumerated from the CMS's router: refused to an anonymous caller
 * (401 or 403), except the open statistics, which are public by design.
 */
import assert from 'node:assert/strict';
import { ctx } from '../setup/context.ts';
import { api } from './helpers.ts';

const PUBLIC = new Set(['GET /api/stats/open']);

describe('stats: every route refuses strangers', () => {
  it('refuses an anonymous caller on every route but the open statistics', async () => {
    const routes: string[] = [];
    for (const layer of ctx.strapi.server.listRoutes() as Array<{ path: string | RegExp; methods: string[] }>) {
      if (typeof layer.path !== 'string' || !/^\/(api\/)?stats\//.test(layer.path)) continue;
      for (const method of layer.methods.filter((m) => m !== 'HEAD')) routes.push(`${method} ${layer.path.replace(/:[A-Za-z_]+\*?\??/g, 'testsByPlace')}`);
    }
    assert.ok(routes.length >= 5, routes.join(', '));
    for (const route of routes) {
      const [method, path] = route.split(' ');
      const res = await (api() as unknown as Record<string, (p: string) => Promise<{ status: number }>>)[method!.toLowerCase()]!(path!);
      if (PUBLIC.has(route)) assert.equal(res.status, 200, route);
      else assert.ok([401, 403].includes(res.status), `${route}: ${res.status}`);
    }
  });
});
