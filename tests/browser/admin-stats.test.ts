/**
 * The Strapi admin's Dashboard (plugin stats) in a browser, by keyboard and with axe: a coordinator
 * sees their region only and walks down region → locality → centre and back up, the curator exports
 * a panel's table (a real download whose rows are the table's), a specialist sees their own panels,
 * and the home page shows the role's figures. The figures are put into the rollups (the tables the
 * dashboards read, as the rollups part keeps them) in 2016, a year no other record or test of the
 * run falls in, and taken away after, so every figure shown is known exactly.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { SummaryView } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { staffMember, type Staff } from '../api/crm-helpers.ts';
import { putRollup, removeRollupYear } from '../api/rollup-helpers.ts';
import { adminContext, axe, logIn, openFromMenu, tabTo } from './admin.ts';

// Kyzylorda (KZ-43) is the coordinator's region; Turkistan (KZ-61) another one.
const CENTRE = 'kyzylorda';
const OTHER_CENTRE = 'turkistan';
const PERIOD = { from: '2016-01-01', to: '2016-12-31' };

const translations = new URL('../../plugins/stats/admin/src/translations/', import.meta.url);
/** The plugin's English strings: every part's catalogue merged, as the admin merges them. */
const en: Record<string, string> = Object.assign(
  {},
  ...fs
    .readdirSync(translations)
    .filter((part) => fs.existsSync(new URL(`${part}/en.json`, translations)))
    .map((part) => JSON.parse(fs.readFileSync(new URL(`${part}/en.json`, translations), 'utf8'))),
);

const nameOf = async (uid: string, where: Record<string, string>) =>
  ((await ctx.strapi.db.query(uid).findOne({ where: { ...where, locale: 'en' } })) as { name: string }).name;

/** A table's rows as the text of their cells, header row first. */
const cellsOf = (table: Locator) =>
  table.getByRole('row').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => (cell.textContent ?? '').trim())));

/** A panel's table (the Design System's grid, named by the panel's title). */
const panelTable = (page: Page, panel: string) =>
  page.getByRole('grid', { name: en[`panel.${panel}.title`] }).or(page.getByRole('table', { name: en[`panel.${panel}.title`] }));

const focused = (locator: Locator) => locator.evaluate((el) => el === document.activeElement);

