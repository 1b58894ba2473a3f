import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { addDays, kzDate, interpolate } from '@qabilet/domain';
import { kk } from './messages.ts';
import { ctx, smsTo } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';

// A centre no other test books at; its demo specialists are away while this runs.
const CENTRE = 'mangystau';
const BOOK_PAGE = `/kk/centres/${CENTRE}/book/`;
const SPECIALIST = 'plugin::booking.specialist';
const EXCEPTION = 'plugin::booking.exception';
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const fill = (text: string | undefined, values: Record<string, string>) => interpolate(String(text), values);

/** Moves focus with Tab alone until `target` has it: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target} with the Tab key`);
}

const hasFocus = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** axe-core on the page as it stands, with the tags of the site's crawl (tests/browser/axe.test.ts). */
async function axe(page: Page): Promise<string[]> {
  const { violations } = await page.evaluate(() =>
    (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
      resultTypes: ['violations'],
    }),
  );
  return violations.map(
    (v) =>
      `${v.id}: ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  );
}

describe('the waitlist in a browser, in Kazakh', function () {
  this.timeout(120_000);
  const made: number[] = [];
  const date = addDays(kzDate(new Date()), 3);
  let specialistId = 0;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    const today = kzDate(new Date());
    for (const s of await ctx.strapi.db.query(SPECIALIST).findMany({ where: { centre: CENTRE }, select: ['id'] })) {
      made.push((await ctx.strapi.db.query(EXCEPTION).create({ data: { specialist: s.id, kind: 'closed', from: today, to: addDays(today, 60) } })).id);
    }
    // Ours works on one day only, one consultation (08:00–08:45, then 15 minutes' buffer).
    const name = `Kutu ${crypto.randomBytes(3).toString('hex')}`;
    specialistId = (
      await ctx.strapi.db.query(SPECIALIST).create({
        data: {
          name,
          centre: CENTRE,
          active: true,
          services: ['consultation'],
          formats: ['offline'],
          hours: [],
          timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 } },
        },
      })
    ).id;
    made.push((await ctx.strapi.db.query(EXCEPTION).create({ data: { specialist: specialistId, kind: 'extra', date, opens: '08:00', closes: '09:00' } })).id);
  });
  after(async () => {
    for (const id of made) await ctx.strapi.db.query(EXCEPTION).delete({ where: { id } });
  });
  beforeEach(async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US', timezoneId: 'America/New_York' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('joins the waitlist with the keyboard when nothing is free, is offered a cancelled time, and books it from the link', async () => {
    // The day's one time is booked by someone else: the centre has nothing free.
    const holder = await confirmedUser({ birthDate: '1998-08-08', userType: 'student', education: 'university' });
    const slots = await api().get('/api/booking/slots').query({ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date }).expect(200);
    assert.equal(slots.body.data.length, 1);
    const slot = slots.body.data[0];
    const held = (
      await api()
        .post('/api/booking/bookings')
        .set('Authorization', `Bearer ${holder.jwt}`)
        .send({ slot: slot.id, service: 'consultation', format: 'offline' })
        .expect(201)
    ).body.data;
    const phone = `+7771${crypto.randomInt(1e6, 9e6)}`;
    const user = await confirmedUser({ birthDate: '2000-01-15', userType: 'student', education: 'university', phone });

    // Logged out, the form says to log in, and the login link brings the visitor back.
    await page.goto(BOOK_PAGE);
    const login = page.getByRole('main').getByRole('link', { name: kk['booking.login'] }).first();
    await tabTo(page, login);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/account/login/?next=*');
    await page.waitForSelector('main form button[type=submit]:enabled');
    await page.getByLabel(kk['field.email'], { exact: true }).fill(user.email);
    await page.getByLabel(kk['field.password'], { exact: true }).fill(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`**${BOOK_PAGE}`);

    // No free time in the month on show: the waitlist is offered, and opened with the keyboard.
    const open = page.getByRole('button', { name: kk['booking.waitlist.open'] });
    await open.waitFor();
    assert.equal(await open.getAttribute('aria-expanded'), 'false');
    await tabTo(page, open);
    await page.keyboard.press('Enter');
    const title = page.getByRole('heading', { name: kk['booking.waitlist.title'], exact: true });
    await title.waitFor();
    assert.ok(await hasFocus(title), 'the form’s heading takes focus');
    assert.equal(await open.getAttribute('aria-expanded'), 'true');
    const from = page.getByLabel(kk['booking.waitlist.from']!, { exact: true });
    const to = page.getByLabel(kk['booking.waitlist.to']!, { exact: true });
    await tabTo(page, from);
    await from.fill(date);
    // (Tab walks a date field's day, month and year first.)
    await tabTo(page, to);
    await to.fill(date);
    assert.deepEqual(await axe(page), []);
    await tabTo(page, page.getByRole('button', { name: kk['booking.waitlist.submit'] }));
    await page.keyboard.press('Enter');
    const done = page.getByRole('heading', { name: kk['booking.waitlist.done.title'] });
    await done.waitFor();
    assert.ok(await hasFocus(done), 'the result’s heading takes focus');
    await page.getByRole('status').filter({ hasText: kk['booking.waitlist.done.title']! }).waitFor();
    assert.deepEqual(await axe(page), []);

    // The holder cancels: the freed time is held for our visitor, who gets the link by SMS.
    const since = ctx.sms.length;
    await api().post(`/api/booking/bookings/${held.id}/cancel`).set('Authorization', `Bearer ${holder.jwt}`).send({}).expect(200);
    const link = new URL(String(/https?:\/\/\S+\/account\/offer\/#\S+/.exec((await smsTo(phone, since, 10_000)).body)?.[0]));
    assert.equal(link.pathname, '/kk/account/offer/');
    await page.goto(link.pathname + link.hash);
    const heldTitle = page
      .getByRole('heading', { level: 2 })
      .filter({ hasText: fill(kk['booking.offer.held.title'], { date: '', time: slot.time }).replace(/^,\s*/, '') });
    await heldTitle.waitFor();
    assert.equal(new URL(page.url()).hash, '', 'the token is taken out of the address bar');
    const countdown = page.locator('[aria-live="polite"]');
    assert.match(String(await countdown.textContent()), /\d+/);
    assert.ok(String(await page.locator('main dl').textContent()).includes(slot.time));
    assert.deepEqual(await axe(page), []);

    await tabTo(page, page.getByRole('button', { name: kk['booking.offer.accept'] }));
    await page.keyboard.press('Enter');
    const booked = page.getByRole('heading', { name: kk['booking.done.title'] });
    await booked.waitFor();
    assert.ok(await hasFocus(booked), 'the booking’s heading takes focus');
    assert.deepEqual(await axe(page), []);
    await tabTo(page, page.getByRole('link', { name: kk['booking.done.see'] }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kk/account/bookings/');
    const mine = (await api().get('/api/booking/bookings/mine').set('Authorization', `Bearer ${user.jwt}`).expect(200)).body.data;
    assert.deepEqual([mine[0].date, mine[0].time, mine[0].status], [date, slot.time, 'requested']);
    await page.locator(`[data-booking="${mine[0].id}"]`).getByText(kk['booking.status.requested']!).waitFor();
    await page.getByRole('heading', { name: kk['booking.waitlist.mine.title'] }).waitFor();
    await page.getByText(kk['booking.waitlist.mine.none']!).waitFor();
    const cells = await ctx.strapi.db.connection('booking_cells').where({ specialist_id: specialistId });
    assert.ok(
      cells.every((c: { booking_id: number | string }) => Number(c.booking_id) > 0),
      'the hold gave way to the booking',
    );
  });

  it('lists a place on the waitlist in the cabinet, and leaves it with the keyboard', async () => {
    const user = await confirmedUser({ birthDate: '2001-02-02', userType: 'student', education: 'university' });
    const joined = await api()
      .post('/api/booking/waitlist')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ centre: CENTRE, service: 'consultation', format: 'offline', from: addDays(date, 1), to: addDays(date, 5) })
      .expect(201);
    assert.equal(joined.body.data.status, 'waiting');
    await page.goto('/kk/account/login/?next=%2Fkk%2Faccount%2Fbookings%2F');
    await page.waitForSelector('main form button[type=submit]:enabled');
    await page.getByLabel(kk['field.email'], { exact: true }).fill(user.email);
    await page.getByLabel(kk['field.password'], { exact: true }).fill(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kk/account/bookings/');
    const place = page.locator(`[data-waitlist="${joined.body.data.id}"]`);
    await place.getByText(kk['booking.waitlist.status.waiting']!).waitFor();
    assert.deepEqual(await axe(page), []);
    await tabTo(page, place.getByRole('button', { name: kk['booking.waitlist.leave'] }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(kk['booking.waitlist.left']!).waitFor();
    assert.ok(await hasFocus(page.getByRole('heading', { name: kk['booking.waitlist.mine.title'] })));
    await page.getByText(kk['booking.waitlist.mine.none']!).waitFor();
  });

  it("says what to do with an incomplete link, and with one that is not the visitor's", async () => {
    await page.goto('/kk/account/offer/');
    await page.getByText(kk['booking.offer.noToken']!).waitFor();
    assert.deepEqual(await axe(page), []);
    const user = await confirmedUser({ birthDate: '2001-03-03', userType: 'student', education: 'university' });
    await page.goto('/kk/account/login/?next=%2Fkk%2Faccount%2Foffer%2F');
    await page.waitForSelector('main form button[type=submit]:enabled');
    await page.getByLabel(kk['field.email'], { exact: true }).fill(user.email);
    await page.getByLabel(kk['field.password'], { exact: true }).fill(user.password);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kk/account/offer/');
    await page.goto(`/kk/account/offer/#${'x'.repeat(32)}`);
    await page.getByRole('heading', { name: kk['booking.offer.notFound.title'] }).waitFor();
    assert.deepEqual(await axe(page), []);
  });
});
