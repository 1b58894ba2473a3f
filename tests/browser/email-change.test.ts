import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { kk } from './messages.ts';
import { axe } from './cabinet.ts';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const linkIn = (text: string | undefined) => new URL(String(text?.match(/https?:\/\/\S+/)?.[0]));

async function logIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/kk/account/login/');
  await page.waitForSelector('main form button[type=submit]:enabled');
  await page.getByLabel(kk['field.email'], { exact: true }).fill(email);
  await page.getByLabel(kk['field.password'], { exact: true }).fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/kk/account/');
}

describe('accounts in a browser: a new e-mail address, confirmed from another browser', function () {
  this.timeout(60_000);
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    contexts.push(context);
    return context.newPage();
  };
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  it('the cabinet says a link was sent and shows the pending address; the link confirms once, without a session', async () => {
    const user = await confirmedUser();
    const next = `zhana.${crypto.randomBytes(3).toString('hex')}@example.kz`;
    const page = await newPage();
    await logIn(page, user.email, user.password);

    await page.getByRole('button', { name: kk['cabinet.edit'] }).click();
    await page.getByLabel(kk['field.email'], { exact: true }).fill(next);
    await page.getByLabel(kk['field.currentPassword']).fill(user.password);
    const since = ctx.mails.length;
    await page.getByRole('button', { name: kk['cabinet.save'] }).click();
    await page.getByRole('status').getByText(kk['cabinet.email.sent']).waitFor();
    const pending = page.getByRole('definition').filter({ hasText: next });
    await pending.waitFor();
    assert.match(await pending.innerText(), new RegExp(kk['cabinet.email.pendingNote']));
    await page.getByRole('definition').filter({ hasText: user.email }).waitFor(); // still the address in use

    // The link, opened where nobody is logged in (a phone, another browser).
    const link = linkIn((await mailTo(next, since)).text);
    assert.equal(link.pathname, '/kk/account/email-confirm/');
    const elsewhere = await newPage();
    await elsewhere.goto(`${link.pathname}${link.hash}`);
    await elsewhere.getByRole('heading', { level: 1, name: kk['cabinet.emailConfirm.title'] }).waitFor();
    const confirm = elsewhere.getByRole('button', { name: kk['cabinet.emailConfirm.submit'] });
    await elsewhere.waitForSelector('main form button[type=submit]:enabled');
    assert.equal(new URL(elsewhere.url()).hash, '', 'the token leaves the address bar once read');
    assert.deepEqual(await axe(elsewhere), []);
    await confirm.click();
    await elsewhere.getByRole('status').getByText('Электрондық пошта мекенжайыңыз өзгертілді').waitFor();
    await elsewhere.getByRole('link', { name: kk['login.title'] }).waitFor();
    await api().post('/api/auth/local').send({ identifier: next, password: user.password }).expect(200);

    // A second use is refused, in Kazakh, with the way back to the cabinet.
    const again = await newPage();
    await again.goto(`${link.pathname}${link.hash}`);
    await again.waitForSelector('main form button[type=submit]:enabled');
    await again.getByRole('button', { name: kk['cabinet.emailConfirm.submit'] }).click();
    await again.getByRole('alert').getByText('Сілтеме жарамсыз').waitFor();
  });

  it('the page without a token says where the link comes from', async () => {
    const page = await newPage();
    await page.goto('/kk/account/email-confirm/');
    await page.getByText(kk['cabinet.emailConfirm.missing']).waitFor();
    assert.deepEqual(await axe(page), []);
  });
});