describe('the Strapi admin: the dashboards', function () {
  this.timeout(120_000);
  const contexts: BrowserContext[] = [];
  let coordinator: Staff, curator: Staff, specialist: Staff;
  let kyzylorda: string, turkistan: string, kyzylordaCity: string, aral: string;

  before(async () => {
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    curator = await staffMember('qabilet-project-curator', CENTRE);
    specialist = await staffMember('qabilet-specialist', CENTRE);
    [kyzylorda, turkistan, kyzylordaCity, aral] = await Promise.all([
      nameOf('api::region.region', { code: 'KZ-43' }),
      nameOf('api::region.region', { code: 'KZ-61' }),
      nameOf('api::locality.locality', { key: 'kz-43-kyzylorda' }),
      nameOf('api::locality.locality', { key: 'kz-43-aral' }),
    ]);
    // Tests of people of Kyzylorda at its centre and (of Aral) online, of Turkistan at theirs.
    await putRollup('2016-05-10', 'test', 'all', '', { region: 'KZ-43', locality: 'kz-43-kyzylorda', centre: CENTRE }, 5);
    await putRollup('2016-06-03', 'test', 'all', '', { region: 'KZ-43', locality: 'kz-43-aral' }, 2);
    await putRollup('2016-05-12', 'test', 'all', '', { region: 'KZ-61', locality: 'kz-61-turkistan', centre: OTHER_CENTRE }, 11);
    await putRollup('2016-05-10', 'booking.consultation.completed', 'all', '', { region: 'KZ-43', locality: 'kz-43-kyzylorda', centre: CENTRE }, 3);
    // The specialist's own consultations in May 2016: 4 booked, 2 delivered, 1 missed.
    const own = { region: 'KZ-43', locality: 'kz-43-kyzylorda', centre: CENTRE };
    for (const [metric, n] of [
      ['booking.consultation.completed', 2],
      ['booking.consultation.confirmed', 1],
      ['booking.consultation.no_show', 1],
      ['recommendation', 3],
    ] as const)
      await putRollup('2016-05-10', metric, 'staff', String(specialist.id), own, n);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  after(async () => {
    // The year's rows are taken away, so that no other test counts them.
    await removeRollupYear(2016);
  });

  async function signedIn(member: Staff): Promise<Page> {
    const { context, page } = await adminContext();
    contexts.push(context);
    await logIn(page, member);
    return page;
  }

  async function dashboard(member: Staff): Promise<Page> {
    const page = await signedIn(member);
    await openFromMenu(page, en['plugin.name']!);
    await page.getByRole('heading', { name: en['plugin.name'], level: 1 }).waitFor();
    return page;
  }

  it('shows a coordinator their region only, and lets them walk down to a centre and back up by keyboard', async () => {
    const page = await dashboard(coordinator);
    // The period of 2016, chosen in the period's form and applied with Enter.
    const period = page.getByRole('form', { name: en['period.title'] });
    await period.getByLabel(en['period.from']!).fill(PERIOD.from);
    await period.getByLabel(en['period.to']!).fill(PERIOD.to);
    await period.getByLabel(en['period.to']!).press('Enter');
    const day = new Intl.DateTimeFormat('en', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
    await page.getByText(`Figures from ${day.format(new Date('2016-01-01T12:00:00Z'))} to ${day.format(new Date('2016-12-31T12:00:00Z'))}`).waitFor();
    const places = panelTable(page, 'testsByPlace');
    await places.getByRole('link', { name: kyzylorda }).waitFor();
    assert.deepEqual(await cellsOf(places), [
      ['Region', 'Tests', 'Consultations delivered'],
      [kyzylorda, '7', '3'],
      ['Total', '7', '3'],
    ]);
    assert.equal(await page.getByText(turkistan).count(), 0, 'no other region');
    assert.deepEqual(await axe(page), []);

    // The table is one tab stop; the arrow keys reach the region's link (from the first cell:
    // Control+Home), Enter opens the region.
    await tabTo(page, places);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    assert.ok(await focused(places.getByRole('link', { name: kyzylorda })), 'the arrow keys reach the region');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('region') === 'KZ-43' && !url.searchParams.has('locality'));
    const trail = page.getByRole('navigation', { name: en['place.label'] });
    const here = trail.locator('[aria-current="location"]');
    await here.filter({ hasText: kyzylorda }).waitFor();
    assert.ok(await focused(here), 'the place reached takes the focus');
    await places.getByRole('link', { name: kyzylordaCity }).waitFor();
    assert.deepEqual(await cellsOf(places), [
      ['Locality', 'Tests', 'Consultations delivered'],
      [kyzylordaCity, '5', '3'],
      [aral, '2', '0'],
      ['Total', '7', '3'],
    ]);

    // Down once more, to the centres that served the people of Kyzylorda.
    await tabTo(page, places);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    assert.ok(await focused(places.getByRole('link', { name: kyzylordaCity })), 'the arrow keys reach the locality');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('locality') === 'kz-43-kyzylorda');
    await here.filter({ hasText: kyzylordaCity }).waitFor();
    await places.getByRole('columnheader', { name: 'Centre' }).waitFor();
    const centreRows = await cellsOf(places);
    assert.equal(centreRows.length, 3, JSON.stringify(centreRows));
    assert.deepEqual(centreRows[1]!.slice(1), ['5', '3']);
    assert.deepEqual(await axe(page), []);

    // Back up to the region: from the place reached, the link before it.
    await page.keyboard.press('Shift+Tab');
    assert.ok(await focused(trail.getByRole('link', { name: kyzylorda })), 'Shift+Tab reaches the region above');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('region') === 'KZ-43' && !url.searchParams.has('locality'));
    await places.getByRole('columnheader', { name: 'Locality' }).waitFor();
    // The chart beside each table takes no focus: it is a picture described in words.
    const charts = page.getByRole('img', { name: /^Chart of / });
    assert.ok((await charts.count()) > 0);
    assert.equal(await charts.first().getAttribute('tabindex'), null);

    // Another region, asked for in the address, is refused by the server, with the way back.
    await page.goto(`/admin/plugins/stats?from=${PERIOD.from}&to=${PERIOD.to}&region=KZ-61`);
    await page.getByRole('alert').filter({ hasText: 'outside what your role may see' }).waitFor();
    assert.equal(await page.getByText(turkistan).count(), 0);
    await page.getByRole('link', { name: en['place.reset'] }).click();
    await places.getByRole('link', { name: kyzylorda }).waitFor();
  });

  it('lets the curator download a panel’s table as CSV, whose rows are the table’s', async () => {
    const page = await dashboard(curator);
    await page.goto(`/admin/plugins/stats?from=${PERIOD.from}&to=${PERIOD.to}`);
    const places = panelTable(page, 'testsByPlace');
    await places.getByRole('link', { name: turkistan }).waitFor();
    const shown = await cellsOf(places);
    assert.deepEqual(shown.slice(1, 3), [
      [turkistan, '11', '0'],
      [kyzylorda, '7', '3'],
    ]);
    await page.getByRole('button', { name: `${en['export.open']} ${en['panel.testsByPlace.title']}` }).click();
    const dialog = page.getByRole('dialog', { name: `Export: ${en['panel.testsByPlace.title']}` });
    await dialog.waitFor();
    await dialog.getByRole('radio', { name: en['export.file.csv'] }).click();
    assert.deepEqual(await axe(page, ['[role="dialog"]']), []);
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: en['export.submit'] }).click()]);
    assert.match(download.suggestedFilename(), /^qabilet-testsByPlace-2016-01-01-2016-12-31\.csv$/);
    const csv = fs
      .readFileSync((await download.path())!, 'utf8')
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r?\n/);
    const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    assert.equal(csv[0], 'Place,Tests,Consultations delivered');
    assert.deepEqual(
      csv.slice(1),
      shown.slice(1).map((cells) => cells.map(quoted).join(',')),
    );
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows a specialist their own panels, ratings not collected yet, and no export', async () => {
    const page = await dashboard(specialist);
    await page.goto(`/admin/plugins/stats?from=${PERIOD.from}&to=${PERIOD.to}`);
    for (const panel of ['consultations', 'noShows', 'recommendations', 'afterTest', 'ratings'])
      await page.getByRole('heading', { level: 2, name: en[`panel.${panel}.title`] }).waitFor();
    const consultations = panelTable(page, 'consultations');
    await consultations.getByRole('row', { name: /May 2016/ }).waitFor();
    const rows = await cellsOf(consultations);
    assert.deepEqual(rows[0], ['Month', 'Booked', 'Delivered', 'Share']);
    assert.deepEqual(
      rows.find((r) => r[0] === 'May 2016'),
      ['May 2016', '4', '2', '50%'],
    );
    assert.deepEqual(rows.at(-1), ['Total', '4', '2', '50%']);
    // A month with nothing booked has no share: a dash, read as words and explained under the table.
    assert.deepEqual(
      rows.find((r) => r[0] === 'Jan 2016'),
      ['Jan 2016', '0', '0', `—${en['value.none']}`],
    );
    await page.getByText(en['value.none.explained']!).first().waitFor();
    await page.getByText(en['panel.unavailable.notCollected']!).waitFor();
    assert.equal(await page.getByRole('button', { name: new RegExp(`^${en['export.open']}`) }).count(), 0);
    assert.equal(await page.getByRole('navigation', { name: en['place.label'] }).count(), 0);
    assert.deepEqual(await axe(page), []);
  });

  it('shows the role’s figures of the last 30 days on the home page, with the way to the dashboard', async () => {
    const page = await signedIn(coordinator);
    const widget = page.getByRole('region', { name: en['summary.title'] });
    await widget.waitFor();
    // Before Strapi's stock widgets: staff land on their figures.
    assert.equal(await page.locator('[data-strapi-widget-id]').first().getAttribute('data-strapi-widget-id'), 'plugin::stats.summary');
    const summary: SummaryView = (await coordinator.http.get('/stats/summary', { locale: 'en' }).expect(200)).body.data;
    const count = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
    const shown = (f: SummaryView['figures'][number]) =>
      f.value === null ? `—${en['value.none']}` : f.kind === 'share' ? percent.format(f.value) : count.format(f.value);
    await widget.getByRole('term').first().waitFor();
    const pairs = await widget
      .locator('dl > div')
      .evaluateAll((rows) => rows.map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()]));
    assert.deepEqual(
      pairs,
      summary.figures.map((f) => [en[`figure.${f.key}`], shown(f)]),
    );
    assert.deepEqual(await axe(page, ['[data-strapi-widget-id="plugin::stats.summary"] main']), []);
    await widget.getByRole('link', { name: en['summary.link'] }).click();
    await page.waitForURL((url) => url.pathname === '/admin/plugins/stats');
    await page.getByRole('heading', { name: en['plugin.name'], level: 1 }).waitFor();
  });
});
