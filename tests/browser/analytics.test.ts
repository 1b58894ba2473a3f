import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { siteDir } from '../../scripts/lib/env.mjs';
import { createSiteServer } from '../../site/server.mjs';
import { ctx, CHROMIUM_ARGS } from '../setup/context.ts';
import { en, kk, ru } from './messages.ts';
import { startMatomoStandIn, type Hit, type MatomoStandIn } from './matomo-stand-in.ts';

// Web analytics (R-NFR-5): the site built once more, given as its Matomo a local stand-in
// (./matomo-stand-in.ts) that records every request the browser makes to it.

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function buildSite(outDir: string, env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], {
      cwd: siteDir,
      env: { ...process.env, CMS_URL: ctx.cmsUrl, SITE_OUT_DIR: outDir, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed:\n${output}`))));
  });
}

const listen = (server: http.Server) =>
  new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));

/** A page's CSP <meta> as directive → its sources. */
function cspOf(html: string): Map<string, Set<string>> {
  const content = html.match(/<meta http-equiv="content-security-policy" content="([^"]+)"/)?.[1];
  assert.ok(content, 'the page has a CSP meta');
  return new Map(
    content
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, new Set(sources)]),
  );
}

const page = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), 'utf8');
const sha256 = (text: string) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;
const settle = (p: Page) => p.waitForLoadState('networkidle').then(() => p.waitForTimeout(300));

describe('web analytics: Matomo only with consent, never with Do Not Track', function () {
  this.timeout(180_000);
  let tracker: MatomoStandIn;
  let trackerUrl = '';
  let site: http.Server;
  let siteUrl = '';
  let outDir = '';
  /** Requests the browser made to the tracker's origin, blocked or not. */
  let attempts: string[] = [];

  before(async () => {
    tracker = await startMatomoStandIn();
    trackerUrl = tracker.url;
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-analytics-'));
    const t = Date.now();
    await buildSite(outDir, { PUBLIC_ANALYTICS_MATOMO_URL: `${trackerUrl}/`, PUBLIC_ANALYTICS_MATOMO_SITE_ID: '3' });
    console.log(`      site built with analytics in ${Date.now() - t} ms`);
    site = createSiteServer(outDir, { api: ctx.cmsUrl });
    siteUrl = await listen(site);
  });
  after(() => {
    tracker?.close();
    site?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  let context: BrowserContext;
  beforeEach(() => {
    tracker.hits.length = 0;
    attempts = [];
  });
  afterEach(() => context?.close());

  async function open(options: { cookie?: string; axe?: boolean } = {}): Promise<Page> {
    context = await ctx.browser!.newContext({ baseURL: siteUrl });
    if (options.axe) await context.addInitScript(axeSource);
    return watch(context, options);
  }
  async function watch(c: BrowserContext, { cookie }: { cookie?: string } = {}): Promise<Page> {
    c.on('request', (request) => {
      if (request.url().startsWith(trackerUrl)) attempts.push(request.url());
    });
    // Any CSP refusal on the page is kept for the test to see.
    await c.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { cspViolations: seen });
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    if (cookie) await c.addCookies([{ name: 'qabilet-vi', value: cookie, url: siteUrl }]);
    return c.pages()[0] ?? c.newPage();
  }
  /** What the tracker heard (a function: an assertion on it does not narrow later reads). */
  const heard = (): Hit[] => tracker.hits;
  const pageViews = () => heard().filter((h) => h.path === '/matomo.php');
  async function nextPageView(count: number): Promise<Hit> {
    for (let i = 0; i < 100 && pageViews().length < count; i++) await new Promise((r) => setTimeout(r, 50));
    assert.equal(pageViews().length, count, `${count} page views reached the tracker`);
    return pageViews()[count - 1];
  }
  const violations = (p: Page) => p.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const banner = (p: Page, text: Record<string, string>) => p.getByRole('region', { name: text['analytics.title'] });

  it("leaves the pages as they were when no Matomo is configured: no banner, no script, no origin among the CSP's script, connect or img sources", () => {
    const files = fs.readdirSync(ctx.siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    assert.ok(files.length > 200);
    for (const file of files) {
      const html = page(ctx.siteDir, file);
      assert.ok(!/analytics-consent|matomo|_paq/.test(html), `${file} says nothing of analytics`);
      if (!html.includes('content-security-policy')) continue;
      // Where a tracker's origin would go, the site names none of its own.
      for (const directive of ['script-src', 'connect-src', 'img-src']) {
        const sources = [...(cspOf(html).get(directive) ?? [])];
        assert.ok(!sources.some((s) => /^https?:/.test(s)), `${file}: ${directive} names no origin`);
      }
    }
  });

  it('adds to the CSP the tracker origin (script, connect, img) and the banner hashes, nothing else; none of it on the cabinet', () => {
    for (const file of ['en/index.html', 'kk/centres/almaty/index.html', 'ru/professions/index.html']) {
      const html = page(outDir, file);
      const plain = cspOf(page(ctx.siteDir, file));
      const configured = cspOf(html);
      const script = html.match(/<\/section><script>([\s\S]*?)<\/script>/)?.[1];
      const style = html.match(/<style>([^<]*\.analytics-consent \{[^<]*)<\/style>/)?.[1];
      assert.ok(script && style, `${file} carries the banner's script and style`);
      const added: Record<string, string[]> = {};
      for (const [directive, sources] of configured) {
        const extra = [...sources].filter((s) => !plain.get(directive)?.has(s));
        if (extra.length) added[directive] = extra.sort();
        assert.ok(
          [...(plain.get(directive) ?? [])].every((s) => sources.has(s)),
          `${file}: ${directive} keeps its sources`,
        );
      }
      assert.deepEqual(added, {
        'script-src': [trackerUrl, sha256(script)].sort(),
        'style-src': [sha256(style)],
        'connect-src': [trackerUrl],
        'img-src': [trackerUrl],
      });
      assert.deepEqual([...configured.keys()].sort(), [...plain.keys()].sort());
    }
    for (const file of ['en/account/index.html', 'kk/account/login/index.html', 'ru/account/bookings/index.html']) {
      const html = page(outDir, file);
      assert.ok(!/analytics-consent|matomo|_paq/.test(html), `${file} says nothing of analytics`);
      assert.deepEqual(cspOf(html), cspOf(page(ctx.siteDir, file)), `${file}: the CSP of a site without analytics`);
    }
  });

  it('sends nothing before consent; after "Allow" one page view per page, without cookies, query or personal data', async () => {
    const p = await open();
    await p.goto('/en/centres/almaty/?from=mail&token=secret#hours');
    await banner(p, en).waitFor();
    await p.getByRole('button', { name: en['analytics.accept'], exact: true }).waitFor();
    await settle(p);
    // On by a link, so that the next page has a referrer (this page's address, query and all).
    await p.getByRole('navigation', { name: en['nav.label'] }).getByRole('link', { name: en['nav.professions'] }).click();
    await p.waitForURL('**/en/professions/');
    assert.match(await p.evaluate(() => document.referrer), /token=secret/);
    await banner(p, en).waitFor();
    await settle(p);
    assert.deepEqual(attempts, [], 'the browser asked the tracker for nothing');
    assert.deepEqual(heard(), [], 'the tracker heard nothing');

    await p.getByRole('button', { name: en['analytics.accept'], exact: true }).click();
    const view = await nextPageView(1);
    assert.equal(view.method, 'POST');
    assert.equal(view.params.get('idsite'), '3');
    assert.equal(view.params.get('url'), `${siteUrl}/en/professions/`);
    assert.equal(view.params.get('urlref'), `${siteUrl}/en/centres/almaty/`, 'the previous page, without its query');
    assert.equal(view.cookie, undefined);
    const calls = view.params.get('_cmds')!.split(',');
    for (const call of ['disableCookies', 'disableBrowserFeatureDetection', 'setCustomUrl', 'trackPageView']) assert.ok(calls.includes(call), call);
    assert.ok(!calls.includes('setUserId'));
    assert.ok(await banner(p, en).isHidden());
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'main', 'focus goes on to the page');
    assert.equal(await p.locator('#analytics-status').textContent(), en['analytics.saved.granted']);

    // Remembered: the next page counts itself, with the query of its address left out.
    await p.goto('/en/news/?utm_source=newsletter&email=a%40b.kz');
    const next = await nextPageView(2);
    assert.equal(next.params.get('url'), `${siteUrl}/en/news/`);
    assert.ok(await banner(p, en).isHidden());
    assert.deepEqual(await violations(p), []);
    assert.deepEqual(await context.cookies(), [], 'no cookie in the browser');
    assert.ok(heard().every((h) => h.cookie === undefined));

    // The cabinet is never counted, whatever the choice.
    await p.goto('/en/account/login/');
    await settle(p);
    assert.equal(pageViews().length, 2);
    assert.equal(await p.locator('#analytics-consent, #analytics-settings').count(), 0);
  });

  it('sends nothing after "Decline" (chosen with the keyboard); the footer link changes the choice either way', async () => {
    const p = await open();
    await p.goto('/ru/');
    await banner(p, ru).waitFor();
    // Right after the skip link: Allow, then Decline, equally easy to reach.
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), ru['analytics.accept']);
    await p.keyboard.press('Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.textContent), ru['analytics.decline']);
    await p.keyboard.press('Enter');
    await banner(p, ru).waitFor({ state: 'hidden' });
    await settle(p);
    await p.goto('/ru/centres/');
    await settle(p);
    assert.ok(await banner(p, ru).isHidden(), 'the choice is remembered');
    assert.deepEqual(attempts, []);
    assert.deepEqual(heard(), []);

    const settings = p.getByRole('button', { name: ru['analytics.settings'], exact: true });
    await settings.focus();
    await p.keyboard.press('Enter');
    await banner(p, ru).getByText(ru['analytics.denied']).waitFor();
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'analytics-consent-title', 'focus moves to the banner');
    await banner(p, ru).getByRole('button', { name: ru['analytics.accept'], exact: true }).click();
    const view = await nextPageView(1);
    assert.equal(view.params.get('url'), `${siteUrl}/ru/centres/`);
    assert.equal(await p.evaluate(() => document.activeElement?.id), 'analytics-settings', 'focus comes back to the footer link');
    assert.equal(await p.locator('#analytics-status').textContent(), ru['analytics.saved.granted']);

    // And back: declined again from the footer, the next page sends nothing.
    await settings.click();
    await banner(p, ru).getByText(ru['analytics.granted']).waitFor();
    await banner(p, ru).getByRole('button', { name: ru['analytics.decline'], exact: true }).click();
    await p.goto('/ru/news/');
    await settle(p);
    assert.equal(pageViews().length, 1);
    // Escape closes the banner opened from the footer.
    await settings.click();
    await banner(p, ru).waitFor();
    await p.keyboard.press('Escape');
    await banner(p, ru).waitFor({ state: 'hidden' });
  });

  it('never loads the tracker with Do Not Track on, even after an earlier "Allow", and says why', async () => {
    // The browser's own Do Not Track setting, as a person switches it on in Chromium's settings.
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-dnt-'));
    fs.mkdirSync(path.join(profile, 'Default'));
    fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ enable_do_not_track: true }));
    try {
      context = await chromium.launchPersistentContext(profile, { executablePath, args: CHROMIUM_ARGS, baseURL: siteUrl });
      const p = await watch(context);
      await p.goto('/kk/');
      assert.equal(await p.evaluate(() => navigator.doNotTrack), '1');
      await p.evaluate(() => localStorage.setItem('qabilet-analytics', 'granted'));
      await p.goto('/kk/centres/');
      await settle(p);
      assert.ok(await banner(p, kk).isHidden(), 'no banner');
      assert.deepEqual(attempts, []);
      assert.deepEqual(heard(), []);
      await p.getByRole('button', { name: kk['analytics.settings'], exact: true }).click();
      await banner(p, kk).getByText(kk['analytics.refused']).waitFor();
      assert.equal(await banner(p, kk).getByRole('button', { name: kk['analytics.accept'], exact: true }).count(), 0, 'nothing to allow');
      await banner(p, kk).getByRole('button', { name: kk['analytics.close'], exact: true }).click();
      await settle(p);
      assert.deepEqual(heard(), []);
    } finally {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  });

  it('never loads the tracker with Global Privacy Control on', async () => {
    context = await ctx.browser!.newContext({ baseURL: siteUrl });
    // Chromium has no GPC switch of its own; browsers that have one (Firefox, Brave) expose this.
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
    const p = await watch(context);
    await p.addInitScript(() => localStorage.setItem('qabilet-analytics', 'granted'));
    await p.goto('/en/');
    await settle(p);
    assert.ok(await banner(p, en).isHidden());
    assert.deepEqual(attempts, []);
    assert.deepEqual(heard(), []);
  });

  for (const [mode, cookie] of [
    ['standard', undefined],
    ['visually impaired (200%, white on black, no images)', 'size-200.theme-wb.images-off'],
    ['visually impaired (150%, dark blue on light blue)', 'size-150.theme-blue'],
  ] as const) {
    it(`has a banner that axe finds no WCAG 2.2 AA fault in, ${mode}`, async () => {
      const p = await open({ cookie, axe: true });
      for (const locale of ['kk', 'ru', 'en'] as const) {
        const text = { kk, ru, en }[locale];
        await p.goto(`/${locale}/`);
        await banner(p, text).waitFor();
        const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        assert.ok(overflow <= 0, `${locale}: the banner fits the width (${overflow}px over)`);
        const check = async (state: string) => {
          const results = (await p.evaluate(
            (tags) =>
              (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<AxeResults> } }).axe.run(document, {
                runOnly: { type: 'tag', values: tags },
              }),
            TAGS,
          )) as AxeResults;
          const found = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          assert.deepEqual(found, [], `${locale}, ${state}`);
        };
        await check('asking');
        await p.getByRole('button', { name: text['analytics.decline'], exact: true }).click();
        await p.getByRole('button', { name: text['analytics.settings'], exact: true }).click();
        await banner(p, text).getByText(text['analytics.denied']).waitFor();
        await check('opened from the footer');
        await p.evaluate(() => localStorage.clear());
      }
      assert.deepEqual(heard(), []);
    });
  }
});
