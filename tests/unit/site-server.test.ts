import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRebuilder } from '../../site/rebuild.mjs';
import { applyViPreferences, readViCookie, viCookieFromQuery } from '../../site/vi-preferences.mjs';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('site server: rebuilding on publish', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-rebuild-'));
    fs.mkdirSync(path.join(dir, 'dist'));
    fs.writeFileSync(path.join(dir, 'dist', 'index.html'), 'old');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A stand-in for astro build that writes a page and takes `ms`, counting its runs. */
  const fakeBuild = (ms: number, runs: string[]) => async (outDir: string) => {
    runs.push(outDir);
    await wait(ms);
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, 'index.html'), `build ${runs.length}`);
  };

  it('makes one build of many changes close together, and swaps it in', async () => {
    const runs: string[] = [];
    const rebuilder = createRebuilder({ outDir: path.join(dir, 'dist'), cmsUrl: 'http://cms.invalid', delayMs: 50, log: () => {}, build: fakeBuild(10, runs) });
    for (let i = 0; i < 5; i++) {
      rebuilder.schedule();
      await wait(10);
    }
    await wait(80);
    await rebuilder.idle();
    assert.equal(runs.length, 1);
    assert.equal(runs[0], path.join(dir, 'dist.next'), 'built aside');
    assert.equal(fs.readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8'), 'build 1');
    assert.ok(!fs.existsSync(path.join(dir, 'dist.next')) && !fs.existsSync(path.join(dir, 'dist.old')));
  });

  it('runs one more build for a change made during a build, never two at once', async () => {
    const runs: string[] = [];
    const rebuilder = createRebuilder({
      outDir: path.join(dir, 'dist'),
      cmsUrl: 'http://cms.invalid',
      delayMs: 10,
      log: () => {},
      build: fakeBuild(100, runs),
    });
    rebuilder.schedule();
    await wait(40); // the first build is running
    rebuilder.schedule();
    await wait(20);
    rebuilder.schedule();
    await wait(20);
    await rebuilder.idle();
    assert.equal(runs.length, 2);
    assert.equal(rebuilder.builds, 2);
  });

  it('keeps the site online when a build fails', async () => {
    const lines: string[] = [];
    const rebuilder = createRebuilder({
      outDir: path.join(dir, 'dist'),
      cmsUrl: 'http://cms.invalid',
      delayMs: 10,
      log: (l) => lines.push(l),
      build: async () => {
        throw new Error('CMS down');
      },
    });
    rebuilder.schedule();
    await wait(30);
    await rebuilder.idle();
    assert.equal(fs.readFileSync(path.join(dir, 'dist', 'index.html'), 'utf8'), 'old');
    assert.match(lines.join('\n'), /failed, the previous build stays online: CMS down/);
  });
});

describe('site server: the visually-impaired settings cookie', () => {
  it('keeps only known settings with known values', () => {
    assert.deepEqual(readViCookie('a=1; qabilet-vi=size-200.theme-wb.images-off; b=2'), { size: '200', theme: 'wb', images: 'off' });
    assert.deepEqual(readViCookie('qabilet-vi=size-999.theme-"x".evil-1'), {});
    assert.deepEqual(readViCookie(undefined), {});
  });

  it('writes the cookie from the form, and clears it on reset', () => {
    const chosen = viCookieFromQuery(new URLSearchParams('vi-size=150&vi-theme=blue&vi-images=default'));
    assert.match(chosen, /^qabilet-vi=size-150\.theme-blue; Path=\/; Max-Age=\d+; SameSite=Lax$/);
    assert.match(viCookieFromQuery(new URLSearchParams('vi-size=150&vi-reset=1')), /^qabilet-vi=; Path=\/; Max-Age=0;/);
  });

  it('marks the page and checks the chosen options in the panel', () => {
    const html =
      '<html lang="kk"><input type="radio" name="vi-size" value="default" checked><input type="radio" name="vi-size" value="150"><input type="radio" name="vi-theme" value="default" checked>';
    const out = applyViPreferences(html, { size: '150' });
    assert.match(out, /^<html data-vi-size="150" lang="kk">/);
    assert.match(out, /name="vi-size" value="default">/);
    assert.match(out, /name="vi-size" value="150" checked>/);
    assert.match(out, /name="vi-theme" value="default" checked>/, 'other groups untouched');
    assert.equal(applyViPreferences(html, {}), html);
  });
});
