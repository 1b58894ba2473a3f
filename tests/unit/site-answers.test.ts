import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { precompress } from '../../site/integrations/precompress.mjs';
import { createKeptBodies, negotiateEncoding } from '../../site/kept-bodies.mjs';
import { createSiteServer } from '../../site/server.mjs';
import { applyViPreferences } from '../../site/vi-preferences.mjs';
import { decoded, get, listen, writeBuild } from './site-build.ts';

describe('site build: precompressed copies', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-precompress-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a .br and a .gz of each compressible file that decompress to it, and none where they would not be smaller', async () => {
    await writeBuild(dir, 'Build');
    const page = path.join(dir, 'kk', 'index.html');
    assert.deepEqual(zlib.brotliDecompressSync(fs.readFileSync(`${page}.br`)), fs.readFileSync(page));
    assert.deepEqual(zlib.gunzipSync(fs.readFileSync(`${page}.gz`)), fs.readFileSync(page));
    assert.ok(fs.statSync(`${page}.br`).size < fs.statSync(page).size / 3);
    assert.ok(fs.existsSync(path.join(dir, 'sitemap.xml.gz')) && fs.existsSync(path.join(dir, 'sitemap.xml.br')));
    assert.ok(!fs.existsSync(path.join(dir, 'logo.png.gz')), 'images are not compressed again');
    assert.ok(!fs.existsSync(path.join(dir, 'robots.txt.gz')) && !fs.existsSync(path.join(dir, 'robots.txt.br')), 'one byte gains nothing');
  });

  it('removes an old copy that would no longer be smaller', async () => {
    fs.writeFileSync(path.join(dir, 'robots.txt'), 'a');
    fs.writeFileSync(path.join(dir, 'robots.txt.gz'), zlib.gzipSync('an older, longer robots.txt'));
    await precompress(dir);
    assert.ok(!fs.existsSync(path.join(dir, 'robots.txt.gz')));
  });
});

