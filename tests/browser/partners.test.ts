import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { kk } from './messages.ts';
import { axe, logInFrom, tabTo } from './cabinet.ts';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';
import { startCallbackPartner, type CallbackPartner } from '../../scripts/partners/callback-partner.ts';
import { interpolate } from '@qabilet/domain';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
type Scale = { key: string; name: Record<string, string> };
const softSkills: { scales: Scale[] } = JSON.parse(fs.readFileSync(new URL('../../cms/data/assessments/soft-skills.json', import.meta.url), 'utf8'));
const scaleName = (key: string) => softSkills.scales.find((s) => s.key === key)!.name.kk!;
const TESTS_PAGE = '/kk/account/tests/';
const PARTNER = 'Soft Skills Lab';
const TITLE = 'Командада жұмыс';
const format = (text: string, values: Record<string, string | number>) => interpolate(text, values);
/** A message with its `{date}` (or any other value) left open, for text whose date the test does not compute. */
const pattern = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\{\w+\\\}/g, '.+')}$`);

const adult = (firstName: string) => confirmedUser({ birthDate: '1995-05-05', firstName, gender: 'female', userType: 'student', education: 'university' });

const logInFromTests = (page: Page, user: { email: string; password: string }) => logInFrom(page, TESTS_PAGE, user);

const section = (page: Page) => page.getByRole('region', { name: kk['partners.title'] });
const card = (page: Page) =>
  section(page)
    .locator('.test-card')
    .filter({ has: page.getByRole('heading', { level: 3, name: TITLE, exact: true }) });

describe('partners’ tests in the cabinet, in Kazakh', function () {
  this.timeout(180_000);
  let partner: CallbackPartner;
  let clientId: string;
  let context: BrowserContext | undefined;
  let page: Page;

  before(async () => {
    partner = await startCallbackPartner({ cmsUrl: ctx.cmsUrl });
    const created = await ctx.strapi
      .plugin('partners')
      .service('partners')
      .create({
        kind: 'callback',
        name: PARTNER,
        config: { share: { name: false, email: false } },
        tests: [
          {
            key: 'teamwork',
            name: { kk: TITLE, ru: 'Работа в команде', en: 'Teamwork' },
            url: `${partner.url}/start`,
            scales: [
              { from: 'teamwork', to: 'collaboration', min: 0, max: 10 },
              { from: 'talk', to: 'communication', min: 0, max: 10 },
            ],
          },
        ],
      });
    clientId = created.partner.clientId;
    partner.use({ clientId, secret: created.secret });
  });
  after(() => partner?.close());
  afterEach(() => context?.close());

  it('an adult takes a partner’s test on its site and comes back to the result, which the results show with its source', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const user = await adult('Жанар');
    await logInFromTests(page, user);

    await card(page).getByText(kk['partners.status.available'], { exact: true }).waitFor();
    await card(page)
      .getByText(format(kk['results.source.partner'], { name: PARTNER }), { exact: true })
      .waitFor();
    assert.equal(await card(page).locator('table').count(), 0, 'no scores before the test is taken');
    assert.deepEqual(await axe(page), []);

    // Started with the keyboard; the button says where the test opens.
    const start = card(page).getByRole('button', { name: `${kk['partners.start']}: ${TITLE}` });
    await start.waitFor();
    await tabTo(page, start);
    const where = await start.evaluate((el) => document.getElementById(el.getAttribute('aria-describedby')!)?.textContent);
    assert.equal(where, format(kk['partners.leaving'], { partner: PARTNER }));
    await page.keyboard.press('Enter');
    await page.waitForURL(`${partner.url}/start?token=*`);
    const startUrl = page.url();

    // The partner knows the person only by a pseudonym: nothing personal in its token or the address.
    const claims = partner.launches.at(-1)!;
    assert.match(String(claims.sub), /^[0-9a-f]{32}$/);
    assert.equal(claims.name, undefined);
    assert.equal(claims.email, undefined);
    assert.equal(claims.test, 'teamwork');
    assert.deepEqual(Object.keys(claims).sort(), ['aud', 'exp', 'iat', 'iss', 'jti', 'locale', 'return_url', 'sub', 'test']);
    assert.ok(!decodeURIComponent(page.url()).includes(user.email));
    const returnUrl = new URL(String(claims.return_url));
    assert.deepEqual([...returnUrl.searchParams.keys()].sort(), ['partner', 'test']);

    // The partner's own page: the scores are sent to Qabilet signed, then the person goes back.
    await page.getByLabel('Working in a team (0–10)').fill('7');
    await page.getByLabel('Talking with people (0–10)').fill('4');
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.waitForURL(`**${TESTS_PAGE}?partner=${clientId}&test=teamwork`);
    assert.equal(partner.callbacks.at(-1)?.status, 200, JSON.stringify(partner.callbacks.at(-1)?.answer));

    await section(page)
      .getByRole('status')
      .filter({ hasText: format(kk['partners.arrived'], { test: TITLE, partner: PARTNER }) })
      .waitFor({ timeout: 35_000 });
    await card(page).getByText(pattern(kk['partners.status.completed'])).waitFor();
    const rows = card(page).locator('table tbody tr');
    assert.deepEqual(
      (await rows.evaluateAll((trs) => trs.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('.score-number')!.textContent]))).sort(),
      [
        [scaleName('collaboration'), '70'],
        [scaleName('communication'), '40'],
      ].sort(),
    );
    await card(page)
      .getByRole('button', { name: `${kk['partners.again']}: ${TITLE}` })
      .waitFor();
    assert.match(
      String(
        await card(page)
          .getByRole('link', { name: `${kk['test.list.result']}: ${TITLE}` })
          .getAttribute('href'),
      ),
      /^\/kk\/account\/results\/\?statement=[0-9a-f-]{36}$/,
    );
    assert.deepEqual(await axe(page), []);

    // The partner lets nobody in with a used link or a token it cannot verify.
    assert.equal((await fetch(startUrl)).status, 401);
    assert.equal((await fetch(`${partner.url}/start?token=not-a-token`)).status, 401);

    // The results: the partner's scales in the profile, said to be the partner's, and the result itself.
    await page.goto('/kk/account/results/');
    const profile = page.getByRole('table', { name: kk['results.profile.scales'] });
    await profile.waitFor();
    for (const [scale, score] of [
      ['collaboration', '70'],
      ['communication', '40'],
    ] as const) {
      const row = profile.getByRole('row').filter({ has: page.getByRole('rowheader', { name: scaleName(scale), exact: true }) });
      await row.getByText(format(kk['results.source.partner'], { name: PARTNER }), { exact: true }).waitFor();
      assert.equal(await row.locator('.score-number').textContent(), score);
    }
    const listed = page.getByRole('region', { name: kk['results.list.title'] }).getByRole('listitem').filter({ hasText: TITLE });
    await listed.getByText(format(kk['results.source.partner'], { name: PARTNER }), { exact: false }).waitFor();
    await listed.getByRole('link', { name: TITLE }).click();
    await page.waitForURL('**/kk/account/results/?statement=*');
    const heading = page.getByRole('heading', { level: 2, name: format(kk['results.one.title'], { test: TITLE }) });
    await heading.waitFor();
    assert.ok(await heading.evaluate((el) => el === document.activeElement), 'the result takes focus');
    const result = page.locator('.result');
    await result.getByText(format(kk['results.source.partner'], { name: PARTNER }), { exact: false }).waitFor();
    assert.equal(await result.locator('tbody tr').count(), 2);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, [], 'no script error on the way');

    // The same result over the API, as the page read it.
    const id = new URL(page.url()).searchParams.get('statement')!;
    const statement = await api().get(`/api/assessment/statements/${id}`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
    assert.deepEqual(statement.body.data.source, { kind: 'partner', name: PARTNER });
  });

  it('back before the partner has sent the result, the page says it will appear and shows it when it arrives', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
    await logInFromTests(page, await adult('Әсел'));
    partner.deferCallbacks(5000);
    try {
      await card(page)
        .getByRole('button', { name: `${kk['partners.start']}: ${TITLE}` })
        .click();
      await page.waitForURL(`${partner.url}/start?token=*`);
      await page.getByLabel('Working in a team (0–10)').fill('10');
      await page.getByLabel('Talking with people (0–10)').fill('0');
      await page.getByRole('button', { name: 'Send my answers' }).click();
      await page.waitForURL(`**${TESTS_PAGE}?partner=${clientId}&test=teamwork`);
      await section(page).getByRole('status').filter({ hasText: kk['partners.returned'] }).waitFor();
      await card(page).getByText(pattern(kk['partners.status.started'])).waitFor();
      assert.deepEqual(await axe(page), []);
      // The list is asked again until the result is there; the person is told when it is.
      await section(page)
        .getByRole('status')
        .filter({ hasText: format(kk['partners.arrived'], { test: TITLE, partner: PARTNER }) })
        .waitFor({ timeout: 35_000 });
      await card(page).getByText(pattern(kk['partners.status.completed'])).waitFor();
      assert.equal(
        await card(page)
          .locator('table tbody tr .score-number')
          .allTextContents()
          .then((n) => n.sort().join(' ')),
        '0 100',
      );
    } finally {
      partner.deferCallbacks(0);
    }
  });

  it('a pupil without a parent’s consent is told why a partner’s test cannot start', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
    const pupil = await confirmedUser({ birthDate: '2011-03-15', firstName: 'Айгерім' });
    await logInFromTests(page, pupil);
    const launched = partner.launches.length;
    await card(page)
      .getByRole('button', { name: `${kk['partners.start']}: ${TITLE}` })
      .click();
    const refused = section(page).getByRole('alert').filter({ hasText: kk['test.problem.consent.parental'] });
    await refused.waitFor();
    assert.ok(await refused.evaluate((el) => el === document.activeElement), 'the refusal takes focus');
    assert.equal(new URL(page.url()).pathname, TESTS_PAGE, 'the person stays on the page');
    assert.equal(partner.launches.length, launched, 'nothing reached the partner');
    assert.deepEqual(await axe(page), []);
  });

  it('the partners’ section passes axe in the strongest visually-impaired view', async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
    await context.addInitScript(axeSource);
    await context.addCookies([{ name: 'qabilet-vi', value: 'size-200.theme-wb.images-off', url: ctx.siteUrl }]);
    page = await context.newPage();
    await logInFromTests(page, await adult('Сәуле'));
    await card(page)
      .getByRole('button', { name: `${kk['partners.start']}: ${TITLE}` })
      .waitFor();
    assert.deepEqual(await axe(page), []);
  });
});
