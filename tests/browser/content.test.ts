import assert from 'node:assert/strict';
import request from 'supertest';
import type { BrowserContext, Page } from 'playwright-core';
import { ctx } from '../setup/context.ts';
import { en, kk, ru } from './messages.ts';
import { interpolate } from '@qabilet/domain';

const format = (text: string, values: Record<string, string | number>) => interpolate(text, values);

describe('site: content pages in a browser', () => {
  it('gives every page an Open Graph image that exists', async () => {
    const html = await (await fetch(`${ctx.siteUrl}/en/`)).text();
    const image = html.match(/<meta property="og:image" content="([^"]+)"/)?.[1];
    assert.ok(image, 'og:image');
    assert.equal((await fetch(`${ctx.siteUrl}${new URL(image).pathname}`)).status, 200);
  });

  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('searches and filters the professions catalogue with the keyboard alone', async () => {
    await page.goto('/en/professions/');
    const cards = page.locator('#profession-list [data-search]');
    const total = await cards.count();
    assert.ok(total >= 60);
    const search = page.getByRole('searchbox', { name: en['professions.search'] });
    await search.focus();
    await page.keyboard.type('nurse');
    await page
      .getByRole('status')
      .getByText(format(en['filter.count'], { visible: 1, total }))
      .waitFor();
    assert.equal(await page.getByRole('link', { name: 'Paediatric nurse' }).isVisible(), true);
    await search.fill('');
    await page.getByLabel(en['professions.sector']).selectOption('health');
    const health = await cards.evaluateAll((els) => els.filter((e) => !(e as HTMLElement).hidden).map((e) => e.getAttribute('data-sector')));
    assert.ok(health.length >= 7 && health.every((s) => s === 'health'));
    assert.equal(await page.getByRole('heading', { name: en['sector.digital'] }).isVisible(), false, 'empty sectors are hidden');
    await page.getByLabel(en['professions.status']).selectOption('declining');
    await page.getByRole('button', { name: en['filter.reset'] }).press('Enter');
    await page
      .getByRole('status')
      .getByText(format(en['filter.count'], { visible: total, total }))
      .waitFor();
  });

  it('leads a younger pupil from what they like to the professions of that interest type', async () => {
    await page.goto('/kk/');
    await page.getByRole('link', { name: kk['home.young'] }).click();
    await page.waitForURL('**/kk/young/');
    await page.getByRole('link', { name: kk['young.like.artistic'] }).click();
    await page.waitForURL('**/kk/professions/?riasec=artistic');
    assert.equal(await page.getByLabel(kk['professions.riasec']).inputValue(), 'artistic');
    const shown = await page.locator('#profession-list [data-search]:visible').evaluateAll((els) => els.map((e) => e.getAttribute('data-riasec')));
    assert.ok(shown.length >= 3 && shown.every((r) => r!.split(' ').includes('artistic')));
  });

  it('lists every profession without JavaScript, and shows none of the controls that need it', async () => {
    const noJs = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto('/ru/professions/');
      assert.ok((await p.locator('#profession-list [data-search]').count()) >= 60);
      assert.equal(await p.getByRole('searchbox').count(), 0);
    } finally {
      await noJs.close();
    }
  });

  it('shows a profession: icon, interest profile, demand chart as SVG with a table, where to study', async () => {
    await page.goto('/ru/professions/bank-teller/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    assert.equal(await page.locator('main svg.profession-icon[aria-hidden="true"]').count(), 1);
    assert.equal(await page.getByRole('meter').count(), 6);
    const chart = page.getByRole('img', { name: ru['profession.demand.chart'] });
    assert.equal(await chart.locator('rect.bar').count(), 11);
    await page.getByText(ru['profession.demand.table']).click();
    const table = page.getByRole('table', { name: ru['profession.demand.chart'] });
    assert.equal(await table.getByRole('row').count(), 12);
    await page.getByRole('heading', { name: ru['profession.institutions'] }).waitFor();
    assert.ok((await page.locator('main section:last-of-type li a').count()) >= 1, 'institutions that teach it');
  });

  it('pages the news and opens an article with its Open Graph tags', async () => {
    await page.goto('/kk/news/');
    assert.equal(await page.locator('.news-card').count(), 6);
    await page
      .getByRole('navigation', { name: kk['news.pagination'] })
      .getByRole('link', { name: format(kk['news.page'], { page: 2 }) })
      .click();
    await page.waitForURL('**/kk/news/page/2/');
    assert.equal(await page.locator('.news-card').count(), 2);
    await page.locator('.news-card h2 a').first().click();
    await page.waitForURL(/\/kk\/news\/[a-z0-9-]+\/$/);
    assert.equal(await page.locator('meta[property="og:type"]').getAttribute('content'), 'article');
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    // Absolute, on the site's own address (SITE_URL when it was built), a file of the build.
    const { pathname } = new URL(image ?? '');
    assert.match(pathname, /^\/_astro\/.+\.jpe?g$/);
    assert.equal((await page.request.get(pathname)).status(), 200);
    assert.ok(((await page.locator('main img').first().getAttribute('alt')) ?? '').startsWith('Демо-сурет'));
  });

  it('searches the FAQ and opens an answer with the keyboard', async () => {
    await page.goto('/en/faq/');
    const all = await page.locator('#faq-list details').count();
    assert.equal(all, 20);
    await page.getByLabel(en['faq.category']).selectOption('privacy');
    const visible = await page.locator('#faq-list details:visible').count();
    assert.ok(visible >= 2 && visible < all);
    const question = page.locator('#faq-list details:visible summary').first();
    await question.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#faq-list details:visible').first().getAttribute('open'), '');
  });

  it('filters the centres by region and shows a centre with services, rating and its map', async () => {
    await page.goto('/en/centres/');
    await page.getByLabel(en['centres.region']).selectOption('KZ-10');
    const shown = page.locator('#centre-list > li:visible');
    assert.equal(await shown.count(), 1, 'Abai Region is served by one centre');
    await shown.getByRole('link', { name: /East Kazakhstan/ }).click();
    await page.waitForURL('**/en/centres/east-kazakhstan/');
    await page.getByRole('heading', { name: en['centre.services'] }).waitFor();
    await page.getByText(en['centre.rating.none']).waitFor();
    await page.getByRole('img', { name: /Oskemen/ }).waitFor();
    assert.ok(await page.getByRole('link', { name: en['centre.book'] }).isVisible());
    // Its figures are the open statistics of the regions it serves (tests/browser/statistics.test.ts reads them).
    const figures = page.getByRole('region', { name: en['centre.figures'] });
    for (const region of ['East Kazakhstan Region', 'Abai Region']) await figures.getByRole('link', { name: `${region}: open statistics` }).waitFor();
  });

  it('renders a static page from its blocks, the accordion usable by keyboard', async () => {
    await page.goto('/ru/pages/how-it-works/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    const summary = page.locator('.accordion summary').first();
    await summary.focus();
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('.accordion details').first().getAttribute('open'), '');
  });

  it('answers unknown slugs with the localised 404', async () => {
    for (const [path, text] of [
      ['/en/professions/no-such-profession/', en],
      ['/ru/news/no-such-news/', ru],
      ['/kk/pages/no-such-page/', kk],
    ] as const) {
      const res = await page.goto(path);
      assert.equal(res?.status(), 404, path);
      await page.getByRole('heading', { level: 1, name: text['notFound.title'] }).waitFor();
    }
  });
});

