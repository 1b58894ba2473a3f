import assert from 'node:assert/strict';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Agent } from 'undici';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';

const EVIL = 'https://evil.example';
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');
const adminToken = async () => (await api().post('/admin/login').send(ctx.admin).expect(200)).body.data.token as string;

/** Every route the CMS serves, its parameters filled with a plausible value. */
function everyRoute(): Array<{ method: string; path: string }> {
  const routes: Array<{ method: string; path: string }> = [];
  for (const layer of ctx.strapi.server.listRoutes() as Array<{ path: string | RegExp; methods: string[] }>) {
    if (typeof layer.path !== 'string' || layer.path.includes('(')) continue;
    const path = layer.path.replace(/:[A-Za-z_]+\*?\??/g, '1');
    for (const method of layer.methods.filter((m) => m !== 'HEAD')) routes.push({ method, path });
  }
  return routes;
}

describe('CORS: only the configured origins may call with credentials', () => {
  it('answers no foreign origin, on a preflight of every route', async () => {
    const routes = everyRoute();
    assert.ok(routes.length > 150, `routes found: ${routes.length}`);
    const leaks: string[] = [];
    for (const { method, path } of routes) {
      const res = await api()
        .options(path)
        .set('Origin', EVIL)
        .set('Access-Control-Request-Method', method)
        .set('Access-Control-Request-Headers', 'authorization,content-type');
      if (res.headers['access-control-allow-origin'] || res.headers['access-control-allow-credentials'])
        leaks.push(`${method} ${path}: ${res.headers['access-control-allow-origin']}`);
    }
    assert.deepEqual(leaks, []);
  });

  it('answers no foreign origin on credentialed requests themselves', async () => {
    const user = await confirmedUser();
    for (const [method, path] of [
      ['get', '/api/users/me'],
      ['get', '/api/accounts/me'],
      ['post', '/api/auth/refresh'],
      ['post', '/api/auth/logout'],
      ['get', '/api/booking/bookings'],
      ['get', '/api/centres'],
    ] as const) {
      const res = await api()[method](path).set('Origin', EVIL).set('Authorization', `Bearer ${user.jwt}`);
      assert.equal(res.headers['access-control-allow-origin'], undefined, `${method} ${path}`);
      assert.equal(res.headers['access-control-allow-credentials'], undefined, `${method} ${path}`);
    }
  });

  it('allows the site and the CMS itself, with a short max-age', async () => {
    for (const origin of [new URL(process.env.SITE_URL!).origin, new URL(ctx.cmsUrl).origin].filter((o, i, all) => all.indexOf(o) === i)) {
      process.env.PUBLIC_URL ??= ctx.cmsUrl;
      const res = await api().options('/api/auth/refresh').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      assert.equal(res.headers['access-control-allow-origin'], origin);
      assert.equal(res.headers['access-control-allow-credentials'], 'true');
      assert.ok(Number(res.headers['access-control-max-age']) <= 3600, `max-age ${res.headers['access-control-max-age']}`);
    }
  });

  it('does not take a look-alike of an allowed origin', async () => {
    const site = new URL(process.env.SITE_URL!);
    for (const origin of [`${site.origin}.evil.example`, `${site.protocol}//evil.${site.host}`, 'null']) {
      const res = await api().options('/api/auth/refresh').set('Origin', origin).set('Access-Control-Request-Method', 'POST');
      assert.equal(res.headers['access-control-allow-origin'], undefined, origin);
    }
  });
});

