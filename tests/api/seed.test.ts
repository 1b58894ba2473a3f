import assert from 'node:assert/strict';
import request from 'supertest';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ctx } from '../setup/context.ts';

const count = (uid: string) => ctx.strapi.db.query(uid).count();

describe('seed', () => {
  it('sets up kk (default), ru and en', async () => {
    const locales = await ctx.strapi.plugin('i18n').service('locales').find();
    assert.deepEqual(locales.map((l: { code: string }) => l.code).sort(), ['en', 'kk', 'ru']);
    assert.equal(await ctx.strapi.plugin('i18n').service('locales').getDefaultLocale(), 'kk');
  });

  it('creates nothing twice when it runs again', async () => {
    const uids = [
      'api::region.region',
      'api::locality.locality',
      'api::centre.centre',
      'plugin::upload.file',
      'admin::user',
      'plugin::users-permissions.permission',
    ];
    const before = await Promise.all(uids.map(count));
    assert.deepEqual(before.slice(0, 3), [60, before[1], 51]);
    const { seed } = requireCms(ctx.distDir, 'src/seed/index.js');
    await seed(ctx.strapi);
    assert.deepEqual(await Promise.all(uids.map(count)), before);
  });

  it('restores deleted reference data but keeps what staff changed in the demo centres', async () => {
    const { seed } = requireCms(ctx.distDir, 'src/seed/index.js');
    const localities = ctx.strapi.documents('api::locality.locality');
    const medeu = await ctx.strapi.db.query('api::locality.locality').findOne({ where: { key: 'kz-75-medeu-district', locale: 'en' } });
    assert.ok(medeu, 'Medeu District is seeded');
    await localities.delete({ documentId: medeu.documentId, locale: 'en' });

    const centres = ctx.strapi.documents('api::centre.centre');
    const centre = await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: 'shymkent', locale: 'en' } });
    await centres.update({ documentId: centre.documentId, locale: 'en', data: { summary: 'Edited by a content manager' } });
    try {
      await seed(ctx.strapi);
      const back = await localities.findOne({ documentId: medeu.documentId, locale: 'en', populate: ['region'] });
      assert.equal(back?.name, medeu.name);
      assert.equal(back?.region?.code, 'KZ-75');
      const kept = await centres.findOne({ documentId: centre.documentId, locale: 'en' });
      assert.equal(kept?.summary, 'Edited by a content manager');
    } finally {
      await centres.update({ documentId: centre.documentId, locale: 'en', data: { summary: centre.summary } });
    }
  });
});

describe('super-admin', () => {
  it('is created from ADMIN_EMAIL and ADMIN_PASSWORD and can log in', async () => {
    const res = await request(ctx.cmsUrl).post('/admin/login').send({ email: ctx.admin.email, password: ctx.admin.password }).expect(200);
    assert.ok(res.body.data.token);
    const roles =
      res.body.data.user.roles ?? (await ctx.strapi.db.query('admin::user').findOne({ where: { email: ctx.admin.email }, populate: ['roles'] })).roles;
    assert.ok(roles.some((r: { code: string }) => r.code === 'strapi-super-admin'));
  });

  it('has no default account', async () => {
    for (const [email, password] of [
      ['admin@admin.com', 'admin'],
      ['admin@qabilet.example', 'Admin123'],
      [ctx.admin.email, 'admin'],
    ]) {
      const res = await request(ctx.cmsUrl).post('/admin/login').send({ email, password });
      assert.ok(res.status >= 400 && res.status < 500, `${email} refused (${res.status})`);
    }
    const superAdmins = await ctx.strapi.db.query('admin::user').count({ where: { roles: { code: 'strapi-super-admin' } } });
    assert.equal(superAdmins, 1, 'one super-admin, the one from ADMIN_EMAIL');
  });

  it('generates strong one-time passwords and refuses weak ones', () => {
    const { generatePassword, isStrongEnough } = requireCms(ctx.distDir, 'src/seed/admin.js');
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const p = generatePassword();
      assert.ok(isStrongEnough(p), p);
      assert.ok(p.length >= 20);
      seen.add(p);
    }
    assert.equal(seen.size, 200);
    for (const weak of ['admin', 'password1', 'PASSWORD1', 'Password', 'Ab1']) assert.equal(isStrongEnough(weak), false, weak);
  });
});

describe('admin panel lists', () => {
  it('show whether a centre is demo data, and say what that means', async () => {
    const service = ctx.strapi.plugin('content-manager').service('content-types');
    const configuration = await service.findConfiguration(service.findContentType('api::centre.centre'));
    assert.deepEqual(configuration.layouts.list, ['name', 'city', 'isDemo', 'phone']);
    assert.match(configuration.metadatas.isDemo.edit.description, /^Demo data/);
    assert.equal(configuration.settings.mainField, 'name');
  });
});
