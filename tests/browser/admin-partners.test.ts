import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { BrowserContext, Page } from 'playwright-core';
import { ctx } from '../setup/context.ts';
import { adminContext, axe, logIn, openFromMenu, staffMember, tabTo } from './admin.ts';
import { interpolate } from '@qabilet/domain';

// A centre the other tests leave alone, for the desktop test database.
const CENTRE = 'north-kazakhstan';
const WITH_DIALOG = ['main', '[role="alertdialog"]'];
const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(new URL(`../../plugins/partners/${file}`, import.meta.url), 'utf8'));
const en = read('admin/src/translations/en.json');
/** The server's own English messages (field errors, the log's explanations, the queue's reasons). */
const serverEn = { ...read('server/src/i18n/en.json'), ...read('server/src/i18n/desktop.en.json') };
/** An English message with simple placeholders filled in. */
const msg = (key: string, values: Record<string, string | number>) => interpolate(en[key]!, values);
/** A label followed by the required mark the Design System adds. */
const label = (key: string) => new RegExp(`^${en[key]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

let token: Promise<string> | undefined;
/** The super admin's token, got once: every log-in counts against the admin's own rate limit. */
const adminToken = () =>
  (token ??= request(ctx.cmsUrl)
    .post('/admin/login')
    .send(ctx.admin)
    .expect(200)
    .then((res) => res.body.data.token as string));

/** A results callback signed as the partner would (HMAC-SHA256 over "<timestamp>.<body>"), with `secret`. */
async function postCallback(clientId: string, secret: string, body: object) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = crypto.createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex');
  return fetch(`${ctx.cmsUrl}/api/partners/callback/${clientId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': timestamp, 'X-Qabilet-Signature': `v1=${signature}` },
    body: raw,
  });
}

/** The secret shown in the dialog (read from its field), which is closed with the keyboard's Enter on its button. */
async function takeSecret(page: Page): Promise<string> {
  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor();
  const field = dialog.getByRole('textbox', { name: /^(Signing secret|API key)/ });
  // Focus is in the dialog, on the secret itself.
  await page.waitForFunction(() => document.activeElement?.closest('[role="alertdialog"]') !== null);
  const secret = await field.inputValue();
  await dialog.getByText(en['secret.warning']!).waitFor();
  assert.deepEqual(await axe(page, WITH_DIALOG), []);
  await dialog.getByRole('button', { name: en['secret.copy'] }).click();
  await dialog
    .getByRole('status')
    .filter({ hasText: new RegExp(`${en['secret.copied']}|${en['secret.copyFailed']}`.replace(/[.]/g, '\\.')) })
    .waitFor();
  await dialog.getByRole('button', { name: en['secret.done'] }).click();
  await dialog.waitFor({ state: 'detached' });
  return secret;
}

