import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { cmsDir } from '../../scripts/lib/env.mjs';
import { ctx } from '../setup/context.ts';

type Feature = { properties: Record<string, string>; geometry: { type: string } };
const geojson: { features: Feature[] } = JSON.parse(fs.readFileSync(path.join(cmsDir, 'data', 'kz-regions.geojson'), 'utf8'));
const api = () => request(ctx.cmsUrl);

async function all(url: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page++) {
    const res = await api().get(`${url}&pagination[page]=${page}&pagination[pageSize]=100`).expect(200);
    items.push(...res.body.data);
    if (page >= res.body.meta.pagination.pageCount) return items;
  }
}

describe('content API: regions and localities', () => {
  for (const locale of ['kk', 'ru', 'en'] as const) {
    it(`has the 20 regions of the reference data in ${locale}`, async () => {
      const regions = await all(`/api/regions?locale=${locale}`);
      assert.equal(regions.length, 20);
      for (const feature of geojson.features) {
        const p = feature.properties;
        const region = regions.find((r) => r.code === p.code);
        assert.ok(region, `${p.code} exists`);
        assert.equal(region.name, p[`name_${locale}`]);
        assert.equal(region.kato, p.kato);
        assert.equal(region.kind, p.kind);
        assert.equal(region.geometry.type, feature.geometry.type);
      }
      assert.equal(regions.filter((r) => r.kind === 'city').length, 3);
    });
  }

  it('gives every region real localities, exactly one of them its administrative centre', async () => {
    const localities = await all('/api/localities?locale=ru');
    const byRegion = new Map<string, any[]>();
    for (const l of localities) byRegion.set(l.region.code, [...(byRegion.get(l.region.code) ?? []), l]);
    assert.equal(byRegion.size, 20);
    for (const [code, list] of byRegion) {
      assert.ok(list.length >= 5, `${code} has ${list.length} localities`);
      assert.equal(list.filter((l) => l.adminCentre).length, 1, `${code} has one administrative centre`);
    }
    const almaty = byRegion.get('KZ-75')!;
    assert.ok(
      almaty.some((l) => l.name === 'Медеуский район' || /Медеу/.test(l.name)),
      'Almaty has its Medeu district',
    );
  });

  it('finds the localities of one region by its code', async () => {
    const res = await api().get('/api/localities?locale=kk&filters[region][code][$eq]=KZ-63&pagination[pageSize]=100').expect(200);
    assert.ok(res.body.data.length >= 8);
    assert.ok(res.body.data.every((l: any) => l.region.code === 'KZ-63'));
    assert.ok(res.body.data.some((l: any) => l.name === 'Өскемен' && l.adminCentre));
  });
});
