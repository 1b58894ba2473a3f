/**
 * The Strapi admin's Registry (plugin talent) in a browser, by keyboard and with axe: the registry
 * of users searched in another spelling, the user card, and what each role sees.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { interpolate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { confirmedUser } from '../api/helpers.ts';
import { staffMember as staffSession } from '../api/crm-helpers.ts';
import { completedConsultation, family, interests, specialistOf } from '../api/talent-helpers.ts';
import { adminContext, axe, logIn, openFromMenu, staffMember, tabTo, type StaffMember } from './admin.ts';

// Kyzylorda's centre (KZ-43) and region, which the other browser tests leave alone.
const CENTRE = 'kyzylorda';
const REGION = 'KZ-43';
const LOCALITY = 'kz-43-kyzylorda';

const translations = new URL('../../plugins/talent/admin/src/translations/', import.meta.url);
/** The plugin's English strings: every part's catalogue merged, as the admin merges them. */
const en: Record<string, string> = Object.assign(
  {},
  ...fs
    .readdirSync(translations)
    .filter((part) => fs.existsSync(new URL(`${part}/en.json`, translations)))
    .map((part) => JSON.parse(fs.readFileSync(new URL(`${part}/en.json`, translations), 'utf8'))),
);
const settled = () => ctx.strapi.plugin('talent').service('people').settled() as Promise<void>;
const talentsSettled = () => ctx.strapi.plugin('talent').service('talents').settled() as Promise<void>;
const msg = (key: string, values: Record<string, string | number> = {}) => interpolate(en[key]!, values);
/** A one-page PDF, as the document check reads it (by its bytes). */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

