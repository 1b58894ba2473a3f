import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { kk } from './messages.ts';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';

/** Moves focus with Tab alone until `target` has it: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target} with the Tab key`);
}

async function typeInto(page: Page, target: Locator, text: string): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.type(text);
}

/** Chooses an option of a focused <select> with the arrow keys. */
async function chooseWithKeys(page: Page, select: Locator, value: string): Promise<void> {
  await tabTo(page, select);
  await page.keyboard.press('Home');
  for (let i = 0; i < 300 && (await select.inputValue()) !== value; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await select.inputValue(), value);
}

async function logInWithKeyboard(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/kk/account/login/');
  await page.waitForSelector('main form button[type=submit]:enabled');
  await typeInto(page, page.getByLabel(kk['field.email'], { exact: true }), email);
  await typeInto(page, page.getByLabel(kk['field.password'], { exact: true }), password);
  await page.keyboard.press('Enter');
}

const linkIn = (text: string | undefined) => new URL(String(text?.match(/https?:\/\/\S+/)?.[0]));

describe('accounts in a browser, in Kazakh, with the keyboard alone', function () {
  this.timeout(60_000);
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('a pupil with a Kazakh name registers, confirms by the mail and logs in', async () => {
    const email = `zhanel.${crypto.randomBytes(3).toString('hex')}@example.kz`;
    await page.goto('/kk/account/register/');
    await page.getByRole('heading', { level: 1, name: kk['register.title'] }).waitFor();
    await page.waitForSelector('main form button[type=submit]:enabled'); // hydrated

    // Submitting the empty form shows the problems, field by field, in Kazakh.
    await tabTo(page, page.getByRole('button', { name: kk['register.submit'] }));
    await page.getByRole('checkbox', { name: kk['register.consent.accept'] }).check();
    await page.keyboard.press('Enter');
    const summary = page.getByRole('alert');
    await summary.getByText(kk['form.errors']).waitFor();
    assert.ok((await summary.locator('li').count()) >= 8);
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');

    await page.keyboard.press('Shift+Tab'); // back to the top of the form, then forward field by field
    await typeInto(page, page.getByLabel(kk['field.surname'], { exact: true }), 'Сейітқали');
    await typeInto(page, page.getByLabel(kk['field.firstName'], { exact: true }), 'Жанел');
    await tabTo(page, page.getByRole('radio', { name: kk['field.gender.female'] }));
    await page.keyboard.press('Space');
    await typeInto(page, page.getByLabel(kk['field.birthDate'], { exact: true }), '04122011');
    await tabTo(page, page.getByRole('radio', { name: kk['field.userType.pupil'] }));
    await page.keyboard.press('Space');
    await chooseWithKeys(page, page.getByLabel(kk['field.education'], { exact: true }), 'school-9');
    await chooseWithKeys(page, page.getByLabel(kk['field.region'], { exact: true }), 'KZ-63');
    await chooseWithKeys(page, page.getByLabel(kk['field.locality'], { exact: true }), 'kz-63-oskemen');
    await typeInto(page, page.getByLabel(kk['field.email'], { exact: true }), email);
    await typeInto(page, page.getByLabel(kk['field.phone'], { exact: true }), '8 701 765 43 21');
    await typeInto(page, page.getByLabel(kk['field.password'], { exact: true }), 'Qabilet2026');
    await tabTo(page, page.getByRole('button', { name: kk['register.submit'] }));
    const since = ctx.mails.length;
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(kk['register.done.title']).waitFor();

    const mail = await mailTo(email, since);
    const link = linkIn(mail.text);
    await page.goto(`${link.pathname}${link.search}`); // through the site's /api/ proxy
    await page.getByRole('heading', { level: 1, name: kk['account.confirmed.title'] }).waitFor();

    await logInWithKeyboard(page, email, 'Qabilet2026');
    await page.waitForURL('**/kk/account/');
    await page.getByRole('heading', { name: kk['cabinet.profile'] }).waitFor();
    await page.getByText('Жанел').first().waitFor();
    await page.getByText(kk['cabinet.services.parental']).waitFor();
    // Edit the profile from the cabinet, still with the keyboard.
    await tabTo(page, page.getByRole('button', { name: kk['cabinet.edit'] }));
    await page.keyboard.press('Enter');
    await chooseWithKeys(page, page.getByLabel(kk['field.locality'], { exact: true }), 'kz-63-ridder');
    await tabTo(page, page.getByRole('button', { name: kk['cabinet.save'] }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(kk['cabinet.saved']).waitFor();
    const ridder = await ctx.strapi.db.query('api::locality.locality').findOne({ where: { key: 'kz-63-ridder', locale: 'kk' } });
    await page.getByText(ridder.name, { exact: true }).waitFor();
    const cookies = await context.cookies();
    assert.ok(
      cookies.some((c) => c.name === 'strapi_up_refresh' && c.httpOnly),
      'the session is an httpOnly cookie',
    );
    assert.equal(await page.evaluate(() => document.cookie.includes('strapi_up_refresh')), false);
  });

  it('a minor asks a parent, who confirms from the mail; the minor may then use the services', async () => {
    const pupil = await confirmedUser({ birthDate: '2012-06-06', firstName: 'Айсұлу' });
    await logInWithKeyboard(page, pupil.email, pupil.password);
    await page.getByRole('heading', { name: kk['cabinet.parental.title'] }).waitFor();
    const since = ctx.mails.length;
    await typeInto(page, page.getByLabel(kk['cabinet.parental.byEmail'], { exact: true }).last(), 'mama.aisulu@example.kz');
    await tabTo(page, page.getByRole('button', { name: kk['cabinet.parental.send'] }));
    await page.keyboard.press('Enter');
    await page.getByText(kk['cabinet.parental.sentEmail']).waitFor();

    const mail = await mailTo('mama.aisulu@example.kz', since);
    const parentPage = await context.newPage();
    const link = linkIn(mail.text);
    await parentPage.goto(`${link.pathname}${link.search}`);
    const consent = parentPage.getByRole('button', { name: kk['parental.submit'] });
    await tabTo(parentPage, consent);
    await parentPage.keyboard.press('Enter');
    await parentPage.getByRole('heading', { level: 1, name: kk['parental.given.title'] }).waitFor();

    await page.reload();
    await page.getByText(kk['cabinet.services.allowed']).waitFor();
  });

  it('a parent adds a child, whose consent is recorded', async () => {
    const parent = await confirmedUser({ userType: 'parent', birthDate: '1986-01-01', education: 'university', firstName: 'Мәдина' });
    await logInWithKeyboard(page, parent.email, parent.password);
    await page.getByRole('heading', { name: kk['cabinet.children'] }).waitFor();
    await tabTo(page, page.getByRole('button', { name: kk['cabinet.children.add'] }));
    await page.keyboard.press('Enter');
    const form = page.locator('form').filter({ has: page.getByRole('button', { name: kk['cabinet.children.save'] }) });
    await typeInto(page, form.getByLabel(kk['field.surname'], { exact: true }), 'Сәрсенов');
    await typeInto(page, form.getByLabel(kk['field.firstName'], { exact: true }), 'Ерасыл');
    await chooseWithKeys(page, form.getByLabel(kk['field.gender'], { exact: true }), 'male');
    await typeInto(page, form.getByLabel(kk['field.birthDate'], { exact: true }), '09012016');
    await chooseWithKeys(page, form.getByLabel(kk['field.education'], { exact: true }), 'school-4');
    await chooseWithKeys(page, form.getByLabel(kk['field.region'], { exact: true }), 'KZ-71');
    const astana = await form.getByLabel(kk['field.locality'], { exact: true }).locator('option').nth(1).getAttribute('value');
    await chooseWithKeys(page, form.getByLabel(kk['field.locality'], { exact: true }), String(astana));
    await tabTo(page, page.getByRole('button', { name: kk['cabinet.children.save'] }));
    await page.keyboard.press('Enter');
    await page.getByText('Ерасыл Сәрсенов').waitFor();
    await page.getByText(`${kk['cabinet.consent.forChild'].replace('{name}', 'Ерасыл')}: ${kk['cabinet.consent.status.given']}`, { exact: false }).waitFor();
  });

  it('a user recovers a forgotten password', async () => {
    const user = await confirmedUser();
    await page.goto('/kk/account/forgot-password/');
    await page.waitForSelector('main form button[type=submit]:enabled');
    const since = ctx.mails.length;
    await typeInto(page, page.getByLabel(kk['field.email'], { exact: true }), user.email);
    await page.keyboard.press('Enter');
    await page.getByRole('status').waitFor();
    const link = linkIn((await mailTo(user.email, since)).text);
    assert.equal(link.pathname, '/kk/account/reset-password/');
    await page.goto(`${link.pathname}${link.search}`);
    await page.waitForSelector('main form button[type=submit]:enabled');
    await typeInto(page, page.getByLabel(kk['field.password'], { exact: true }), 'Jaña-Qupia5');
    await typeInto(page, page.getByLabel(kk['field.passwordConfirmation'], { exact: true }), 'Jaña-Qupia5');
    await page.keyboard.press('Enter');
    await page.getByText(kk['reset.done']).waitFor();
    await api().post('/api/auth/local').send({ identifier: user.email, password: 'Jaña-Qupia5' }).expect(200);
    await api().post('/api/auth/local').send({ identifier: user.email, password: user.password }).expect(400);
  });
});
