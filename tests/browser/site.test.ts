import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { ctx } from '../setup/context.ts';
import { en, kk, ru } from './messages.ts';

describe('site in a browser', () => {
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('leads from / to the Kazakh home page', async () => {
    await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/kk/');
    assert.equal(await page.getAttribute('html', 'lang'), 'kk');
    await page.getByRole('heading', { level: 1, name: kk['home.title'] }).waitFor();
    await page.getByRole('navigation', { name: kk['nav.label'] }).waitFor();
  });

  it('renders /ru/ and /en/ in their language, and the switcher keeps the page', async () => {
    await page.goto('/ru/centres/');
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    await page.getByRole('heading', { level: 1, name: ru['centres.title'] }).waitFor();
    await page.getByRole('navigation', { name: ru['lang.label'] }).getByRole('link', { name: 'English' }).click();
    await page.waitForURL('**/en/centres/');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.getByRole('heading', { level: 1, name: en['centres.title'] }).waitFor();
    const current = page.getByRole('navigation', { name: en['lang.label'] }).getByRole('link', { name: 'English' });
    assert.equal(await current.getAttribute('aria-current'), 'page');
  });

  it('lists 17 centres and shows one with its gallery, hours and demo notice', async () => {
    await page.goto('/en/centres/');
    const cards = page.locator('main .card h2 a');
    assert.equal(await cards.count(), 17);
    await page.getByRole('link', { name: 'Qabilet Regional Centre, East Kazakhstan Region' }).click();
    await page.waitForURL('**/en/centres/east-kazakhstan/');
    await page.getByText(en['centre.demo']).waitFor();
    await page.getByRole('heading', { name: en['centre.gallery'] }).waitFor();
    const images = page.locator('.gallery img');
    assert.equal(await images.count(), 2);
    for (const alt of await images.evaluateAll((imgs) => imgs.map((i) => i.getAttribute('alt') ?? ''))) assert.ok(alt.length > 20, alt);
    const src = await images.first().getAttribute('src');
    assert.ok(src?.startsWith('/_astro/'), `image is part of the static build (${src})`);
    const table = page.getByRole('table', { name: en['centre.hours'] });
    await table.getByRole('rowheader', { name: en['day.mon'] }).waitFor();
    await page.getByText('Abai Region').first().waitFor();
  });

  it('answers an unknown locale and an unknown page with a localised 404', async () => {
    const unknownLocale = await page.goto('/xx/');
    assert.equal(unknownLocale?.status(), 404);
    await page.getByRole('heading', { level: 1, name: kk['notFound.title'] }).waitFor();
    const unknownRu = await page.goto('/ru/no-such-page/');
    assert.equal(unknownRu?.status(), 404);
    assert.equal(await page.getAttribute('html', 'lang'), 'ru');
    await page.getByRole('heading', { level: 1, name: ru['notFound.title'] }).waitFor();
  });

  it('starts keyboard navigation with the skip link, which moves focus to main', async () => {
    await page.goto('/kk/');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.textContent(), kk['skip.toMain']);
    assert.ok(await focused.isVisible());
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'main');
  });

  it('keeps the visually-impaired settings across pages, and resets them', async () => {
    await page.goto('/en/');
    await page.getByText(en['vi.toggle']).click();
    await page.getByRole('radio', { name: en['vi.size.200'] }).check();
    await page.getByRole('radio', { name: en['vi.theme.wb'] }).check();
    await page.getByRole('radio', { name: en['vi.images.off'] }).check();
    await page.getByRole('button', { name: en['vi.apply'] }).click();
    await page.waitForURL('**/en/');
    await page.goto('/en/centres/almaty/');
    const state = await page.evaluate(() => ({
      size: getComputedStyle(document.documentElement).fontSize,
      background: getComputedStyle(document.body).backgroundColor,
      image: getComputedStyle(document.querySelector('.gallery img')!).display,
    }));
    assert.deepEqual(state, { size: '32px', background: 'rgb(0, 0, 0)', image: 'none' });
    // The panel starts closed on each page; opened, it shows the saved choice.
    await page.getByText(en['vi.toggle']).click();
    assert.equal(await page.getByRole('radio', { name: en['vi.theme.wb'] }).isChecked(), true);
    assert.equal(await page.getByRole('radio', { name: en['vi.theme.default'] }).isChecked(), false);
    await page.getByRole('button', { name: en['vi.reset'] }).click();
    await page.waitForURL('**/en/centres/almaty/');
    assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), '16px');
  });

  it('applies and keeps the visually-impaired settings without JavaScript too', async () => {
    const noJs = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto('/kk/');
      await p.getByText(kk['vi.toggle']).click();
      await p.getByRole('radio', { name: kk['vi.size.150'] }).check();
      assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px', 'previewed at once');
      await p.getByRole('button', { name: kk['vi.apply'] }).click();
      await p.waitForURL('**/kk/');
      await p.goto('/kk/professions/');
      assert.equal(await p.evaluate(() => getComputedStyle(document.documentElement).fontSize), '24px', 'kept on the next page');
    } finally {
      await noJs.close();
    }
  });

  it('ignores a forged settings cookie and never redirects off the site', async () => {
    const res = await page.request.get('/vi/?vi-size=999&return=https://evil.example/', { maxRedirects: 0 });
    assert.equal(res.status(), 303);
    assert.equal(res.headers()['location'], '/kk/');
    assert.match(res.headers()['set-cookie'] ?? '', /qabilet-vi=;/);
    await context.addCookies([{ name: 'qabilet-vi', value: 'size-"><script>x</script>', url: ctx.siteUrl }]);
    const html = await (await page.request.get('/en/')).text();
    assert.ok(!html.includes('<script>x'), 'the cookie never reaches the page');
    assert.match(html, /<html lang="en"/);
  });

  it('honours the device asking for more contrast', async () => {
    const contrast = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, contrast: 'more' });
    try {
      const p = await contrast.newPage();
      await p.goto('/en/centres/');
      const colour = await p.evaluate(() => getComputedStyle(document.querySelector('.muted')!).color);
      assert.equal(colour, 'rgb(27, 31, 36)');
    } finally {
      await contrast.close();
    }
  });

  it('loads no JavaScript on content pages; only the account pages, the booking forms, the searchable lists and the map have islands', async () => {
    const files = fs.readdirSync(ctx.siteDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    const interactive = /^(kk|ru|en)\/(account(\/.*)?|professions|institutions|faq|centres|centres\/[^/]+\/book|map)\/index\.html$/;
    let content = 0;
    for (const file of files) {
      const html = fs.readFileSync(path.join(ctx.siteDir, file), 'utf8');
      const scripts = [...html.matchAll(/<script\b[^>]*>/g)];
      if (interactive.test(file.split(path.sep).join('/'))) continue;
      content += 1;
      assert.equal(scripts.length, 0, `${file} has a script`);
    }
    assert.ok(content > 200, `${content} content pages`);
    assert.ok(!fs.existsSync(path.join(ctx.siteDir, 'vi-mode.js')));
  });

  it('publishes a sitemap of every page in every locale, with hreflang alternates', async () => {
    const res = await page.request.get('/sitemap.xml');
    assert.equal(res.status(), 200);
    const xml = await res.text();
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
    for (const locale of ['kk', 'ru', 'en']) {
      for (const p of [
        '',
        'centres/almaty/',
        'pages/accessibility/',
        'professions/',
        'professions/bank-teller/',
        'news/',
        'news/page/2/',
        'faq/',
        'institutions/',
        'map/',
        'account/register/',
      ]) {
        assert.ok(locs.includes(`/${locale}/${p}`), `${locale}/${p}`);
      }
      assert.ok(!locs.some((l) => l.includes('/404/') || l.includes('reset-password')));
    }
    assert.equal(new Set(locs).size, locs.length);
    assert.match(xml, /<xhtml:link rel="alternate" hreflang="ru" href="[^"]+\/ru\/professions\/bank-teller\/"\/>/);
  });
});

describe('site: the page a confirmation mail leads to', () => {
  it('says in each language that the address is confirmed', async () => {
    const context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    try {
      const page = await context.newPage();
      for (const [locale, text] of [
        ['kk', kk],
        ['ru', ru],
        ['en', en],
      ] as const) {
        const res = await page.goto(`/${locale}/account/confirmed/`);
        assert.equal(res?.status(), 200);
        await page.getByRole('heading', { level: 1, name: text['account.confirmed.title'] }).waitFor();
      }
    } finally {
      await context.close();
    }
  });
});