describe('site: publishing in the admin rebuilds the site', function () {
  this.timeout(180_000);
  let token: string;
  before(async () => {
    ctx.strapi.config.set('site.rebuildUrl', `${ctx.siteUrl}/__rebuild`);
    ctx.strapi.config.set('site.rebuildToken', ctx.rebuildToken);
    token = (await request(ctx.cmsUrl).post('/admin/login').send(ctx.admin).expect(200)).body.data.token;
  });
  after(async () => {
    // Later tests read the built site: no rebuild may swap it under them.
    ctx.strapi.config.set('site.rebuildUrl', '');
    await ctx.siteServer!.rebuilder!.idle();
  });

  it('refuses a rebuild request without the token', async () => {
    const res = await fetch(`${ctx.siteUrl}/__rebuild`, { method: 'POST', headers: { authorization: 'Bearer wrong' } });
    assert.equal(res.status, 401);
  });

  it('shows a news item published in the admin, then takes it away when unpublished', async () => {
    const admin = (path: string) => `/content-manager/collection-types/api::news.news${path}`;
    const cover = (await request(ctx.cmsUrl).get('/api/news-items?locale=en&pagination[pageSize]=1').expect(200)).body.data[0].cover.id;
    const slug = `published-by-a-test-${Date.now()}`;
    const created = await request(ctx.cmsUrl)
      .post(admin('?locale=en'))
      .set('Authorization', `Bearer ${token}`)
      .send({
        slug,
        title: 'A test publishes this',
        summary: 'Published from the admin by a test.',
        coverAlt: 'Test cover',
        date: '2026-11-28',
        cover,
        body: [{ type: 'paragraph', children: [{ type: 'text', text: 'Hello.' }] }],
      })
      .expect(201);
    const documentId = created.body.data.documentId;
    const builds = ctx.siteServer!.rebuilder!.builds;
    await request(ctx.cmsUrl)
      .post(admin(`/${documentId}/actions/publish?locale=en`))
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    await waitForBuild(builds);
    const page = await fetch(`${ctx.siteUrl}/en/news/${slug}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /A test publishes this/);

    const built = ctx.siteServer!.rebuilder!.builds;
    await request(ctx.cmsUrl)
      .post(admin(`/${documentId}/actions/unpublish?locale=en`))
      .set('Authorization', `Bearer ${token}`)
      .send({})
      .expect(200);
    await waitForBuild(built);
    assert.equal((await fetch(`${ctx.siteUrl}/en/news/${slug}/`)).status, 404);
    ctx.strapi.config.set('site.rebuildUrl', '');
    await ctx.strapi.documents('api::news.news').delete({ documentId, locale: '*' });
  });
});

async function waitForBuild(after: number): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (ctx.siteServer!.rebuilder!.builds <= after) {
    if (Date.now() > deadline) throw new Error('the site was not rebuilt within two minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
}