describe('site server: answers without compressing or reading per request', () => {
  let tmp: string;
  let dist: string;
  let server: http.Server & { rebuilder?: { idle(): Promise<void>; builds: number } };
  let base: string;
  const token = 'a-test-rebuild-token';
  const developer = '/kk/professions/software-developer/';
  const settings = 'qabilet-vi=size-200.theme-wb';

  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-answers-'));
    dist = path.join(tmp, 'dist');
    await writeBuild(dist, 'First build');
    server = createSiteServer(dist, {
      api: 'http://127.0.0.1:9',
      rebuild: { token, delayMs: 10, build: (outDir: string) => writeBuild(outDir, 'Second build') },
    }) as typeof server;
    base = await listen(server);
  });
  afterEach(() => {
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('sends the build’s brotli, gzip or plain page as Accept-Encoding asks', async () => {
    const built = path.join(dist, 'kk', 'professions', 'software-developer', 'index.html');
    for (const [accept, encoding] of [
      ['gzip, deflate, br', 'br'],
      ['gzip', 'gzip'],
      ['br;q=0.5, gzip', 'gzip'],
      ['identity', undefined],
      ['br;q=0, gzip;q=0', undefined],
      ['', undefined],
    ] as const) {
      const res = await get(base, developer, accept ? { 'Accept-Encoding': accept } : {});
      assert.equal(res.status, 200, accept);
      assert.equal(res.headers['content-encoding'], encoding, accept);
      assert.equal(res.headers['vary'], 'Cookie, Accept-Encoding');
      assert.equal(res.headers['cache-control'], 'no-cache');
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(Number(res.headers['content-length']), res.body.length);
      assert.equal(decoded(res), fs.readFileSync(built, 'utf8'), accept);
      if (encoding) assert.deepEqual(res.body, fs.readFileSync(`${built}.${encoding === 'br' ? 'br' : 'gz'}`), 'the build’s own copy');
    }
  });

  it('keeps what it sent: a copy changed on disk afterwards is not read again', async () => {
    const first = await get(base, '/kk/', { 'Accept-Encoding': 'br' });
    // Same age as the page, so only reading it again could send it.
    fs.writeFileSync(path.join(dist, 'kk', 'index.html.br'), zlib.brotliCompressSync('not this'));
    const again = await get(base, '/kk/', { 'Accept-Encoding': 'br' });
    assert.deepEqual(again.body, first.body);
    assert.match(decoded(again), /First build kk/);
  });

  it('sends the page with the visitor’s settings applied, in each encoding', async () => {
    const built = fs.readFileSync(path.join(dist, 'kk', 'professions', 'software-developer', 'index.html'), 'utf8');
    const expected = applyViPreferences(built, { size: '200', theme: 'wb' });
    assert.notEqual(expected, built);
    for (const accept of ['br', 'gzip', 'identity']) {
      const res = await get(base, developer, { 'Accept-Encoding': accept, Cookie: 'a=1; qabilet-vi=theme-wb.size-200' });
      assert.equal(res.status, 200);
      assert.equal(decoded(res), expected, accept);
      assert.match(decoded(res), /<html data-vi-size="200" data-vi-theme="wb" lang="kk">/);
      assert.match(decoded(res), /name="vi-theme" value="wb" checked>/);
      // Twice: the second from memory, the same bytes.
      assert.deepEqual((await get(base, developer, { 'Accept-Encoding': accept, Cookie: settings })).body, res.body);
    }
    const plain = await get(base, developer, { 'Accept-Encoding': 'br' });
    assert.equal(decoded(plain), built, 'the settings of one visitor are not sent to another');
  });

  it('answers 304 to a page asked again with its ETag, and 200 when the settings or the encoding differ', async () => {
    const first = await get(base, developer, { 'Accept-Encoding': 'br' });
    const etag = String(first.headers['etag']);
    assert.match(etag, /^"[^"]+"$/);
    const again = await get(base, developer, { 'Accept-Encoding': 'br', 'If-None-Match': etag });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal((await get(base, developer, { 'Accept-Encoding': 'br', 'If-None-Match': etag, Cookie: settings })).status, 200);
    assert.equal((await get(base, developer, { 'Accept-Encoding': 'gzip', 'If-None-Match': etag })).status, 200);
  });

  it('keeps the 404 page of the locale, the redirects and the plain files', async () => {
    const missing = await get(base, '/kk/no-such-page/', { 'Accept-Encoding': 'br' });
    assert.equal(missing.status, 404);
    assert.match(decoded(missing), /Табылмады/);
    assert.equal(missing.headers['etag'], undefined);
    assert.equal((await get(base, '/')).headers['location'], '/kk/');
    const noSlash = await get(base, '/kk/professions/software-developer?x=1');
    assert.equal(noSlash.status, 301);
    assert.equal(noSlash.headers['location'], '/kk/professions/software-developer/?x=1');
    const sitemap = await get(base, '/sitemap.xml', { 'Accept-Encoding': 'gzip' });
    assert.equal(sitemap.headers['content-encoding'], 'gzip');
    assert.equal(sitemap.headers['vary'], 'Accept-Encoding');
    assert.equal(decoded(sitemap), fs.readFileSync(path.join(dist, 'sitemap.xml'), 'utf8'));
    const robots = await get(base, '/robots.txt', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(robots.headers['content-encoding'], undefined, 'too small to compress');
    assert.equal(robots.body.toString(), 'a');
    const logo = await get(base, '/logo.png', { 'Accept-Encoding': 'br, gzip' });
    assert.equal(logo.headers['content-type'], 'image/png');
    assert.deepEqual(logo.body, fs.readFileSync(path.join(dist, 'logo.png')));
  });

  it('sends the new page after a rebuild on publish, with and without settings', async () => {
    const asks: Record<string, string>[] = [{ 'Accept-Encoding': 'br' }, { 'Accept-Encoding': 'gzip' }, {}, { 'Accept-Encoding': 'br', Cookie: settings }];
    for (const headers of asks) {
      assert.match(decoded(await get(base, developer, headers)), /First build developer/);
    }
    const asked = await fetch(`${base}/__rebuild`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } });
    assert.equal(asked.status, 202);
    await new Promise((r) => setTimeout(r, 50));
    await server.rebuilder!.idle();
    assert.equal(server.rebuilder!.builds, 1);
    for (const headers of asks) {
      const page = decoded(await get(base, developer, headers));
      assert.match(page, /Second build developer/, JSON.stringify(headers));
      assert.doesNotMatch(page, /First build/);
    }
  });

  it('sends the new page when a build is swapped in behind its back (a new build of the same size)', async () => {
    const kept = await get(base, developer, { 'Accept-Encoding': 'br', Cookie: settings });
    assert.match(decoded(kept), /First build developer/);
    await get(base, developer, { 'Accept-Encoding': 'gzip' });
    // Another build, written aside and renamed into place as a deployment would: same sizes, new files.
    await writeBuild(`${dist}.next`, 'Other build');
    fs.renameSync(dist, `${dist}.old`);
    fs.renameSync(`${dist}.next`, dist);
    const withSettings = decoded(await get(base, developer, { 'Accept-Encoding': 'br', Cookie: settings }));
    assert.match(withSettings, /Other build developer/);
    assert.match(withSettings, /data-vi-size="200"/);
    assert.match(decoded(await get(base, developer, { 'Accept-Encoding': 'gzip' })), /Other build developer/);
  });
});

describe('site server: the answers kept in memory', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-kept-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps at most its bytes, dropping the least recently used', async () => {
    const bodies = createKeptBodies({ maxBytes: 2500 });
    const files = ['a', 'b', 'c'].map((name) => {
      const file = path.join(dir, `${name}.txt`);
      fs.writeFileSync(file, name.repeat(1000));
      return { file, stat: fs.statSync(file) };
    });
    const get = ({ file, stat }: { file: string; stat: fs.Stats }) => bodies.get(file, stat, 'identity');
    await get(files[0]);
    await get(files[1]);
    assert.ok(!(get(files[0]) instanceof Promise), 'a is kept');
    await get(files[2]);
    assert.equal(bodies.size, 2);
    assert.ok(bodies.bytes <= 2500);
    assert.ok(!(get(files[0]) instanceof Promise), 'a, used since, is still kept');
    assert.ok(get(files[1]) instanceof Promise, 'b, the least recently used, was dropped');
  });

  it('chooses the encoding by the q values, brotli first on a tie', () => {
    assert.equal(negotiateEncoding('gzip, deflate, br, zstd'), 'br');
    assert.equal(negotiateEncoding('gzip;q=1.0, br;q=0.8'), 'gzip');
    assert.equal(negotiateEncoding('*'), 'br');
    assert.equal(negotiateEncoding('*;q=0, identity'), 'identity');
    assert.equal(negotiateEncoding('deflate'), 'identity');
    assert.equal(negotiateEncoding(undefined), 'identity');
  });
});
