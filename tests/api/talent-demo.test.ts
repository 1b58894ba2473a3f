/**
 * The demo data of `npm start` for the registry of talents: a pupil who scored high in two attempts
 * is a confirmed talent with the reason, seen by a specialist of the centre that served her and a
 * coordinator of her region, not by another region's coordinator.
 */
import assert from 'node:assert/strict';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ctx } from '../setup/context.ts';
import { staffMember } from './crm-helpers.ts';

type Entry = { name: string; domain: string; status: string; strength: number; evidence: { agreeing: Array<{ source: string; percentile: number | null }> } };

describe('talent: the demo pupil of npm start', () => {
  it('is found a confirmed talent by her two attempts, in scope only, and seeded once', async () => {
    const { seedDemoTalent } = requireCms(ctx.distDir, 'src/seed/demo-talent.js');
    assert.equal(await seedDemoTalent(ctx.strapi), true);
    await ctx.strapi.plugin('talent').service('people').settled();
    await ctx.strapi.plugin('talent').service('talents').settled();
    const entriesOf = async (code: string, centre: string) => {
      const staff = await staffMember(code, centre);
      const res = await staff.http.get('/talent/talents', { domain: 'interest:investigative', pageSize: 100 }).expect(200);
      return (res.body.data as Entry[]).filter((e) => e.name.startsWith('Сейітова Әлия'));
    };
    const [entry] = await entriesOf('qabilet-specialist', 'almaty');
    assert.equal(entry?.status, 'confirmed');
    assert.ok(entry!.strength >= 90);
    assert.equal(entry!.evidence.agreeing.length, 2);
    assert.ok(entry!.evidence.agreeing.every((m) => m.source === 'qabilet' && (m.percentile ?? 0) >= 90));
    assert.equal((await entriesOf('qabilet-regional-coordinator', 'almaty')).length, 1);
    assert.equal((await entriesOf('qabilet-regional-coordinator', 'east-kazakhstan')).length, 0);
    assert.equal(await seedDemoTalent(ctx.strapi), false);
  });
});
