import assert from 'node:assert/strict';
import request from 'supertest';
import { ctx } from '../setup/context.ts';

type Centre = {
  slug: string;
  name: string;
  isDemo: boolean;
  region: { code: string };
  regions: Array<{ code: string; name: string }>;
  gallery: Array<{ alt: string; image: { url: string } }>;
  hours: unknown[];
};

const api = () => request(ctx.cmsUrl);

describe('content API: centres', () => {
  it('lists the 17 centres in Russian with the regions each serves', async () => {
    const res = await api().get('/api/centres?locale=ru').expect(200);
    const centres: Centre[] = res.body.data;
    assert.equal(centres.length, 17);
    assert.equal(res.body.meta.pagination.total, 17);
    for (const centre of centres) {
      assert.match(centre.name, /[А-Яа-яЁё]/, `${centre.slug} has a Russian name`);
      assert.ok(centre.regions.length >= 1, `${centre.slug} serves a region`);
      for (const region of centre.regions) {
        assert.match(region.code, /^KZ-\d{2}$/);
        assert.match(region.name, /[А-Яа-яЁё]/, 'region names come in the same locale');
      }
      assert.ok(
        centre.regions.some((r) => r.code === centre.region.code),
        `${centre.slug} serves its own region`,
      );
      assert.equal(centre.isDemo, true);
      assert.ok(centre.gallery.length > 0 && centre.gallery.every((p) => p.alt.length > 10 && p.image.url.startsWith('/uploads/')));
      assert.ok(centre.hours.length >= 5);
    }
  });

  it('has every one of the 20 regions served by exactly one centre', async () => {
    const res = await api().get('/api/centres?locale=en').expect(200);
    const served = (res.body.data as Centre[]).flatMap((c) => c.regions.map((r) => r.code)).sort();
    assert.equal(served.length, 20);
    assert.equal(new Set(served).size, 20);
    const abai = (res.body.data as Centre[]).find((c) => c.regions.some((r) => r.code === 'KZ-10'));
    assert.equal(abai?.region.code, 'KZ-63', 'Abai is served by East Kazakhstan');
  });

  it('answers in Kazakh by default and in each requested language', async () => {
    const kk = await api().get('/api/centres?filters[slug][$eq]=almaty').expect(200);
    const en = await api().get('/api/centres?filters[slug][$eq]=almaty&locale=en').expect(200);
    assert.match(kk.body.data[0].name, /қаласының/);
    assert.equal(kk.body.data[0].locale, 'kk');
    assert.match(en.body.data[0].name, /^Qabilet Regional Centre/);
  });

  it('is read-only for the public', async () => {
    await api()
      .post('/api/centres')
      .send({ data: { slug: 'x', name: 'x' } })
      .expect((res) => assert.ok([403, 404, 405].includes(res.status), `got ${res.status}`));
    const after = await api().get('/api/centres?locale=kk').expect(200);
    assert.equal(after.body.data.length, 17);
  });
});

describe('content API: bad queries get a localised 400, never a 500', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['/api/centres?locale=xx', 'ru', /Неизвестная локаль «xx»/],
    ['/api/centres?locale=xx', 'kk', /тіл коды белгісіз/],
    ['/api/regions?locale=xx', 'en', /Unknown locale "xx"/],
    ['/api/centres?locale[0]=kk', 'en', /Unknown locale/],
    ['/api/centres?filters[nope][$eq]=1', 'en', /"nope"/],
    ['/api/centres?filters[slug][$bogus]=1', 'ru', /«\$bogus»/],
    ['/api/centres?sort=nope', 'kk', /«nope»/],
    ['/api/centres?populate=nope', 'en', /"nope"/],
    ['/api/centres?filters=abc', 'en', /not well formed/],
    ['/api/centres?pagination[pageSize]=abc', 'ru', /целым числом/],
    ['/api/localities?pagination[page]=0', 'en', /whole number from 1/],
    ['/api/localities?pagination[withCount]=maybe', 'en', /not well formed/],
  ];
  for (const [url, language, expected] of cases) {
    it(`${url} (${language})`, async () => {
      const res = await api().get(url).set('Accept-Language', language);
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.name, 'ValidationError');
      assert.match(res.body.error.message, expected);
      assert.ok(res.body.error.details.errors[0].path.length > 0, 'names the parameter');
    });
  }

  it('still accepts well-formed pagination', async () => {
    const res = await api().get('/api/localities?locale=en&pagination[page]=2&pagination[pageSize]=10&pagination[withCount]=true').expect(200);
    assert.equal(res.body.data.length, 10);
    assert.equal(res.body.meta.pagination.page, 2);
  });
});
