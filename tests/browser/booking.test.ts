import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { addDays, kzDate } from '@qabilet/domain';
import { kk } from './messages.ts';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';

// A centre the API tests leave alone; its demo specialists work on weekdays.
const CENTRE = 'karaganda';
const BOOK_PAGE = `/kk/centres/${CENTRE}/book/`;
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Moves focus with Tab alone until `target` has it: proves it is reachable by keyboard, in order. */
async function tabTo(page: Page, target: Locator, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`could not reach ${target} with the Tab key`);
}

const focused = (page: Page) =>
  page.evaluate(() => ({
    date: (document.activeElement as HTMLElement | null)?.dataset.date,
    free: document.activeElement?.getAttribute('aria-disabled') !== 'true',
    tag: document.activeElement?.tagName,
  }));

/** A pupil under 18 whose parent has consented by the e-mailed link, as the cabinet lets them. */
async function pupilWithConsent(firstName: string) {
  const pupil = await confirmedUser({ birthDate: '2011-03-15', firstName, gender: 'male' });
  const parent = `parent.${crypto.randomBytes(3).toString('hex')}@example.kz`;
  const since = ctx.mails.length;
  await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${pupil.jwt}`).send({ email: parent }).expect(202);
  const token = new URL(String((await mailTo(parent, since)).text?.match(/https?:\/\/\S+/)?.[0])).searchParams.get('token');
  await api().post('/api/accounts/parental-consent/confirm').send({ token }).expect(200);
  return pupil;
}

/** Logs in from the page's own link, which brings the visitor back to it. */
async function logInFrom(page: Page, user: { email: string; password: string }, keyboard: boolean, path = BOOK_PAGE): Promise<void> {
  await page.goto(path);
  const login = page.getByRole('main').getByRole('link', { name: kk['booking.login'] });
  if (keyboard) {
    await tabTo(page, login);
    await page.keyboard.press('Enter');
  } else await login.click();
  await page.waitForURL('**/account/login/?next=*');
  await page.waitForSelector('main form button[type=submit]:enabled');
  await page.getByLabel(kk['field.email'], { exact: true }).fill(user.email);
  await page.getByLabel(kk['field.password'], { exact: true }).fill(user.password);
  await page.keyboard.press('Enter');
  await page.waitForURL(`**${path}`);
  await page
    .locator(path === BOOK_PAGE ? '.booking-calendar .day-free' : '.my-bookings')
    .first()
    .waitFor();
}

/** Moves the calendar's focus with the arrow keys to a free day at least two days ahead (past the change notice). */
async function arrowToFreeDay(page: Page): Promise<string> {
  const earliest = addDays(kzDate(new Date()), 2);
  for (let i = 0; i < 45; i++) {
    await page.waitForSelector('.booking-calendar table:not([aria-busy])');
    const day = await focused(page);
    if (day.date && day.date >= earliest && day.free) return day.date;
    await page.keyboard.press('ArrowRight');
  }
  return assert.fail('no free day within the arrow keys’ reach');
}

/** axe-core on the page as it stands (loaded by the context's init script, past the page's CSP). */
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

const mine = (jwt: string) =>
  api()
    .get('/api/booking/bookings/mine')
    .set('Authorization', `Bearer ${jwt}`)
    .expect(200)
    .then((r) => r.body.data as Array<{ id: string; status: string; date: string; time: string }>);

describe('booking in a browser, in Kazakh', function () {
  this.timeout(90_000);
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => {
    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US', timezoneId: 'America/New_York' });
    await context.addInitScript(axeSource);
    page = await context.newPage();
  });
  afterEach(() => context.close());

  it('a pupil books a slot with the keyboard alone, sees it among their bookings and cancels it', async () => {
    const pupil = await pupilWithConsent('Айбек');
    await logInFrom(page, pupil, true);
    assert.equal(await page.getByLabel(kk['booking.centre'], { exact: true }).inputValue(), CENTRE);

    // The calendar is one tab stop; the arrow keys walk its days.
    await tabTo(page, page.locator('.booking-calendar button[tabindex="0"]'));
    const date = await arrowToFreeDay(page);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator(`.booking-calendar button[data-date="${date}"]`).getAttribute('aria-pressed'), 'true');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).tag, 'INPUT');
    await page.keyboard.press('Space');
    const label = String(
      await page
        .locator('.slot-choices label')
        .filter({ has: page.locator('input:checked') })
        .textContent(),
    ).trim();
    const time = label.slice(0, 5);
    assert.match(time, /^\d\d:\d\d$/);

    await tabTo(page, page.getByRole('button', { name: kk['booking.continue'] }));
    await page.keyboard.press('Enter');
    const confirmTitle = page.getByRole('heading', { name: kk['booking.confirm.title'] });
    await confirmTitle.waitFor();
    assert.ok(await confirmTitle.evaluate((el) => el === document.activeElement), 'the summary’s heading takes focus');
    const summary = page.locator('.booking-confirm dl');
    await summary.getByText(time, { exact: false }).waitFor();
    // Times are Almaty's whatever the browser's zone (this one is New York's).
    assert.equal(await summary.locator('dd').nth(5).textContent(), kk['booking.summary.timeValue'].replace('{time}', time));

    await tabTo(page, page.getByRole('button', { name: kk['booking.confirm'] }));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: kk['booking.done.title'] }).waitFor();
    await page.getByText(kk['booking.done.requested']).waitFor();
    assert.deepEqual(await axe(page), []);
    const [booking] = await mine(pupil.jwt);
    assert.deepEqual([booking!.status, booking!.date, booking!.time], ['requested', date, time]);

    await tabTo(page, page.getByRole('link', { name: kk['booking.done.see'] }));
    await page.keyboard.press('Enter');
    await page.waitForURL('**/kk/account/bookings/');
    const item = page.locator(`[data-booking="${booking!.id}"]`);
    await item.getByText(kk['booking.status.requested']).waitFor();
    await tabTo(page, item.getByRole('button', { name: kk['booking.mine.cancel'] }));
    await page.keyboard.press('Enter');
    const question = item.getByRole('heading', { level: 4 });
    await question.waitFor();
    assert.ok(await question.evaluate((el) => el === document.activeElement), 'the question takes focus');
    assert.deepEqual(await axe(page), []);
    await tabTo(page, item.getByLabel(kk['booking.mine.cancel.reason']));
    await page.keyboard.type('Сабаққа қатысуым керек');
    await tabTo(page, item.getByRole('button', { name: kk['booking.mine.cancel.confirm'] }));
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText(kk['booking.mine.cancelled']).waitFor();
    await page.locator(`[data-booking="${booking!.id}"]`).getByText(kk['booking.status.cancelled']).waitFor();
    assert.equal((await mine(pupil.jwt))[0]!.status, 'cancelled');
  });

  it('offers the nearest free slots when the chosen one is taken before confirming', async () => {
    const pupil = await pupilWithConsent('Дана');
    const rival = await confirmedUser({ birthDate: '1999-02-02', userType: 'student', education: 'university' });
    await logInFrom(page, pupil, false);
    await page.locator('.booking-calendar button[tabindex="0"]').focus();
    await arrowToFreeDay(page);
    await page.keyboard.press('Enter');
    await page.locator('.slot-choices input').first().check();
    const slot = String(await page.locator('.slot-choices input:checked').getAttribute('value'));
    await page.getByRole('button', { name: kk['booking.continue'] }).click();

    // Someone else takes it between the listing and the confirmation.
    await api()
      .post('/api/booking/bookings')
      .set('Authorization', `Bearer ${rival.jwt}`)
      .send({ slot, service: 'consultation', format: 'offline' })
      .expect(201);
    await page.getByRole('button', { name: kk['booking.confirm'] }).click();
    const alert = page.getByRole('alert');
    await alert.getByText(kk['booking.taken']).waitFor();
    assert.ok(await alert.evaluate((el) => el === document.activeElement), 'the message takes focus');
    const nearest = page.getByRole('group', { name: kk['booking.taken.nearest'] }).getByRole('radio');
    assert.ok((await nearest.count()) >= 1);
    assert.equal(await page.getByRole('button', { name: kk['booking.confirm'] }).isDisabled(), true, 'the taken slot cannot be confirmed again');
    assert.deepEqual(await axe(page), []);

    await nearest.first().check();
    const other = String(await nearest.first().getAttribute('value'));
    assert.notEqual(other, slot);
    await page.getByRole('button', { name: kk['booking.confirm'] }).click();
    await page.getByRole('heading', { name: kk['booking.done.title'] }).waitFor();
    assert.equal((await mine(pupil.jwt)).length, 1);
  });

  it('retries a confirmation whose answer was lost with the same Idempotency-Key, and books once', async () => {
    const pupil = await pupilWithConsent('Нұрасыл');
    await logInFrom(page, pupil, false);
    await page.locator('.booking-calendar button[tabindex="0"]').focus();
    await arrowToFreeDay(page);
    await page.keyboard.press('Enter');
    await page.locator('.slot-choices input').first().check();
    await page.getByRole('button', { name: kk['booking.continue'] }).click();

    // The first request reaches the CMS and books, but its answer never comes back.
    const keys: string[] = [];
    await page.route('**/api/booking/bookings', async (route) => {
      keys.push(String(route.request().headers()['idempotency-key']));
      if (keys.length === 1) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      return route.continue();
    });
    await page.getByRole('button', { name: kk['booking.confirm'] }).click();
    await page.getByRole('alert').getByText(kk['booking.unreachable']).waitFor();
    await page.getByRole('alert').getByRole('button', { name: kk['booking.retry'] }).click();
    await page.getByRole('heading', { name: kk['booking.done.title'] }).waitFor();
    assert.equal(keys.length, 2);
    assert.match(keys[0]!, /^[\w-]{8,100}$/);
    assert.equal(keys[1], keys[0]);
    assert.equal((await mine(pupil.jwt)).length, 1);
  });

  it('moves a booking to another time from the bookings page', async () => {
    const pupil = await pupilWithConsent('Мирас');
    const from = addDays(kzDate(new Date()), 2);
    const listed = await api()
      .get('/api/booking/slots')
      .query({ centre: CENTRE, service: 'consultation', format: 'offline', from, to: addDays(from, 6) })
      .expect(200);
    const first = listed.body.data[0];
    await api()
      .post('/api/booking/bookings')
      .set('Authorization', `Bearer ${pupil.jwt}`)
      .send({ slot: first.id, service: 'consultation', format: 'offline' })
      .expect(201);
    const [booking] = await mine(pupil.jwt);

    await logInFrom(page, pupil, false, '/kk/account/bookings/');
    const item = page.locator(`[data-booking="${booking!.id}"]`);
    await item.getByRole('button', { name: kk['booking.mine.reschedule'] }).click();
    await item.getByRole('heading', { level: 4, name: kk['booking.mine.reschedule.title'] }).waitFor();
    await item.locator('.booking-calendar button[tabindex="0"]').focus();
    const date = await arrowToFreeDay(page);
    await page.keyboard.press('Enter');
    const last = item.locator('.slot-choices input').last();
    await last.check();
    const time = String(await item.locator('.slot-choices label').last().textContent())
      .trim()
      .slice(0, 5);
    assert.notDeepEqual([date, time], [first.date, first.time]);
    assert.deepEqual(await axe(page), []);
    await item.getByRole('button', { name: new RegExp(time) }).click();
    await page.getByRole('status').getByText(kk['booking.mine.rescheduled'].split(':')[0]!).waitFor();
    const [moved] = await mine(pupil.jwt);
    assert.deepEqual([moved!.id, moved!.date, moved!.time], [booking!.id, date, time]);
  });

  it('opens on next month when this month has nothing left', async () => {
    // Every specialist of a centre no other test books is away for the rest of this month.
    const centre = 'atyrau';
    const today = kzDate(new Date());
    const [y, m] = today.split('-').map(Number);
    const lastOfMonth = new Date(Date.UTC(y!, m!, 0)).toISOString().slice(0, 10);
    const next = new Date(Date.UTC(y!, m!, 1)).toISOString().slice(0, 7);
    const specialists = await ctx.strapi.db.query('plugin::booking.specialist').findMany({ where: { centre } });
    const made = [];
    for (const s of specialists)
      made.push(await ctx.strapi.db.query('plugin::booking.exception').create({ data: { specialist: s.id, kind: 'closed', from: today, to: lastOfMonth } }));
    // Early in December the 30-day horizon ends on 1–2 January, public holidays: look 62 days ahead.
    const policy = await ctx.strapi.db.query('plugin::booking.policy').findOne({ where: { centre } });
    await ctx.strapi.db.query('plugin::booking.policy').update({ where: { id: policy.id }, data: { horizonDays: 62 } });
    try {
      await page.goto(`/kk/centres/${centre}/book/`);
      await page.locator('.booking-calendar .day-free').first().waitFor();
      const months = kk['booking.calendar.months']!.split(/\s*[,|]\s*/);
      const caption = String(await page.locator('.booking-calendar caption').textContent());
      assert.ok(caption.includes(next.slice(0, 4)) && caption.includes(months[Number(next.slice(5)) - 1]!), caption);
      assert.ok(String(await page.locator('.booking-calendar .day-free').first().getAttribute('data-date')).startsWith(next));
    } finally {
      for (const e of made) await ctx.strapi.db.query('plugin::booking.exception').delete({ where: { id: e.id } });
      await ctx.strapi.db.query('plugin::booking.policy').update({ where: { id: policy.id }, data: { horizonDays: policy.horizonDays } });
    }
  });

  it('explains what to do without a session, and without the consents', async () => {
    await page.goto(BOOK_PAGE);
    await page.getByRole('main').getByRole('link', { name: kk['booking.login'] }).waitFor();
    await page.goto('/kk/account/bookings/');
    await page.getByText(kk['booking.mine.loggedOut']).waitFor();
    const href = await page.getByRole('main').getByRole('link', { name: kk['booking.login'] }).getAttribute('href');
    assert.equal(href, `/kk/account/login/?next=${encodeURIComponent('/kk/account/bookings/')}`);

    const minor = await confirmedUser({ birthDate: '2012-09-01', firstName: 'Әсел' });
    await logInFrom(page, minor, false);
    await page.getByRole('link', { name: kk['booking.consent.link'] }).waitFor();
    await page.locator('.booking-calendar button[tabindex="0"]').focus();
    await arrowToFreeDay(page);
    await page.keyboard.press('Enter');
    await page.locator('.slot-choices input').first().check();
    await page.getByRole('button', { name: kk['booking.continue'] }).click();
    await page.getByRole('button', { name: kk['booking.confirm'] }).click();
    const alert = page.getByRole('alert');
    await alert.getByRole('link', { name: kk['booking.consent.link'] }).waitFor();
    assert.equal(await alert.getByRole('link', { name: kk['booking.consent.link'] }).getAttribute('href'), '/kk/account/');
  });
});