describe('uploads are checked by their bytes', () => {
  let token: string;
  before(async () => (token = await adminToken()));
  const upload = (bytes: Buffer, filename: string, contentType: string, language = 'en') =>
    api().post('/upload').set('Authorization', `Bearer ${token}`).set('Accept-Language', language).attach('files', bytes, { filename, contentType });
  const files = () => ctx.strapi.db.query('plugin::upload.file').count();

  it('keeps a real image', async () => {
    const res = await upload(PNG, 'pixel.png', 'image/png');
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });

  it('refuses an HTML document named x.png and sent as image/png, storing nothing', async () => {
    const before = await files();
    const res = await upload(Buffer.from('<!doctype html><script>alert(document.cookie)</script>'), 'x.png', 'image/png', 'ru');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.errors[0].code, 'upload.unrecognised');
    assert.match(res.body.error.details.errors[0].message, /x\.png/);
    assert.match(res.body.error.message, /изображением/);
    assert.equal(await files(), before);
  });

  it('refuses SVG, scripts and a PNG under another type or name', async () => {
    const before = await files();
    for (const [bytes, name, type, code] of [
      [Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'logo.svg', 'image/svg+xml', 'upload.unrecognised'],
      [Buffer.from('alert(1)'), 'photo.jpg', 'image/jpeg', 'upload.unrecognised'],
      [PNG, 'page.html', 'text/html', 'upload.mismatch'],
      [PNG, 'photo.jpg', 'image/jpeg', 'upload.mismatch'],
      [Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(64)]), 'doc.png', 'image/png', 'upload.mismatch'],
    ] as const) {
      const res = await upload(bytes, name, type);
      assert.equal(res.status, 400, `${name}: ${res.status}`);
      assert.equal(res.body.error.details.errors[0].code, code, name);
    }
    assert.equal(await files(), before);
  });

  it('checks a file the media library fetches from a URL the same way', async () => {
    // A real HTTP server plays the remote site. Strapi refuses loopback addresses (against SSRF), so
    // the URLs name a public address and Strapi's fetch connects it to this server instead.
    const remote = http.createServer((req, res) => {
      if (req.url === '/pixel.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(200, { 'content-type': 'image/png' }).end('<!doctype html><script>alert(1)</script>');
    });
    await new Promise<void>((resolve) => remote.listen(0, '127.0.0.1', resolve));
    const strapiFetch = (ctx.strapi as unknown as { fetch: { dispatcher?: unknown } }).fetch;
    const original = strapiFetch.dispatcher;
    const port = (remote.address() as AddressInfo).port;
    strapiFetch.dispatcher = new Agent({
      connect: (_options, callback) => {
        const socket = net.connect(port, '127.0.0.1');
        socket.once('connect', () => callback(null, socket));
        socket.once('error', (error) => callback(error, null));
      },
    });
    try {
      const before = await files();
      const res = await api()
        .post('/upload/actions/upload-from-urls')
        .set('Authorization', `Bearer ${token}`)
        .set('Accept-Language', 'en')
        .send({ urls: ['http://93.184.216.34/x.png', 'http://93.184.216.34/pixel.png'] });
      const summary = JSON.parse(/event: stream:complete\ndata: (.*)\n/.exec(res.text)![1]!);
      assert.equal(summary.errors.length, 1, res.text);
      assert.match(summary.errors[0].message, /"x\.png" is not a JPEG/);
      assert.equal(summary.data.length, 1);
      assert.equal(await files(), before + 1);
    } finally {
      strapiFetch.dispatcher = original;
      remote.close();
    }
  });

  it('names each refused file of a batch, and keeps none of the batch', async () => {
    const before = await files();
    const res = await api()
      .post('/upload')
      .set('Authorization', `Bearer ${token}`)
      .attach('files', PNG, { filename: 'good.png', contentType: 'image/png' })
      .attach('files', Buffer.from('<html></html>'), { filename: 'bad.png', contentType: 'image/png' });
    assert.equal(res.status, 400);
    // The parser may list a batch's files in either order; the message names the refused one.
    const errors = res.body.error.details.errors as Array<{ path: string[]; message: string }>;
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.path.join('.'), /^files\.[01]$/);
    assert.match(errors[0]!.message, /bad\.png/);
    assert.equal(await files(), before);
  });
});

describe("people's records in the Content Manager", () => {
  it('are given to no staff role', async () => {
    const { personalTypes } = requireCms(ctx.distDir, 'src/staff/personal-types.js');
    const personal: Set<string> = personalTypes(ctx.strapi);
    for (const uid of ['plugin::users-permissions.user', 'api::child.child', 'api::consent.consent', 'plugin::booking.booking', 'plugin::crm.request'])
      assert.ok(personal.has(uid), uid);
    const roles = await ctx.strapi.db.query('admin::role').findMany({ where: { code: { $startsWith: 'qabilet-' } }, populate: ['permissions'] });
    assert.equal(roles.length, 5);
    for (const role of roles) {
      const granted = role.permissions.filter(
        (p: { action: string; subject: string | null }) => p.action.startsWith('plugin::content-manager.') && p.subject && personal.has(p.subject),
      );
      assert.deepEqual(
        granted.map((p: { action: string; subject: string }) => `${p.action} ${p.subject}`),
        [],
        role.code,
      );
    }
  });

  it('are audited when a super admin reads them there: who, which type, which entry, never the data', async () => {
    const user = await confirmedUser();
    const token = await adminToken();
    const admin = await ctx.strapi.db.query('admin::user').findOne({ where: { email: ctx.admin.email } });
    const events = () =>
      ctx.strapi.db
        .query('api::audit-event.audit-event')
        .findMany({ where: { actorType: 'admin', actorId: String(admin.id), action: { $startsWith: 'content-manager.' } }, orderBy: { id: 'asc' } });
    const before = (await events()).length;
    const base = '/content-manager/collection-types/plugin::users-permissions.user';
    await api().get(`${base}/${user.documentId}`).set('Authorization', `Bearer ${token}`).expect(200);
    await api()
      .get(`${base}?page=1&pageSize=10&_q=${encodeURIComponent(user.email)}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    await api().get('/content-manager/collection-types/api::news.news?page=1&pageSize=10').set('Authorization', `Bearer ${token}`).expect(200);
    // The router folds case and a trailing slash: so does the audit. A bulk read by POST is a read too.
    await api().get(`/CONTENT-MANAGER/collection-types/plugin::users-permissions.user/${user.documentId}/`).set('Authorization', `Bearer ${token}`).expect(200);
    await api()
      .post(`${base}/actions/bulkFindForValidation`)
      .set('Authorization', `Bearer ${token}`)
      .send({ documentIds: [user.documentId] })
      .expect(200);
    const logged = (await events()).slice(before);
    assert.deepEqual(
      logged.map((e: { action: string; subjectType: string }) => `${e.action} ${e.subjectType}`),
      [
        'content-manager.view plugin::users-permissions.user',
        'content-manager.list plugin::users-permissions.user',
        'content-manager.view plugin::users-permissions.user',
        'content-manager.bulkFindForValidation plugin::users-permissions.user',
      ],
    );
    assert.equal(logged[0].subjectId, user.documentId);
    assert.equal(logged[1].details.searched, true);
    assert.equal(logged[2].subjectId, user.documentId);
    assert.equal(logged[3].details.count, 1);
    assert.ok(!JSON.stringify(logged).includes(user.email), 'the search term is not logged');
  });
});
