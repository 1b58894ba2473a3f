import assert from 'node:assert/strict';
import request from 'supertest';
import { ctx } from '../setup/context.ts';

const api = () => request(ctx.cmsUrl);
const SCALES = ['realistic', 'investigative', 'artistic', 'social', 'enterprising', 'conventional'];
const SECTORS = ['digital', 'industry', 'energy', 'agro', 'construction', 'transport', 'health', 'education', 'services'];

async function all(path: string, locale?: string) {
  const res = await api()
    .get(`${path}?pagination[pageSize]=100${locale ? `&locale=${locale}` : ''}`)
    .expect(200);
  assert.ok(res.body.meta.pagination.total <= 100, 'fits one page');
  return res.body.data as Array<Record<string, any>>;
}

async function adminToken(): Promise<string> {
  const res = await api().post('/admin/login').send(ctx.admin).expect(200);
  return res.body.data.token;
}

function profession(overrides: Record<string, unknown> = {}) {
  return {
    slug: `test-profession-${Date.now()}`,
    name: 'Test profession',
    sector: 'digital',
    demandStatus: 'new',
    icon: 'binary',
    summary: 'A profession made by a test.',
    description: 'Made by a test.',
    workLife: 'Made by a test.',
    riasec: { realistic: 10, investigative: 90, artistic: 20, social: 20, enterprising: 30, conventional: 50 },
    demand: [
      { year: 2024, openings: 10 },
      { year: 2025, openings: 20 },
    ],
    ...overrides,
  };
}

describe('content API: professions, institutions and the rest of the public content', () => {
  it('has at least 60 published professions in each language, across all 9 sectors, each with its own icon', async () => {
    for (const locale of ['kk', 'ru', 'en']) {
      const professions = await all('/api/professions', locale);
      assert.ok(professions.length >= 60, `${locale}: ${professions.length}`);
      assert.deepEqual([...new Set(professions.map((p) => p.sector))].sort(), [...SECTORS].sort());
      assert.equal(new Set(professions.map((p) => p.icon)).size, professions.length, 'icons are unique');
      for (const p of professions) {
        assert.equal(p.locale, locale);
        for (const scale of SCALES) assert.ok(p.riasec[scale] >= 0 && p.riasec[scale] <= 100, `${p.slug} ${scale}`);
        assert.deepEqual(p.demand.map((d: { year: number }) => d.year).sort(), [2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030], p.slug);
        assert.ok(p.specialties.length >= 1 && p.skills.length >= 3, p.slug);
        assert.ok(['new', 'growing', 'stable', 'declining'].includes(p.demandStatus));
      }
      if (locale !== 'en')
        assert.ok(
          professions.every((p) => /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/.test(p.name)),
          `${locale} names are Cyrillic`,
        );
    }
  });

  it('has at least 40 institutions covering all 20 regions, each teaching specialties', async () => {
    const institutions = await all('/api/institutions', 'ru');
    assert.ok(institutions.length >= 40);
    assert.equal(new Set(institutions.map((i) => i.region.code)).size, 20);
    for (const i of institutions) {
      assert.ok(i.specialties.length >= 1, i.slug);
      assert.ok(i.locality?.name, i.slug);
      for (const s of i.specialties) if (s.code) assert.match(s.code, /^(B\d{3}|\d{8})$/);
    }
  });

  it('has 8 news items, 20 FAQ entries and the six static pages in every language', async () => {
    for (const locale of ['kk', 'ru', 'en']) {
      const news = await all('/api/news-items', locale);
      assert.equal(news.length, 8);
      assert.ok(news.every((n) => n.cover?.url && n.coverAlt.length > 10 && n.body.length > 0));
      const faq = await all('/api/faqs', locale);
      assert.equal(faq.length, 20);
      const pages = await all('/api/pages', locale);
      assert.deepEqual(pages.map((p) => p.slug).sort(), ['about', 'accessibility', 'consent', 'contacts', 'how-it-works', 'privacy']);
      const components = new Set(pages.flatMap((p) => p.blocks.map((b: { __component: string }) => b.__component)));
      assert.deepEqual([...components].sort(), ['page.accordion', 'page.call-to-action', 'page.image', 'page.rich-text']);
    }
  });

  it('gives centres their services and an empty rating for feedback to fill', async () => {
    const [centre] = await all('/api/centres', 'kk');
    assert.ok(centre!.services.length >= 3);
    assert.equal(centre!.rating, null);
  });

  it('shows only published entries: a draft stays out of the public API', async () => {
    const draft = await ctx.strapi.documents('api::news.news').create({
      locale: 'en',
      data: {
        slug: `draft-${Date.now()}`,
        title: 'Draft',
        summary: 'Not yet',
        coverAlt: 'none',
        date: '2026-11-01',
        cover: (await all('/api/news-items', 'en'))[0]!.cover.id,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'x' }] }],
      },
    });
    try {
      const res = await api().get(`/api/news-items?locale=en&filters[slug][$eq]=${draft.slug}`).expect(200);
      assert.equal(res.body.data.length, 0);
    } finally {
      await ctx.strapi.documents('api::news.news').delete({ documentId: draft.documentId, locale: '*' });
    }
  });

  it('refuses filters on unknown or private fields with a localised 400 and leaks nothing', async () => {
    const unknown = await api().get('/api/professions?filters[salary][$gt]=1&locale=ru').expect(400);
    assert.match(unknown.body.error.message, /salary/);
    assert.match(unknown.body.error.message, /[А-Яа-я]/, 'in Russian');
    for (const query of ['filters[createdBy][email][$contains]=a', 'filters[updatedBy][id][$eq]=1', 'fields[0]=createdBy', 'sort[0]=createdBy']) {
      const res = await api().get(`/api/news-items?${query}`);
      assert.ok([400, 403].includes(res.status), `${query}: ${res.status}`);
    }
    const populated = await api().get('/api/professions?populate=*&pagination[pageSize]=5').expect(200);
    const text = JSON.stringify(populated.body);
    for (const secret of ['createdBy', 'updatedBy', 'password', '"email"']) assert.ok(!text.includes(secret), secret);
  });

  it('has nothing under an unknown slug', async () => {
    const res = await api().get('/api/professions?filters[slug][$eq]=no-such-profession').expect(200);
    assert.deepEqual(res.body.data, []);
  });

  it('is read-only for the public', async () => {
    for (const path of ['/api/professions', '/api/news-items', '/api/pages', '/api/faqs', '/api/institutions', '/api/stats/open']) {
      const res = await api()
        .post(path)
        .send({ data: { slug: 'x' } });
      assert.ok([403, 404, 405].includes(res.status), `${path}: ${res.status}`);
    }
  });
});

