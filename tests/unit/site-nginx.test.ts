import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { startNginx } from '../../bench/nginx.mjs';
import { createSiteServer } from '../../site/server.mjs';
import { decoded, get, listen, writeBuild } from './site-build.ts';

// site/nginx.conf as compose runs it, on a local nginx (skipped where none is installed).
describe('nginx.conf: pages from the build, pages with settings from the site server', function () {
  let tmp: string;
  let dist: string;
  let server: http.Server;
  let nginx: { url: string; stop(): Promise<void> } | undefined;
  const developer = '/kk/professions/software-developer/';

  before(async function () {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-nginx-test-'));
    dist = path.join(tmp, 'dist');
    await writeBuild(dist, 'Built');
    server = createSiteServer(dist, {});
    const site = await listen(server);
    nginx = await startNginx(dist, Number(new URL(site).port));
    if (!nginx) this.skip();
  });
  after(async () => {
    await nginx?.stop();
    server?.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('sends a page without the settings cookie from the build’s .gz, as the site server would say it', async () => {
    const res = await get(nginx!.url, developer, { 'Accept-Encoding': 'gzip' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-encoding'], 'gzip');
    assert.deepEqual(res.body, fs.readFileSync(path.join(dist, 'kk', 'professions', 'software-developer', 'index.html.gz')));
    assert.ok(res.headers['last-modified'], 'a file nginx sent itself');
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(res.headers['cache-control'], 'no-cache');
    assert.match(String(res.headers['vary']), /Accept-Encoding/);
    assert.match(String(res.headers['vary']), /Cookie/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    const plain = await get(nginx!.url, developer, { Cookie: 'qabilet-vi=' });
    assert.equal(
      decoded(plain),
      fs.readFileSync(path.join(dist, 'kk', 'professions', 'software-developer', 'index.html'), 'utf8'),
      'an empty cookie is no settings',
    );
  });

  it('passes a page asked with settings, and the settings’ form, to the site server', async () => {
    const res = await get(nginx!.url, developer, { 'Accept-Encoding': 'gzip', Cookie: 'a=1; qabilet-vi=size-200' });
    assert.equal(res.status, 200);
    assert.equal(res.headers['last-modified'], undefined, 'not a file nginx sent itself');
    assert.match(decoded(res), /<html data-vi-size="200" lang="kk">/);
    const form = await get(nginx!.url, '/vi/?vi-size=150&return=/kk/');
    assert.equal(form.status, 303);
    assert.equal(form.headers['location'], '/kk/');
    assert.match(String(form.headers['set-cookie']), /^qabilet-vi=size-150;/);
  });

  it('leads / to /kk/, adds the slash, answers each locale’s 404 page, and keeps /__rebuild closed', async () => {
    const home = await get(nginx!.url, '/');
    assert.equal(home.status, 302);
    assert.equal(home.headers['location'], '/kk/');
    const noSlash = await get(nginx!.url, '/kk/professions/software-developer?x=1');
    assert.equal(noSlash.status, 301);
    assert.equal(noSlash.headers['location'], '/kk/professions/software-developer/?x=1');
    const ru = await get(nginx!.url, '/ru/no-such-page/');
    assert.equal(ru.status, 404);
    assert.match(decoded(ru), /Не найдено/);
    assert.equal(ru.headers['cache-control'], 'no-cache');
    const unknown = await get(nginx!.url, '/xx/');
    assert.equal(unknown.status, 404);
    assert.equal(decoded(unknown), fs.readFileSync(path.join(dist, '404.html'), 'utf8'));
    const rebuild = await new Promise<number>((resolve, reject) =>
      http
        .request(`${nginx!.url}/__rebuild`, { method: 'POST' }, (res) => resolve(res.resume().statusCode ?? 0))
        .on('error', reject)
        .end(),
    );
    assert.equal(rebuild, 404);
  });
});
