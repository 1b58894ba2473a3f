/**
 * The site's open statistics (issue 19): after a snapshot the CMS asks the site to rebuild, and the
 * map, the statistics pages and the open data show the published figures — "fewer than 5" for a
 * hidden one, never 0; charts as static SVG in figures with their tables; no script on the
 * statistics pages; downloads of the right types; keyboard and axe.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { OpenStatistics } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { insertMonthly, openService, removeMonthly } from '../api/open-stats-helpers.ts';
import { en, kk, ru } from './messages.ts';

const YEAR = 2017;
const consultation = 'booking.consultation.completed';
const period = YEAR * 100 + 4;

describe('site: open statistics', function () {
  this.timeout(180_000);
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    await removeMonthly();
    await insertMonthly([
      // Astana: 30 online and 40 at a centre at 12–15, 12 at a centre at 16–18; 8 tests.
      { period, metric: consultation, value: 'age-12-15|online', region: 'KZ-71', n: 30 },
      { period, metric: consultation, value: 'age-12-15|offline', region: 'KZ-71', n: 40 },
      { period, metric: consultation, value: 'age-16-18|offline', region: 'KZ-71', n: 12 },
      { period, metric: 'test', value: 'age-16-18|online', region: 'KZ-71', n: 8 },
      // Almaty: 3 consultations online at 12–15 — fewer than 5 — and 25 at a centre.
      { period, metric: consultation, value: 'age-12-15|online', region: 'KZ-75', n: 3 },
      { period, metric: consultation, value: 'age-12-15|offline', region: 'KZ-75', n: 25 },
    ]);
    // The snapshot asks the site to rebuild, as the nightly task does.
    ctx.strapi.config.set('site.rebuildUrl', `${ctx.siteUrl}/__rebuild`);
    ctx.strapi.config.set('site.rebuildToken', ctx.rebuildToken);
    const builds = ctx.siteServer!.rebuilder!.builds;
    try {
      await openService().snapshot();
      await ctx.siteServer!.rebuilder!.idle();
    } finally {
      ctx.strapi.config.set('site.rebuildUrl', '');
    }
    assert.equal(ctx.siteServer!.rebuilder!.builds, builds + 1, 'the site rebuilt after the snapshot');
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    page = await context.newPage();
  });
  after(async () => {
    await context?.close();
    await removeMonthly();
  });

  it('lets a keyboard user reach every region on the map and hear its figure, "fewer than 5" for a hidden one; the table agrees', async () => {
    await page.goto('/en/map/');
    await page.getByLabel(en['map.year']!).selectOption(String(YEAR));
    const map = page.getByRole('group', { name: new RegExp(`Consultations, ${YEAR}`) });
    const regions = map.getByRole('link');
    assert.equal(await regions.count(), 20);
    // Tab moves region by region; each announces its name and figure.
    await page.getByLabel(en['map.format']!).focus();
    let label = '';
    for (let i = 0; i < 30 && !label.startsWith('Astana'); i++) {
      await page.keyboard.press('Tab');
      label = (await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))) ?? '';
    }
    assert.match(label, /^Astana: 82 consultations\. Centre: /);
    assert.match((await map.getByRole('link', { name: /^Almaty:/ }).getAttribute('aria-label'))!, /^Almaty: 28 consultations/);
    const table = page.getByRole('table');
    assert.equal(await table.getByRole('row').count(), 21);
    const first = (name: RegExp) => table.getByRole('row', { name }).getByRole('cell').first().textContent();
    assert.equal(await first(/^Astana/), '82');

    // Online, 12–15: Almaty's 3 is hidden; every region shows what the API publishes, in words where hidden.
    await page.getByLabel(en['map.format']!).selectOption('online');
    await page.getByLabel(en['map.age']!).selectOption('age-12-15');
    assert.match((await map.getByRole('link', { name: /^Almaty:/ }).getAttribute('aria-label'))!, /^Almaty: fewer than 5 consultations/);
    assert.equal(await first(/^Almaty/), en['map.fewer']);
    const published = (await (await fetch(`${ctx.cmsUrl}/api/stats/open?year=${YEAR}`)).json()).data as OpenStatistics;
    const online = (region: string) => published.cells.find((c) => c.region === region && c.ageGroup === 'age-12-15' && c.format === 'online')!.consultations;
    const astana = online('KZ-71') === null ? en['map.fewer']! : String(online('KZ-71'));
    assert.ok((await map.getByRole('link', { name: /^Astana/ }).getAttribute('aria-label'))!.startsWith(`Astana: ${astana} consultations`));
    assert.equal(await first(/^Astana/), astana);
    assert.equal(await first(/^Atyrau/), '0', 'none is 0');
  });

  it('shows the map’s figures as a table without JavaScript', async () => {
    const noJs = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, javaScriptEnabled: false });
    try {
      const p = await noJs.newPage();
      await p.goto('/ru/map/');
      assert.equal(await p.getByRole('table').getByRole('row').count(), 21);
    } finally {
      await noJs.close();
    }
  });

  it('draws the country’s and a region’s figures at build time, each a figure with its caption, its chart and its table, with no script', async () => {
    for (const path of ['/en/statistics/', '/en/statistics/kz-75/', '/ru/statistics/kz-71/', '/kk/statistics/dictionary/']) {
      const html = await (await fetch(`${ctx.siteUrl}${path}`)).text();
      assert.doesNotMatch(html, /<script/i, `${path}: no script`);
    }
    await page.goto('/en/statistics/');
    await page.getByRole('heading', { level: 1, name: en['open.title'] }).waitFor();
    const figures = page.getByRole('figure');
    assert.ok((await figures.count()) >= 4, 'by region, age group, format and year');
    const byRegion = page.getByRole('figure', { name: en['open.byRegion']!.replace('{year}', String(YEAR)) });
    // The newest year comes first: the test's year is shown when no later one has figures.
    if (await byRegion.count()) {
      await byRegion.getByRole('img', { name: en['open.byRegion']!.replace('{year}', String(YEAR)) }).waitFor();
      const table = byRegion.getByRole('table');
      assert.equal(
        await table
          .getByRole('row', { name: /^Astana/ })
          .getByRole('cell')
          .first()
          .textContent(),
        '82',
      );
    }
    // Every chart is an image named by its figure's caption, drawn as SVG on the server.
    for (const figure of await figures.all()) {
      const caption = (await figure.locator('figcaption').textContent())!;
      await figure.getByRole('img', { name: caption }).waitFor();
      assert.ok((await figure.locator('svg path').count()) > 0);
      assert.ok((await figure.getByRole('table').getByRole('row').count()) > 1);
    }

    await page.goto('/en/statistics/kz-75/');
    await page.getByRole('heading', { level: 1, name: 'Almaty: open statistics' }).waitFor();
    const byYear = page.getByRole('figure', { name: en['open.byYear']!.replace('{place}', 'Almaty') });
    const row = byYear.getByRole('table').getByRole('row', { name: new RegExp(`^${YEAR}`) });
    // 28 consultations in the year: hiding the 3 and its partners leaves the year's total shown.
    assert.equal(await row.getByRole('cell').first().textContent(), '28');
    // By age group, for the newest year: every row is the API's published cell, "fewer than 5" where hidden.
    const published = (await (await fetch(`${ctx.cmsUrl}/api/stats/open?region=KZ-75`)).json()).data as OpenStatistics;
    const newest = published.years[0]!;
    const byAge = page.getByRole('figure', { name: `Almaty: consultations and tests by age group, ${newest}` });
    for (const ageGroup of ['age-6-11', 'age-12-15', 'age-16-18'] as const) {
      const c = published.cells.find((x) => x.year === newest && x.ageGroup === ageGroup && x.format === 'all')!;
      const cells = byAge.getByRole('row', { name: new RegExp(`^${en[`age.${ageGroup}`]}`) }).getByRole('cell');
      assert.deepEqual(
        await cells.allTextContents(),
        [c.consultations, c.tests].map((v) => (v === null ? en['map.fewer'] : String(v))),
      );
    }
    await byAge.getByRole('img').waitFor();
  });

  it('offers the open data as CSV and JSON keyed to KATO codes, with the snapshot’s date, and its dictionary in three languages', async () => {
    const csv = await fetch(`${ctx.siteUrl}/ru/statistics/open-data.csv`);
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type')!, /^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'year,region_code,kato,region_name,age_group,format,consultations,tests,snapshot_date');
    const row = (region: string, age: string, format: string, year = YEAR) =>
      lines.find((l) => l.startsWith(`${year},${region},`) && l.includes(`,${age},${format},`))!.split(',');
    const hidden = row('KZ-75', 'age-12-15', 'online');
    assert.equal(hidden[2], '750000000', 'KATO of Almaty');
    assert.equal(hidden[3], 'Алматы');
    assert.equal(hidden[6], '', 'fewer than 5: empty, never 0');
    assert.deepEqual(row('KZ-71', 'all', 'all').slice(6, 8), ['82', '8']);
    assert.equal(row('KZ', 'all', 'all')[2], '', 'the country has no KATO code');
    // Every row is the API's published cell: a hidden one empty.
    const published = (await (await fetch(`${ctx.cmsUrl}/api/stats/open`)).json()).data as OpenStatistics;
    assert.equal(lines.length - 1, published.cells.length);
    const text = (v: number | null) => (v === null ? '' : String(v));
    for (const c of published.cells) {
      const [, , , , , , consultations, tests] = row(c.region, c.ageGroup, c.format, c.year);
      assert.deepEqual([consultations, tests], [text(c.consultations), text(c.tests)], `${c.year} ${c.region} ${c.ageGroup} ${c.format}`);
    }
    assert.match(hidden[8]!, /^\d{4}-\d{2}-\d{2}$/);

    const json = await fetch(`${ctx.siteUrl}/en/statistics/open-data.json`);
    assert.match(json.headers.get('content-type')!, /^application\/json/);
    const data = (await json.json()) as { snapshotDate: string; rows: Array<Record<string, unknown>>; dictionary: string };
    assert.equal(data.snapshotDate, hidden[8]);
    const cell = data.rows.find((r) => r.year === YEAR && r.region_code === 'KZ-75' && r.age_group === 'age-12-15' && r.format === 'online')!;
    assert.equal(cell.consultations, null);
    assert.equal(cell.kato, '750000000');
    assert.match(data.dictionary, /\/en\/statistics\/dictionary\/$/);

    await page.goto('/en/statistics/');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: en['open.download.csv'] }).click();
    assert.equal((await download).suggestedFilename(), 'open-data.csv');
    assert.match(fs.readFileSync((await (await download).path())!, 'utf8'), /^\uFEFFyear,region_code,kato,/);
    for (const [locale, text] of [
      ['kk', kk],
      ['ru', ru],
      ['en', en],
    ] as const) {
      await page.goto(`/${locale}/statistics/dictionary/`);
      await page.getByRole('heading', { level: 1, name: text['open.dictionary.title'] }).waitFor();
      for (const column of ['year', 'kato', 'consultations', 'snapshot_date']) await page.getByRole('row', { name: new RegExp(`^${column} `) }).waitFor();
    }
  });

  it('is reachable by keyboard from the footer and has no axe violations (WCAG 2.2 AA)', async () => {
    await page.goto('/kk/');
    await page.getByRole('contentinfo').getByRole('link', { name: kk['nav.statistics'] }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kk/statistics/');
    const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // axe is loaded before the page's own code (the pages' CSP allows no inline script).
    const checked = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    await checked.addInitScript(axeSource);
    const failures: string[] = [];
    try {
      const p = await checked.newPage();
      for (const path of ['/kk/statistics/', '/ru/statistics/kz-75/', '/en/statistics/dictionary/', '/en/map/']) {
        await p.goto(path, { waitUntil: 'networkidle' });
        const { violations } = await p.evaluate(() =>
          (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
            resultTypes: ['violations'],
          }),
        );
        for (const v of violations) failures.push(`${path}: ${v.id} ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)}`);
      }
    } finally {
      await checked.close();
    }
    assert.deepEqual(failures, []);
  });
});
