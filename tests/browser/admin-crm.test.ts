import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { callEvent, lineOf, postCall } from '../api/crm-helpers.ts';
import { adminContext, axe, logIn, openFromMenu, pluginMessages, staffMember, tabTo, type StaffMember } from './admin.ts';

// Centres the API tests of the registry leave alone: Aktobe's (KZ-15) and, for "another region", Jambyl's.
const CENTRE = 'aktobe';
const OTHER_CENTRE = 'jambyl';
const en = pluginMessages('crm', 'en');
const WITH_DIALOG = ['main', '[role="dialog"]'];

/** A booking specialist at CENTRE working every day 08:00–20:00, linked to the staff member's profile. */
async function specialistOf(member: StaffMember, name: string) {
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
  const row = await ctx.strapi.db.query('plugin::booking.specialist').create({
    data: {
      name,
      centre: CENTRE,
      active: true,
      services: ['consultation', 'testing'],
      formats: ['offline', 'online'],
      hours,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 }, testing: { slotMinutes: 90, bufferMinutes: 0 } },
      staffProfile: member.profileId,
    },
  });
  forgetSlots();
  return row as { id: number; name: string };
}

/** A call to CENTRE's public number, as the telephony posts it; answers the request's number. */
async function call(overrides: Parameters<typeof callEvent>[0] = {}) {
  const event = callEvent({ line: await lineOf(CENTRE), ...overrides });
  const res = await postCall(event).expect(201);
  return { ...event, id: res.body.data.id as string, number: res.body.data.number as string };
}

const tokenOf = async (member: StaffMember) =>
  (await request(ctx.cmsUrl).post('/admin/login').send({ email: member.email, password: member.password }).expect(200)).body.data.token as string;

/** Applies the registry's filters by their labels, as staff do. */
async function filter(page: Page, values: { phone?: string; from?: string; source?: string; status?: string }) {
  const form = page.getByRole('search', { name: en['filter.label'] });
  if (values.phone !== undefined) await form.getByLabel(en['filter.phone']).fill(values.phone);
  if (values.from) await form.getByLabel(en['filter.from']).fill(values.from);
  for (const key of ['source', 'status'] as const) {
    if (!values[key]) continue;
    await form.getByLabel(en[`filter.${key}`]).click();
    await page.getByRole('option', { name: values[key], exact: true }).click();
  }
  await form.getByRole('button', { name: en['filter.apply'] }).click();
}

const rowOf = (page: Page, number: string): Locator => page.getByRole('row').filter({ has: page.getByRole('button', { name: `Open request ${number}` }) });