describe('the Strapi admin: partners and desktop imports', function () {
  this.timeout(180_000);
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function adminPage(member: { email: string; password: string }, menu: string): Promise<Page> {
    const { context, page } = await adminContext();
    // The copy button writes to the clipboard, which a page may do only when allowed.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ctx.cmsUrl });
    contexts.push(context);
    await logIn(page, member);
    await openFromMenu(page, menu);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  it('a super admin adds a callback partner, sees its secret once, makes a new one and reads a refused callback in the log', async () => {
    const token = await adminToken();
    const scales = (await request(ctx.cmsUrl).get('/partners/scales').set('Authorization', `Bearer ${token}`).expect(200)).body.data as Array<{
      key: string;
      name: { en: string };
    }>;
    assert.ok(scales.length > 0, "Qabilet's scales");
    const scale = scales[0]!;
    const name = `Partner ${crypto.randomBytes(3).toString('hex')}`;

    const page = await adminPage(ctx.admin, en['plugin.name']!);
    const main = page.getByRole('main');
    await page.getByRole('heading', { level: 1, name: en['page.title'] }).waitFor();
    await main.getByRole('heading', { level: 2 }).or(main.getByText(en['list.empty']!)).first().waitFor();
    assert.deepEqual(await axe(page), []);

    await main.getByRole('link', { name: en['list.add'] }).click();
    await page.getByRole('heading', { level: 1, name: en['new.title'] }).waitFor();
    const form = main.getByRole('form', { name: en['new.form'] });
    // An LTI tool first (the form's first kind): its addresses and what personal data it may receive.
    await form.getByRole('group', { name: en['share.legend'] }).getByRole('checkbox', { name: en['share.email'] }).waitFor();
    assert.equal(await form.getByRole('checkbox', { checked: true }).count(), 0, 'nothing is shared by default');
    assert.deepEqual(await axe(page), []);
    await form.getByRole('radio', { name: en['kind.callback'] }).click();
    // A signed redirect shares no personal data: there is nothing to tick.
    await form.getByText(en['share.callback']!).waitFor();
    assert.equal(await form.getByRole('checkbox').count(), 0);
    await form.getByRole('textbox', { name: label('field.name') }).fill(name);
    const test = form.getByRole('group', { name: msg('test.legend', { n: 1 }) });
    await test.getByRole('textbox', { name: label('test.key') }).fill('career-compass');
    await test.getByRole('textbox', { name: label('test.name.kk') }).fill('Мансап компасы');
    await test.getByRole('textbox', { name: label('test.name.ru') }).fill('Компас карьеры');
    await test.getByRole('textbox', { name: label('test.name.en') }).fill('Career compass');
    const url = test.getByRole('textbox', { name: label('test.url.callback') });
    await url.fill('ftp://partner.example/start');
    const row = test.getByRole('group', { name: msg('scale.legend', { n: 1 }) });
    await row.getByRole('textbox', { name: label('scale.from.callback') }).fill('total');
    await row.getByRole('combobox', { name: label('scale.to') }).click();
    await page.getByRole('option', { name: scale.name.en, exact: true }).click();
    await row.getByRole('textbox', { name: label('scale.min') }).fill('0');
    await row.getByRole('textbox', { name: label('scale.max') }).fill('40');
    const submit = form.getByRole('button', { name: en['new.submit'] });
    await submit.click();

    // The bad address: a summary at the top takes focus, and the field says why beside it.
    const summary = form.getByRole('region', { name: /^Not saved/ });
    await summary.waitFor();
    await page.waitForFunction(() => document.activeElement?.tagName === 'SECTION');
    assert.equal(await url.getAttribute('aria-invalid'), 'true');
    await test.getByText(serverEn['partner.url']!).waitFor();
    const link = summary.getByRole('link', { name: new RegExp(`${msg('test.legend', { n: 1 })} · ${en['test.url']}`) });
    await link.click();
    assert.ok(await url.evaluate((el) => el === document.activeElement), 'the summary leads to the field');
    assert.deepEqual(await axe(page), []);

    await url.fill('https://partner.example/start');
    await submit.click();
    await page.waitForURL((u) => /\/admin\/plugins\/partners\/\d+$/.test(u.pathname));
    const secret = await takeSecret(page);
    assert.match(secret, /^qps_[A-Za-z0-9_-]{20,}$/);
    const href = new URL(page.url()).pathname;
    const id = Number(href.split('/').pop());

    // Afterwards only its last four characters are shown, also once the page is opened again.
    await page.getByRole('heading', { level: 1, name }).waitFor();
    const hint = main.getByText(msg('secret.hintShown', { hint: secret.slice(-4) }), { exact: true });
    await hint.waitFor();
    assert.equal((await page.content()).includes(secret), false);
    await page.reload();
    await hint.waitFor();
    assert.equal(await page.getByRole('alertdialog').count(), 0);
    assert.equal((await page.content()).includes(secret), false);
    const platform = main.getByRole('region', { name: en['platform.title'] });
    const view = (await request(ctx.cmsUrl).get(`/partners/partners/${id}`).set('Authorization', `Bearer ${token}`).expect(200)).body;
    assert.equal(view.data.secretHint, secret.slice(-4));
    assert.equal(JSON.stringify(view).includes(secret), false);
    await platform.getByText(view.platform.callbackUrl, { exact: true }).waitFor();
    await platform.getByText(view.data.clientId, { exact: true }).waitFor();
    assert.deepEqual(await axe(page), []);

    // A new secret, by keyboard: asked for twice, shown once, and focus comes back to its button.
    const rotate = platform.getByRole('button', { name: en['secret.rotate'] });
    await tabTo(page, rotate);
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('alertdialog', { name: en['secret.rotate.title'] });
    await confirm.getByText(en['secret.rotate.warning']!).waitFor();
    await confirm.getByRole('button', { name: en['secret.rotate.confirm'] }).click();
    const rotated = await takeSecret(page);
    assert.match(rotated, /^qps_/);
    assert.notEqual(rotated, secret);
    assert.ok(await rotate.evaluate((el) => el === document.activeElement), 'focus returns to the button');
    await main.getByText(msg('secret.hintShown', { hint: rotated.slice(-4) }), { exact: true }).waitFor();
    await main
      .getByRole('status')
      .filter({ hasText: msg('secret.rotated', { hint: rotated.slice(-4) }) })
      .waitFor();

    // The old secret stopped working: its callback is refused and the log says why.
    const refused = await postCallback(view.data.clientId, secret, {
      id: crypto.randomUUID(),
      subject: crypto.randomBytes(16).toString('hex'),
      test: 'career-compass',
      completedAt: new Date().toISOString(),
      scores: { total: 30 },
    });
    assert.equal(refused.status, 401);
    const log = main.getByRole('region', { name: en['log.title'] });
    await log.getByRole('button', { name: en['log.refresh'] }).click();
    const entry = log.getByRole('row').filter({ hasText: serverEn['callback.signature']! });
    await entry.waitFor();
    await entry.getByText(en['event.callback']!, { exact: true }).waitFor();
    await entry.getByText(en['outcome.refused']!, { exact: true }).waitFor();
    assert.deepEqual(await axe(page), []);

    // Switched off in its settings; the list says so, and counts the refusal.
    const settings = main.getByRole('form', { name: en['edit.title'] });
    await settings.getByRole('checkbox', { name: en['field.active'] }).click();
    await settings.getByRole('button', { name: en['edit.submit'] }).click();
    await main
      .getByRole('status')
      .filter({ hasText: msg('edit.saved', { name }) })
      .waitFor();
    await page.goto('/admin/plugins/partners');
    const listed = main.getByRole('row').filter({ has: page.getByRole('link', { name, exact: true }) });
    await listed.getByText(en['kind.callback']!, { exact: true }).waitFor();
    await listed.getByText(en['active.off']!, { exact: true }).waitFor();
    await listed.getByRole('gridcell', { name: '1', exact: true }).waitFor();
    assert.deepEqual(await axe(page), []);
  });

  it("a super admin adds a centre's desktop database; its specialist saves the column mapping, imports an XLSX file and settles the row that matched nobody", async () => {
    const token = await adminToken();
    const scales = (await request(ctx.cmsUrl).get('/partners/scales').set('Authorization', `Bearer ${token}`).expect(200)).body.data as Array<{
      key: string;
      name: { en: string };
    }>;
    const centre = (await request(ctx.cmsUrl).get('/api/centres').query({ locale: 'en', 'filters[slug][$eq]': CENTRE, 'fields[0]': 'name' }).expect(200)).body
      .data[0] as { name: string };
    const name = `Desktop ${crypto.randomBytes(3).toString('hex')}`;

    const adminTab = await adminPage(ctx.admin, en['plugin.name']!);
    await adminTab.getByRole('main').getByRole('link', { name: en['list.add'] }).click();
    const form = adminTab.getByRole('main').getByRole('form', { name: en['new.form'] });
    await form.getByRole('radio', { name: en['kind.desktop'] }).click();
    await form.getByRole('textbox', { name: label('field.name') }).fill(name);
    await form.getByRole('combobox', { name: label('field.centre') }).click();
    await adminTab.getByRole('option', { name: centre.name, exact: true }).click();
    await form.getByRole('textbox', { name: label('column.takenAt') }).fill('Date');
    const test = form.getByRole('group', { name: msg('test.legend', { n: 1 }) });
    await test.getByRole('textbox', { name: label('test.key') }).fill('aptitude');
    for (const [key, value] of [
      ['test.name.kk', 'Қабілет'],
      ['test.name.ru', 'Способности'],
      ['test.name.en', 'Aptitude'],
    ] as const)
      await test.getByRole('textbox', { name: label(key) }).fill(value);
    await test.getByRole('textbox', { name: label('scale.from.desktop') }).fill('Logic');
    await test.getByRole('combobox', { name: label('scale.to') }).click();
    await adminTab.getByRole('option', { name: scales[0]!.name.en, exact: true }).click();
    await test.getByRole('textbox', { name: label('scale.min') }).fill('0');
    await test.getByRole('textbox', { name: label('scale.max') }).fill('50');
    await form.getByRole('button', { name: en['new.submit'] }).click();
    // No column to find the person by: the server says so beside the phone's column.
    await form.getByRole('region', { name: /^Not saved/ }).waitFor();
    await form.getByText(serverEn['partner.identifier']!).first().waitFor();
    assert.deepEqual(await axe(adminTab), []);
    await form.getByRole('textbox', { name: label('column.phone') }).fill('Phone');
    await form.getByRole('button', { name: en['new.submit'] }).click();
    await adminTab.waitForURL((u) => /\/admin\/plugins\/partners\/\d+$/.test(u.pathname));
    assert.match(await takeSecret(adminTab), /^qpk_/);
    await adminTab
      .getByRole('main')
      .getByRole('region', { name: en['platform.title'] })
      .getByText(/\/api\/partners\/desktop\/[0-9a-f-]{36}\/results$/)
      .waitFor();
    const partner = { id: Number(new URL(adminTab.url()).pathname.split('/').pop()), name };

    const specialist = await staffMember('qabilet-specialist', CENTRE);
    const page = await adminPage(specialist, en['imports.name']!);
    const main = page.getByRole('main');
    await page.getByRole('heading', { level: 1, name: en['imports.title'] }).waitFor();
    const select = main.getByRole('combobox', { name: label('imports.partner') });
    await select.click();
    await page.getByRole('option', { name: new RegExp(`^${partner.name} `) }).click();

    // The centre's own headers, saved once.
    const columns = main.getByRole('form', { name: en['columns.form'] });
    await columns.getByRole('textbox', { name: label('column.phone') }).fill('Телефон');
    await columns.getByRole('textbox', { name: label('column.takenAt') }).fill('Дата');
    await columns.getByRole('textbox', { name: label('column.externalId') }).fill('№');
    await columns.getByRole('button', { name: en['columns.save'] }).click();
    await columns.getByRole('status').filter({ hasText: en['columns.saved']! }).waitFor();
    const saved = await ctx.strapi.db.connection('partners').where({ id: partner.id }).first();
    assert.deepEqual(JSON.parse(saved.config).columns, { phone: 'Телефон', takenAt: 'Дата', externalId: '№' });
    assert.deepEqual(await axe(page), []);

    // A file with a row of nobody known and a row with a date that cannot be read.
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Results');
    sheet.addRow(['№', 'Телефон', 'Дата', 'Logic']);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10).split('-').reverse().join('.');
    sheet.addRow([`a-${crypto.randomBytes(3).toString('hex')}`, `+7705${crypto.randomInt(1e6, 9e6)}`, yesterday, 35]);
    sheet.addRow([`b-${crypto.randomBytes(3).toString('hex')}`, `+7705${crypto.randomInt(1e6, 9e6)}`, 'yesterday', 20]);
    const file = Buffer.from(await book.xlsx.writeBuffer());
    const upload = main.getByRole('form', { name: en['upload.form'] });
    await upload
      .getByLabel(en['upload.file']!)
      .setInputFiles({ name: 'results.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file });
    await upload.getByRole('button', { name: en['upload.submit'] }).click();
    const section = main.getByRole('region', { name: en['upload.title'] });
    await section.getByRole('heading', { name: '2 rows read' }).waitFor();
    await section.getByText('1 waiting for review', { exact: true }).waitFor();
    await section.getByText('1 rejected', { exact: true }).waitFor();
    // Announced in a sentence (read by screen readers, not shown twice on screen).
    await section
      .getByRole('status')
      .filter({ hasText: /The file is imported: 2 rows, 0 imported, 1 waiting for review/ })
      .waitFor({ state: 'attached' });
    const rejected = section.getByRole('grid', { name: en['summary.rejected.caption'] });
    await rejected
      .getByRole('row')
      .filter({ hasText: serverEn['row.dateFormat']! })
      .getByText(msg('summary.column', { column: 'Дата' }), { exact: false })
      .waitFor();
    assert.deepEqual(await axe(page), []);

    // The queued row, its reason explained; discarded after a confirmation.
    const queue = main.getByRole('region', { name: en['queue.title'] });
    const item = queue.getByRole('listitem').filter({ hasText: serverEn['match.none']! });
    await item.waitFor();
    await item.getByRole('heading', { level: 3, name: /results\.xlsx/ }).waitFor();
    assert.deepEqual(await axe(page), []);
    await item.getByRole('button', { name: en['queue.again.submit'] }).click();
    await item.getByText(en['queue.again.none']!).first().waitFor();
    await item.getByRole('button', { name: en['queue.discard'] }).click();
    const confirm = page.getByRole('alertdialog', { name: en['queue.discard.title'] });
    await confirm.getByRole('button', { name: en['queue.discard.confirm'] }).click();
    await queue.getByRole('status').filter({ hasText: en['queue.discarded']! }).waitFor();
    await queue.getByText(en['queue.empty']!).waitFor();
    const rows = await ctx.strapi.db.connection('partner_import_rows').where({ partner_id: partner.id });
    assert.deepEqual(
      rows.map((r: { status: string }) => r.status),
      ['discarded'],
    );
    assert.deepEqual(await axe(page), []);
  });
});