describe('the Strapi admin: the registry of users and talents', function () {
  this.timeout(120_000);
  const contexts: BrowserContext[] = [];
  let coordinator: StaffMember;
  let operator: StaffMember;

  before(async () => {
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function registry(member: { email: string; password: string }): Promise<Page> {
    const { context, page } = await adminContext();
    contexts.push(context);
    await logIn(page, member);
    await openFromMenu(page, en['plugin.name']!);
    await page.getByRole('heading', { name: en['page.title'], level: 1 }).waitFor();
    return page;
  }

  it('finds a person by a Latin spelling of her Cyrillic name with the keyboard alone, and opens her card', async () => {
    const phone = `+7705${String(Date.now()).slice(-7)}`;
    await confirmedUser({ surname: 'Жұмабекова', firstName: 'Айгерім', phone, region: REGION, locality: LOCALITY });
    await settled();
    const page = await registry(coordinator);
    const search = page.getByRole('search', { name: en['filters.label'] });
    const field = search.getByLabel(en['filter.q']!);
    await tabTo(page, field);
    await page.keyboard.type('Aygerim Zhumabekova');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: en['people.total']!.replace('{total}', '1') }).waitFor();
    const table = page.getByRole('grid').or(page.getByRole('table'));
    const link = table.getByRole('link', { name: 'Жұмабекова Айгерім' });
    await link.waitFor();
    assert.deepEqual(await axe(page), []);
    // The table is one tab stop (the Design System's grid); the arrow keys walk its cells, and a cell
    // with a link puts focus on it.
    await tabTo(page, table);
    await page.keyboard.press('ArrowDown');
    assert.ok(await link.evaluate((el) => el === document.activeElement), 'the arrow keys reach the name');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/plugins\/talent\/people\/\d+$/);
    await page.getByRole('heading', { level: 1, name: /Жұмабекова/ }).waitFor();
    assert.deepEqual(await axe(page), []);
  });

  it('shows a call-centre operator names, phones and open requests only, and no card', async () => {
    const phone = `+7706${String(Date.now()).slice(-7)}`;
    await confirmedUser({ surname: 'Сейтқалиев', firstName: 'Нұрлан', phone, region: REGION, locality: LOCALITY });
    await settled();
    const page = await registry(operator);
    const search = page.getByRole('search', { name: en['filters.label'] });
    await search.getByLabel(en['filter.q']!).fill(phone);
    await search.getByRole('button', { name: en['filters.apply'] }).click();
    await page.getByRole('columnheader', { name: en['col.openRequests'] }).waitFor();
    await page.getByText('Сейтқалиев Нұрлан').waitFor();
    assert.equal(await page.getByRole('columnheader', { name: en['col.birthDate'] }).count(), 0);
    assert.equal(await page.getByRole('link', { name: 'Сейтқалиев Нұрлан' }).count(), 0);
    assert.equal(await search.getByLabel(en['filter.region']!).count(), 0);
    assert.deepEqual(await axe(page), []);
  });

  it('shows a coordinator a talent candidate with the reason, and lets them confirm it with a note by keyboard', async () => {
    const { parent, childDoc, surname } = await family(REGION, LOCALITY);
    await interests(parent, childDoc, ['investigative']);
    await settled();
    await talentsSettled();
    const page = await registry(coordinator);
    await page.getByRole('tab', { name: en['tab.talents'] }).click();
    const table = page.getByRole('grid', { name: en['talents.caption'] }).or(page.getByRole('table', { name: en['talents.caption'] }));
    const row = table.getByRole('row').filter({ hasText: surname });
    await row.first().waitFor();
    await row
      .first()
      .getByText(/percentile \d+ of the age norm/)
      .first()
      .waitFor();
    assert.deepEqual(await axe(page), []);
    const confirm = row.first().getByRole('button', { name: new RegExp(`^${en['talents.confirm']} .*${surname}`) });
    // Her entries are the only ones of the region: the first row's last cell holds the action.
    assert.equal(await table.getByRole('row').count(), 2);
    await tabTo(page, table);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    assert.ok(await confirm.evaluate((el) => el === document.activeElement), 'the arrow keys reach the confirm button');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: en['talents.confirm.title'] });
    await dialog.waitFor();
    assert.deepEqual(await axe(page, ['[role="dialog"]']), []);
    await dialog.getByLabel(en['talents.confirm.note']!).fill('Regional olympiad in physics, second place');
    await dialog.getByRole('button', { name: en['talents.confirm'], exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await row
      .first()
      .getByText(/Regional olympiad in physics/)
      .waitFor();
  });

  it('lets the curator read the rules of talents and refuses a threshold out of range beside its field', async () => {
    const curator = await staffMember('qabilet-project-curator', CENTRE);
    const page = await registry(curator);
    await page.getByRole('tab', { name: en['tab.rules'] }).click();
    const versionsNow = async () => Number(((await ctx.strapi.db.connection('talent_rules').count({ n: '*' }).first()) as { n: number }).n);
    const before = await versionsNow();
    const threshold = page.getByLabel(new RegExp(`^${en['rules.threshold']}`)).first();
    await threshold.waitFor();
    assert.deepEqual(await axe(page), []);
    await threshold.fill('20');
    await page.getByRole('button', { name: en['rules.save'] }).click();
    await page.waitForFunction(() => !!document.querySelector('[aria-invalid="true"]'));
    assert.equal(await threshold.getAttribute('aria-invalid'), 'true');
    assert.equal(await versionsNow(), before, 'nothing stored');
  });

  it('lets a specialist write the journal entry of a completed consultation, saved as they type', async () => {
    const specialist = await staffSession('qabilet-specialist', CENTRE);
    const row = await specialistOf(specialist, CENTRE);
    const person = await confirmedUser({
      surname: 'Журналова',
      firstName: 'Мадина',
      birthDate: '2001-05-20',
      userType: 'student',
      education: 'university',
      region: REGION,
      locality: LOCALITY,
    });
    await completedConsultation(specialist, row, CENTRE, person.jwt);
    const page = await registry(specialist);
    await page.getByRole('tab', { name: en['tab.journal'] }).click();
    const write = page
      .getByRole('link', { name: msg('journal.write', { name: 'Журналова Мадина' }) })
      .or(page.getByRole('button', { name: msg('journal.write', { name: 'Журналова Мадина' }) }));
    await write.first().waitFor();
    assert.deepEqual(await axe(page), []);
    await write.first().click();
    const goal = page.getByLabel(new RegExp(`^${en['journal.goal']}`)).first();
    await goal.waitFor();
    await goal.fill('Choose a profile class');
    await page.getByText(/^Draft saved at/).waitFor({ timeout: 15_000 });
    assert.deepEqual(await axe(page), []);
  });

  it('lets a specialist add a private document to their own card', async () => {
    const specialist = await staffSession('qabilet-specialist', CENTRE);
    const row = await specialistOf(specialist, CENTRE);
    const page = await registry(specialist);
    await page.getByRole('tab', { name: en['tab.specialists'] }).click();
    await page.getByRole('link', { name: msg('specialists.mine', { name: row.name }) }).click();
    await page.getByRole('heading', { name: en['documents.title'] }).waitFor();
    assert.deepEqual(await axe(page), []);
    await page.getByRole('button', { name: en['document.add'] }).click();
    const dialog = page.getByRole('dialog', { name: en['document.add.title'] });
    await dialog.getByRole('combobox', { name: new RegExp(`^${en['document.kind']}`) }).click();
    await page.getByRole('option', { name: en['document.kind.diploma'] }).click();
    await dialog.getByLabel(new RegExp(`^${en['document.title']}`)).fill('Master of Psychology');
    await dialog.getByLabel(new RegExp(`^${en['document.issuer']}`)).fill('Al-Farabi Kazakh National University');
    await dialog.getByLabel(new RegExp(`^${en['document.year']}`)).fill('2015');
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'diploma.pdf', mimeType: 'application/pdf', buffer: PDF });
    assert.deepEqual(await axe(page, ['[role="dialog"]']), []);
    await dialog.getByRole('button', { name: en['document.add.submit'] }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Master of Psychology').waitFor();
    const stored = await ctx.strapi.db.connection('talent_documents').count({ n: '*' }).first();
    assert.ok(Number((stored as { n: number }).n) >= 1);
  });
});
