import assert from 'node:assert/strict';
import type { Knex } from 'knex';
import { ctx } from '../setup/context.ts';

// Mocha loads the spec files before its global setup boots the CMS: this listener hears the boot
// (the seed included) and then every test of the run. node-postgres warns once per process that
// pg 9 will refuse what it saw — queries sent on a connection that is still busy (a transaction's
// queries at once: cms/src/lib/one-query-at-a-time.ts).
const fromPg: string[] = [];
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && /pg@9/.test(warning.message)) fromPg.push(warning.message);
});

// After every test of the run, whichever files ran.
after(() => assert.deepEqual(fromPg, [], 'node-postgres deprecations during the run'));

describe('database driver: nothing pg 9 would refuse', () => {
  it('the CMS booted (and seeded) without a node-postgres deprecation', () => {
    assert.deepEqual(fromPg, []);
  });

  it('queries sent at once in one transaction answer in order, one at a time, without a deprecation', async () => {
    const sleep = process.env.DATABASE_CLIENT === 'postgres' ? 'select pg_sleep(0.02), ? as n' : 'select ? as n';
    const answers: unknown[] = await ctx.strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) =>
      Promise.all([1, 2, 3, 4, 5].map((n) => trx.raw(sleep, [n]))),
    );
    const numbers = answers.map((a) => {
      const rows = (a as { rows?: Array<{ n: unknown }> }).rows ?? (a as Array<{ n: unknown }>);
      return Number(rows[0]!.n);
    });
    assert.deepEqual(numbers, [1, 2, 3, 4, 5]);
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(fromPg, []);
  });
});