describe('admin: a profession breaking the catalogue rules is refused with a clear message', () => {
  let token: string;
  const create = (body: Record<string, unknown>, locale = 'en') =>
    api().post(`/content-manager/collection-types/api::profession.profession?locale=${locale}`).set('Authorization', `Bearer ${token}`).send(body);
  before(async () => {
    token = await adminToken();
  });

  it('refuses RIASEC values outside 0–100', async () => {
    const res = await create(profession({ riasec: { realistic: 150, investigative: 90, artistic: 20, social: 20, enterprising: 30, conventional: 50 } }));
    assert.equal(res.status, 400);
    assert.ok(JSON.stringify(res.body.error).includes('realistic'), JSON.stringify(res.body.error));
  });

  it('refuses a demand year out of range and a repeated year, naming them in the entry’s language', async () => {
    const outOfRange = await create(profession({ demand: [{ year: 2019, openings: 5 }] }));
    assert.equal(outOfRange.status, 400);
    const repeated = await create(
      profession({
        demand: [
          { year: 2024, openings: 5 },
          { year: 2024, openings: 6 },
        ],
      }),
      'ru',
    );
    assert.equal(repeated.status, 400);
    assert.match(repeated.body.error.message, /только один раз/);
    assert.deepEqual(repeated.body.error.details.errors[0].path, ['demand', '1', 'year']);
  });

  it('refuses an icon that is not in the icon set', async () => {
    const res = await create(profession({ icon: 'no-such-icon-anywhere' }));
    assert.equal(res.status, 400);
    assert.match(res.body.error.message, /Lucide/);
  });

  it('saves a valid profession, and stores nothing of the refused ones', async () => {
    const before = await ctx.strapi.db.query('api::profession.profession').count();
    const res = await create(profession());
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(await ctx.strapi.db.query('api::profession.profession').count(), before + 1);
    await ctx.strapi.documents('api::profession.profession').delete({ documentId: res.body.data.documentId, locale: '*' });
  });
});

describe('admin: what a content manager may do with the public content', () => {
  let token: string;
  const cm = (path: string) => `/content-manager/collection-types/${path}`;
  before(async () => {
    const role = await ctx.strapi.db.query('admin::role').findOne({ where: { code: 'qabilet-content-manager' } });
    const email = `content.${Date.now()}@qabilet.example`;
    const password = 'Content-Manager-2026';
    await ctx.strapi
      .service('admin::user')
      .create({ email, firstname: 'Content', lastname: 'Manager', password, isActive: true, registrationToken: null, roles: [role.id] });
    token = (await api().post('/admin/login').send({ email, password }).expect(200)).body.data.token;
  });

  it('writes, publishes and unpublishes a news item', async () => {
    const cover = (await api().get('/api/news-items?locale=kk&pagination[pageSize]=1').expect(200)).body.data[0].cover.id;
    const created = await api()
      .post(cm('api::news.news?locale=kk'))
      .set('Authorization', `Bearer ${token}`)
      .send({
        slug: `cm-news-${Date.now()}`,
        title: 'Жаңалық',
        summary: 'Қысқаша',
        coverAlt: 'Сурет',
        date: '2026-11-29',
        cover,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Мәтін' }] }],
      })
      .expect(201);
    const id = created.body.data.documentId;
    await api()
      .post(cm(`api::news.news/${id}/actions/publish?locale=kk`))
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    const published = await api().get(`/api/news-items?locale=kk&filters[documentId][$eq]=${id}`).expect(200);
    assert.equal(published.body.data.length, 1);
    await api()
      .post(cm(`api::news.news/${id}/actions/unpublish?locale=kk`))
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    await api()
      .delete(cm(`api::news.news/${id}?locale=kk`))
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
  });

  it('edits a profession but not the regions, which are reference data', async () => {
    const [profession] = (await api().get('/api/professions?locale=ru&pagination[pageSize]=1').expect(200)).body.data;
    await api()
      .put(cm(`api::profession.profession/${profession.documentId}?locale=ru`))
      .set('Authorization', `Bearer ${token}`)
      .send({ summary: `${profession.summary}` })
      .expect(200);
    const [region] = (await api().get('/api/regions?locale=ru&pagination[pageSize]=1').expect(200)).body.data;
    const refused = await api()
      .put(cm(`api::region.region/${region.documentId}?locale=ru`))
      .set('Authorization', `Bearer ${token}`)
      .send({ name: 'Changed' });
    assert.equal(refused.status, 403);
  });

  it('cannot see the users or their personal data', async () => {
    const res = await api().get(cm('plugin::users-permissions.user?page=1&pageSize=10')).set('Authorization', `Bearer ${token}`);
    assert.equal(res.status, 403);
  });
});