describe('the Strapi admin: the registry of requests', function () {
  this.timeout(120_000);
  const contexts: BrowserContext[] = [];
  let specialist: StaffMember;
  let specialistRow: { id: number; name: string };
  let coordinator: StaffMember;

  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    specialistRow = await specialistOf(specialist, `Registry ${crypto.randomBytes(3).toString('hex')}`);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** A browser of its own for `member`, logged in, on the Requests page. */
  async function requestsPage(member: StaffMember): Promise<Page> {
    const { context, page } = await adminContext();
    contexts.push(context);
    await logIn(page, member);
    await openFromMenu(page, en['plugin.name']);
    await page.getByRole('heading', { level: 1 }).waitFor();
    return page;
  }

  it('shows a call posted to the webhook in the coordinator’s registry and in the specialist’s list', async () => {
    const incoming = await call();
    const coordinatorPage = await requestsPage(coordinator);
    await coordinatorPage.getByRole('heading', { name: en['page.title'], level: 1 }).waitFor();
    await filter(coordinatorPage, { phone: incoming.caller });
    const row = rowOf(coordinatorPage, incoming.number);
    await row.getByText(en['status.open'], { exact: true }).waitFor();
    await row.getByText(en['source.call_centre']).waitFor();
    assert.equal(await coordinatorPage.getByRole('heading', { name: '1 request' }).count(), 1);
    assert.deepEqual(await axe(coordinatorPage), []);

    const specialistPage = await requestsPage(specialist);
    await specialistPage.getByRole('heading', { name: en['page.title.mine'], level: 1 }).waitFor();
    // An unassigned request of their centre is theirs to see; their list filters by status only.
    await rowOf(specialistPage, incoming.number).waitFor();
    assert.equal(await specialistPage.getByRole('search').getByLabel(en['filter.phone']).count(), 0);
    assert.deepEqual(await axe(specialistPage), []);
  });

  it('an operator opens the call in progress, books a slot for it and finds it again by phone', async () => {
    const operator = await staffMember('qabilet-call-centre-operator', 'astana');
    const page = await requestsPage(operator);
    const panel = page.getByRole('region', { name: en['call.title'] });
    await panel.getByText(en['call.none']).waitFor();
    const incoming = await call({ operator: operator.email });
    // The panel asks every 3 seconds.
    const open = panel.getByRole('button', { name: `Open request ${incoming.number}` });
    await open.waitFor({ timeout: 10_000 });
    await panel.getByText(incoming.caller, { exact: false }).waitFor();
    assert.deepEqual(await axe(page), []);

    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: `Request ${incoming.number}` });
    await dialog.getByRole('button', { name: en['action.book'] }).click();
    const times = dialog.getByRole('radiogroup', { name: en['slots.title'] }).getByRole('radio');
    await times.first().waitFor();
    assert.deepEqual(await axe(page, WITH_DIALOG), []);
    // The arrow keys walk the times of the one radio group.
    await times.first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    const chosen = dialog.getByRole('radio', { checked: true });
    assert.equal(await chosen.count(), 1);
    await dialog.getByRole('button', { name: en['slots.book'] }).click();
    await dialog.getByText(en['status.confirmed'], { exact: true }).waitFor();
    await dialog.getByText(en['history.booked']).waitFor();
    const stored = await ctx.strapi.db.connection('crm_requests').where({ document_id: incoming.id }).first();
    assert.equal(stored.status, 'confirmed');
    assert.ok(stored.booking_id);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });

    // The caller calls back: the operator finds the request by phone.
    await page.getByRole('tab', { name: en['tabs.registry'] }).click();
    await filter(page, { phone: incoming.caller });
    await rowOf(page, incoming.number).getByText(en['status.confirmed'], { exact: true }).waitFor();
    assert.deepEqual(await axe(page), []);
  });

  it('a specialist completes a request of theirs with the note the server asks for', async () => {
    // An operator booked the caller with this specialist, and the time has come.
    const incoming = await call();
    const operator = await staffMember('qabilet-call-centre-operator', 'astana');
    const date = kzDate(new Date(Date.now() + 2 * 86_400_000));
    const slots = await request(ctx.cmsUrl)
      .get('/api/booking/slots')
      .query({ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date })
      .expect(200);
    const slot = slots.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === specialistRow.name);
    await request(ctx.cmsUrl)
      .post(`/crm/requests/${incoming.id}/book`)
      .set('Authorization', `Bearer ${await tokenOf(operator)}`)
      .send({ slot: slot.id })
      .expect(200);
    const stored = await ctx.strapi.db.connection('crm_requests').where({ document_id: incoming.id }).first();
    await ctx.strapi.db
      .connection('booking_bookings')
      .where({ id: stored.booking_id })
      .update({ start: new Date(Date.now() - 3_600_000), end: new Date(Date.now() - 900_000) });

    const page = await requestsPage(specialist);
    await filter(page, { status: en['status.confirmed'] });
    await rowOf(page, incoming.number)
      .getByRole('button', { name: `Open request ${incoming.number}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Request ${incoming.number}` });
    await dialog.getByRole('button', { name: en['action.complete'] }).click();
    await dialog.getByRole('button', { name: en['complete.submit'] }).click();
    // The server's words, beside the field they are about.
    const note = dialog.getByLabel(en['complete.note']);
    await dialog.getByText('Write a short note on how it went.').waitFor();
    assert.equal(await note.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page, WITH_DIALOG), []);
    await note.fill('Кеңес өтті: кәсіптік тест ұсынылды');
    await dialog.getByRole('button', { name: en['complete.submit'] }).click();
    await dialog.getByText(en['status.completed'], { exact: true }).waitFor();
    await dialog.getByText('Кеңес өтті: кәсіптік тест ұсынылды').first().waitFor();
    assert.equal((await ctx.strapi.db.connection('crm_requests').where({ document_id: incoming.id }).first()).status, 'completed');
  });

  it('an operator enters a caller who is not registered: consent is asked beside its box', async () => {
    const operator = await staffMember('qabilet-call-centre-operator', 'astana');
    const page = await requestsPage(operator);
    const form = page.getByRole('form', { name: en['new.title'] });
    await form.getByRole('radio', { name: en['new.who.lead'] }).click();
    await form.getByLabel(en['new.lead.name']).fill('Әсел Нұрғалиева');
    await form.getByLabel(en['new.lead.phone']).fill(`+7705${crypto.randomInt(1e6, 9e6)}`);
    await form.getByLabel(en['new.service']).click();
    await page.getByRole('option', { name: en['service.testing'] }).click();
    await form.getByLabel(en['new.format']).click();
    await page.getByRole('option', { name: en['format.online'] }).click();
    await form.getByLabel(en['new.region']).click();
    await page.getByRole('option', { name: 'Aktobe Region' }).click();
    await form.getByRole('button', { name: en['new.submit'] }).click();
    // The server's words, beside the box they are about.
    const consent = form.getByRole('checkbox', { name: en['new.consent'] });
    await form.getByText('Confirm that the caller agreed to the processing of their personal data.').waitFor();
    assert.equal(await consent.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axe(page), []);
    await consent.click();
    await form.getByRole('button', { name: en['new.submit'] }).click();
    const dialog = page.getByRole('dialog', { name: /^Request Q-\d+$/ });
    await dialog.getByText('Әсел Нұрғалиева (not registered)').waitFor();
    await dialog.getByText(`${en['service.testing']}, ${en['format.online']}`).waitFor();
  });

  it('a coordinator filters, acts on the selected rows, assigns from the request and exports to XLSX', async () => {
    const today = kzDate(new Date());
    const [first, second, third, fourth] = [await call(), await call(), await call(), await call()];
    const page = await requestsPage(coordinator);
    await filter(page, { source: en['source.call_centre'], from: today });
    for (const r of [first, second, third, fourth]) await rowOf(page, r!.number).waitFor();

    const bulk = page.getByRole('group', { name: en['bulk.label'] });
    await page.getByRole('checkbox', { name: `Select ${first!.number}` }).click();
    await page.getByRole('checkbox', { name: `Select ${second!.number}` }).click();
    await bulk.getByText('2 requests selected').waitFor();
    assert.deepEqual(await axe(page), []);
    await bulk.getByRole('button', { name: en['bulk.noAnswer'] }).click();
    const outcome = page.getByRole('main').getByRole('status').filter({ hasText: 'requests changed' });
    await outcome.getByText('2 requests changed.').waitFor();
    await rowOf(page, first!.number).getByText(en['status.no_answer'], { exact: true }).waitFor();

    // One closed and one open: the open one is cancelled, the closed one left with the server's reason.
    await page.getByRole('checkbox', { name: `Select ${first!.number}` }).click();
    await page.getByRole('checkbox', { name: `Select ${third!.number}` }).click();
    await bulk.getByRole('button', { name: en['bulk.cancel'] }).click();
    const cancel = page.getByRole('dialog', { name: 'Cancel 2 requests' });
    await cancel.getByLabel(en['cancel.note']).fill('Дубль звонка');
    assert.deepEqual(await axe(page, WITH_DIALOG), []);
    await cancel.getByRole('button', { name: en['bulk.cancel.submit'] }).click();
    const mixed = page.getByRole('main').getByRole('status').filter({ hasText: '1 request changed; 1 left as they were:' });
    await mixed.getByText(new RegExp(`^${first!.number}: .*${en['status.no_answer']}`)).waitFor();
    await rowOf(page, third!.number).getByText(en['status.cancelled'], { exact: true }).waitFor();

    // Assigning one from its own view.
    await rowOf(page, fourth!.number)
      .getByRole('button', { name: `Open request ${fourth!.number}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Request ${fourth!.number}` });
    await dialog.getByRole('button', { name: en['action.assign'] }).click();
    await dialog.getByLabel(en['assign.specialist']).click();
    await page.getByRole('option', { name: specialistRow.name }).click();
    await dialog.getByRole('button', { name: en['assign.submit'] }).click();
    await dialog.getByText(en['history.assigned']).waitFor();
    assert.deepEqual(await axe(page, WITH_DIALOG), []);
    await dialog.getByRole('button', { name: en['dialog.close'] }).first().click();
    await rowOf(page, fourth!.number).getByText(specialistRow.name).waitFor();

    // The export: the list as filtered, every page, headers in Russian.
    const token = await tokenOf(coordinator);
    const admin = (path: string) => request(ctx.cmsUrl).get(path).set('Authorization', `Bearer ${token}`).expect(200);
    const total = (await admin(`/crm/requests?source=call_centre&from=${today}&pageSize=1`)).body.meta.pagination.total as number;
    const template = (await admin('/crm/exports/templates')).body.data[0] as { name: string; columns: Array<{ key: string; header: Record<string, string> }> };
    await page.getByRole('button', { name: en['export.open'] }).click();
    const exporting = page.getByRole('dialog', { name: en['export.title'] });
    await exporting.getByLabel(en['export.template']).getByText(template.name).waitFor();
    await exporting.getByRole('radio', { name: en['export.file.xlsx'] }).click();
    await exporting.getByLabel(en['export.locale']).click();
    await page.getByRole('option', { name: en['language.ru'] }).click();
    assert.deepEqual(await axe(page, WITH_DIALOG), []);
    const [download] = await Promise.all([page.waitForEvent('download'), exporting.getByRole('button', { name: en['export.submit'] }).click()]);
    assert.match(download.suggestedFilename(), /\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download.path());
    const sheet = book.worksheets[0]!;
    assert.deepEqual(
      (sheet.getRow(1).values as unknown[]).slice(1),
      template.columns.map((c) => c.header.ru),
    );
    assert.equal(sheet.actualRowCount - 1, total);
    const numbers = sheet.getColumn(template.columns.findIndex((c) => c.key === 'number') + 1).values.slice(2);
    for (const r of [first, second, third, fourth]) assert.ok(numbers.includes(r!.number), r!.number);
  });

  it('a curator reads and exports the registry, with no bulk actions and no assigning', async () => {
    const incoming = await call();
    const curator = await staffMember('qabilet-project-curator', 'astana');
    const page = await requestsPage(curator);
    await filter(page, { phone: incoming.caller });
    await rowOf(page, incoming.number).waitFor();
    assert.equal(await page.getByRole('checkbox').count(), 0);
    assert.equal(await page.getByRole('group', { name: en['bulk.label'] }).count(), 0);
    await page.getByRole('button', { name: en['export.open'] }).waitFor();
    assert.deepEqual(await axe(page), []);
    await rowOf(page, incoming.number)
      .getByRole('button', { name: `Open request ${incoming.number}` })
      .click();
    const dialog = page.getByRole('dialog', { name: `Request ${incoming.number}` });
    await dialog.getByRole('heading', { name: en['details.history'] }).waitFor();
    assert.equal(await dialog.getByRole('button', { name: en['action.assign'] }).count(), 0);
    assert.equal(await dialog.getByRole('heading', { name: en['details.actions'] }).count(), 0);
    assert.deepEqual(await axe(page, WITH_DIALOG), []);
  });

  it('a coordinator of another region does not see the request', async () => {
    const incoming = await call();
    const elsewhere = await staffMember('qabilet-regional-coordinator', OTHER_CENTRE);
    const page = await requestsPage(elsewhere);
    await filter(page, { phone: incoming.caller });
    await page.getByText(en['list.empty']).waitFor();
    assert.equal(await rowOf(page, incoming.number).count(), 0);
    assert.deepEqual(await axe(page), []);
  });
});
