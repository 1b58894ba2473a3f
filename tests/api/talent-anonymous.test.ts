/**
 * Every route of the talent plugin, enumerated from the CMS's router: refused to an anonymous
 * caller (401 or 403) and, called by the super admin with a body that is no JSON object, answered
 * with a 4xx that stores nothing (never a 500).
 */
import assert from 'node:assert/strict';
import { ctx } from '../setup/context.ts';
import { api } from './helpers.ts';

const TABLES = [
  'talent_people',
  'talent_entries',
  'talent_rules',
  'talent_confirmations',
  'talent_documents',
  'talent_journal_entries',
  'talent_journal_revisions',
  'talent_journal_samples',
];

function talentRoutes(): Array<{ method: string; path: string }> {
  const routes: Array<{ method: string; path: string }> = [];
  for (const layer of ctx.strapi.server.listRoutes() as Array<{ path: string | RegExp; methods: string[] }>) {
    if (typeof layer.path !== 'string' || !/^\/(api\/)?talent\//.test(layer.path)) continue;
    const path = layer.path.replace(/:[A-Za-z_]+\*?\??/g, '1');
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) routes.push({ method, path });
  }
  return routes;
}

async function counts(): Promise<Record<string, number>> {
  const knex = ctx.strapi.db.connection;
  const out: Record<string, number> = {};
  for (const t of TABLES) if (await knex.schema.hasTable(t)) out[t] = Number(((await knex(t).count({ n: '*' }).first()) as { n: number }).n);
  return out;
}

const call = (method: string, path: string) =>
  (api() as unknown as Record<string, (p: string) => ReturnType<ReturnType<typeof api>['get']>>)[method.toLowerCase()]!(path);

describe('talent: every route refuses strangers and malformed bodies', () => {
  it('refuses an anonymous caller on every route, storing nothing', async () => {
    const routes = talentRoutes();
    assert.ok(routes.length >= 25, `routes found: ${routes.length}`);
    const before = await counts();
    for (const { method, path } of routes) {
      const res = await call(method, path).send({ note: 'x' });
      assert.ok([401, 403].includes(res.status), `${method} ${path} answered ${res.status}`);
    }
    assert.deepEqual(await counts(), before);
  });

  it('answers a body that is no JSON object with a 4xx, never a 500, storing nothing', async () => {
    const token = (await api().post('/admin/login').send(ctx.admin).expect(200)).body.data.token as string;
    const writes = talentRoutes().filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && !r.path.startsWith('/api/'));
    assert.ok(writes.length >= 8, `write routes found: ${writes.length}`);
    const before = await counts();
    for (const { method, path } of writes) {
      const res = await call(method, path)
        .set({ Authorization: `Bearer ${token}`, 'Accept-Language': 'kk' })
        .send([1, 2, 3]);
      assert.ok(res.status >= 400 && res.status < 500, `${method} ${path} answered ${res.status}`);
    }
    assert.deepEqual(await counts(), before);
  });
});
