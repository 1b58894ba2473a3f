import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import request from 'supertest';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, kzDate, interpolate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';
import { adminContext, axe, logIn, openFromMenu, staffMember, type StaffMember } from './admin.ts';

// Centres the other tests leave alone: Kostanay's (KZ-39) and, for "another centre", Atyrau's.
const CENTRE = 'kostanay';
const OTHER_CENTRE = 'atyrau';
const en: Record<string, string> = JSON.parse(fs.readFileSync(new URL('../../plugins/assessment/admin/src/translations/en.json', import.meta.url), 'utf8'));
/** An English message with its placeholders as any text, to find it on the page. */
/** The server's own English messages (its field errors). */
const serverEn: Record<string, string> = JSON.parse(fs.readFileSync(new URL('../../plugins/assessment/server/src/i18n/en.json', import.meta.url), 'utf8'));
/** An English message with simple placeholders filled in. */
const msg = (key: string, values: Record<string, string | number>) => interpolate(en[key]!, values);
const pattern = (key: string) =>
  new RegExp(
    en[key]!.split(/\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.+'),
  );

type Item = { key: string; type: 'single' | 'multiple' | 'likert' | 'ranking' | 'timed'; points?: number; options: Array<{ key: string }> };
type Attempt = { id: number; test: { sections: Array<{ items: Item[] }> } };
type Recommendation = { profession: { slug: string; name: string }; fit: number; explanation: string };
type ScaleResult = { scale: string; name: string; score: number };

/** A unique surname in letters only (names take no digits), so that the person is found by it. */
const surname = () => `Тестова${[...crypto.randomBytes(4).toString('hex')].map((c) => 'абвгдежзиклмнопр'[parseInt(c, 16)]).join('')}`;

const as = (jwt: string) => ({
  get: (path: string) =>
    api()
      .get(path)
      .set({ Authorization: `Bearer ${jwt}`, 'Accept-Language': 'en' }),
  post: (path: string, body: unknown = {}) =>
    api()
      .post(path)
      .set({ Authorization: `Bearer ${jwt}`, 'Accept-Language': 'en' })
      .send(body as object),
});

/** An answer to every item of the attempt's test, varied so that the scales differ. */
function answersOf(attempt: Attempt) {
  const items = attempt.test.sections.flatMap((s) => s.items);
  const answeredAt = new Date().toISOString();
  return items.map((item, i) => {
    const keys = item.options.map((o) => o.key);
    const value =
      item.type === 'likert'
        ? 1 + (i % (item.points ?? 5))
        : item.type === 'multiple'
          ? [keys[i % keys.length]!]
          : item.type === 'ranking'
            ? keys
            : keys[i % keys.length]!;
    return { item: item.key, value, seq: i + 1, timeMs: 1000, answeredAt };
  });
}

/** A booking specialist at `centre` working every day 08:00–20:00, linked to the staff member's profile. */
async function specialistOf(member: StaffMember, centre: string, name: string) {
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
  await ctx.strapi.db.query('plugin::booking.specialist').create({
    data: {
      name,
      centre,
      active: true,
      services: ['consultation', 'testing'],
      formats: ['offline', 'online'],
      hours,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 }, testing: { slotMinutes: 90, bufferMinutes: 0 } },
      staffProfile: member.profileId,
    },
  });
  forgetSlots();
}

describe('the Strapi admin: test results and recommendations', function () {
  this.timeout(120_000);
  const contexts: BrowserContext[] = [];
  let specialist: StaffMember;
  let person: { id: number; surname: string };
  let scales: ScaleResult[];
  let recommendations: Recommendation[];
  /** The card's address, as the list links to it. */
  let cardHref: string;

  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    const specialistName = `Results ${crypto.randomBytes(3).toString('hex')}`;
    await specialistOf(specialist, CENTRE, specialistName);

    // An adult books a consultation with the specialist…
    const name = surname();
    const user = await confirmedUser({
      surname: name,
      birthDate: '2001-05-20',
      userType: 'student',
      education: 'university',
      phone: `+7701${crypto.randomInt(1e6, 9e6)}`,
    });
    person = { id: user.id, surname: name };
    // The day after tomorrow: every slot is then further ahead than the centre's change notice.
    const date = addDays(kzDate(new Date()), 2);
    const slots = await api().get('/api/booking/slots').query({ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date }).expect(200);
    const slot = slots.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === specialistName);
    assert.ok(slot, 'a free slot of the specialist');
    await as(user.jwt).post('/api/booking/bookings', { slot: slot.id, service: 'consultation', format: 'offline' }).expect(201);

    // …and takes the interests test on the site.
    const started = await as(user.jwt).post('/api/assessment/attempts', { test: 'interests' });
    assert.ok([200, 201].includes(started.status), JSON.stringify(started.body));
    const attempt = started.body.data as Attempt;
    const answers = answersOf(attempt);
    assert.ok(answers.length > 0);
    const stored = await as(user.jwt).post(`/api/assessment/attempts/${attempt.id}/answers`, { answers }).expect(200);
    assert.equal(stored.body.data.answered, answers.length);
    const result = await as(user.jwt).post(`/api/assessment/attempts/${attempt.id}/finish`).expect(200);
    scales = result.body.data.scales;
    assert.ok(scales.length > 0);
    const profile = await as(user.jwt).get('/api/assessment/profile').expect(200);
    recommendations = profile.body.data.recommendations;
    assert.ok(recommendations.length > 0, 'the interests test gives recommendations');
    cardHref = `/admin/plugins/assessment/people/user/${person.id}`;
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  /** A browser of its own for `member`, logged in, on the Results page. */
  async function resultsPage(member: StaffMember): Promise<Page> {
    const { context, page } = await adminContext();
    contexts.push(context);
    await logIn(page, member);
    await openFromMenu(page, en['plugin.name']!);
    await page.getByRole('heading', { name: en['page.title'], level: 1 }).waitFor();
    return page;
  }

  it('a specialist finds the person booked with their centre, reads the card and adds a recommendation', async () => {
    const page = await resultsPage(specialist);
    const main = page.getByRole('main');
    const link = main.getByRole('link', { name: new RegExp(person.surname) });
    await link.waitFor();
    const row = main.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(person.surname) }) });
    // Age (24 or so), the attempt counted, the last result dated today.
    await row.getByRole('gridcell', { name: '1', exact: true }).waitFor();
    assert.deepEqual(await axe(page), []);
    cardHref = String(await link.getAttribute('href'));
    assert.match(cardHref, /\/admin\/plugins\/assessment\/people\/user\/[^/]+$/);

    await link.click();

    await page.waitForURL((url) => url.pathname === cardHref);
    await page.getByRole('heading', { level: 1, name: new RegExp(person.surname) }).waitFor();
    for (const name of [en['profile.title'], en['rec.title'], en['results.title'], en['external.title'], en['notes.title']])
      await main.getByRole('heading', { level: 2, name, exact: true }).waitFor();

    // The test's scales, each with its score written out.
    const results = main.getByRole('region', { name: en['results.title'], exact: true });
    const scoreTable = results.getByRole('grid', { name: pattern('results.scales') }).first();
    for (const scale of scales)
      await scoreTable
        .getByRole('row')
        .filter({ hasText: scale.name })
        .getByText(String(Math.round(scale.score)), { exact: true })
        .first()
        .waitFor();
    await results.getByText(en['compare.first']!).waitFor();

    // The recommendations: % fit as text, the sentence that explains it, the scales side by side.
    const recs = main.getByRole('region', { name: en['rec.title'] });
    const top = recommendations[0]!;
    const first = recs
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: msg('rec.heading', { rank: 1, name: top.profession.name }) }) });
    await first.getByText(msg('rec.fit', { fit: Math.round(top.fit) }), { exact: true }).waitFor();
    await first.getByText(top.explanation).waitFor();
    await first.getByRole('grid', { name: msg('rec.scales', { name: top.profession.name }) }).waitFor();
    assert.equal(await recs.getByRole('heading', { level: 3 }).count(), recommendations.length);
    assert.deepEqual(await axe(page), []);

    // An empty text and a slug the catalogue lacks: the server's words beside each field, focus on the first.
    const form = main.getByRole('form', { name: en['note.title'] });
    const text = form.getByRole('textbox', { name: new RegExp(`^${en['note.text']}`) });
    const search = form.getByRole('searchbox', { name: new RegExp(`^${en['note.search']}`) });
    const submit = form.getByRole('button', { name: en['note.submit'] });
    await search.fill('no-such-profession');
    await search.press('Enter');
    const removeUnknown = form.getByRole('button', { name: msg('note.remove', { name: 'no-such-profession' }) });
    await removeUnknown.waitFor();
    await submit.click();
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    assert.equal(await text.getAttribute('aria-invalid'), 'true');
    assert.ok(await text.evaluate((el) => el === document.activeElement));
    await form.getByRole('group', { name: en['note.professions'] }).getByText(serverEn['profession.unknown']!).waitFor();
    assert.deepEqual(await axe(page), []);
    await removeUnknown.click();

    // A recommended profession ticked, and another found in the catalogue by its name.
    const advice = `Кеңес: ${top.profession.name} мамандығын қарастырыңыз, кәсіптік тестті тапсырыңыз (${crypto.randomBytes(2).toString('hex')})`;
    await text.fill(advice);
    await form.getByText(msg('note.count', { count: advice.length, max: 2000 })).waitFor();
    await form.getByRole('checkbox', { name: msg('note.recommended', { name: top.profession.name, fit: Math.round(top.fit) }) }).click();
    const recommended = new Set(recommendations.map((r) => r.profession.slug));
    const catalogue = await api()
      .get('/api/professions')
      .query({ locale: 'en', 'fields[0]': 'slug', 'fields[1]': 'name', 'pagination[pageSize]': 100 })
      .expect(200);
    const other = (catalogue.body.data as Array<{ slug: string; name: string }>).find((p) => !recommended.has(p.slug))!;
    await search.fill(other.name.slice(0, 5));
    await form.getByRole('button', { name: msg('note.search.add', { name: other.name }) }).click();
    await form.getByRole('button', { name: msg('note.remove', { name: other.name }) }).waitFor();
    await submit.click();
    await page.getByText(en['note.added']!).first().waitFor();
    const notes = main.getByRole('region', { name: en['notes.title'] });
    const note = notes.getByRole('listitem').filter({ hasText: advice });
    await note.waitFor();
    await note.getByText(msg('notes.professions', { professions: `${top.profession.name}, ${other.name}` })).waitFor();
    await note.getByText(new RegExp(specialist.name)).waitFor();
    // Focus moves to the recommendation just added; the form is empty again.
    await page.waitForFunction(() => document.activeElement?.id.startsWith('assessment-note-'));
    assert.equal(await note.evaluate((el) => el === document.activeElement), true);
    assert.equal(await text.inputValue(), '');
    assert.deepEqual(await axe(page), []);
  });

  it('a specialist of another centre does not see the person, and is refused their card', async () => {
    const elsewhere = await staffMember('qabilet-specialist', OTHER_CENTRE);
    const page = await resultsPage(elsewhere);
    const main = page.getByRole('main');
    // The list has loaded (its count, or the empty state) before it is searched.
    await main.getByRole('heading', { level: 2 }).or(main.getByText(en['list.empty']!)).first().waitFor();
    assert.equal(await main.getByRole('link', { name: new RegExp(person.surname) }).count(), 0);
    assert.deepEqual(await axe(page), []);

    await page.goto(cardHref);
    const refusal = main
      .getByRole('alert')
      .filter({ hasText: new RegExp(`${en['error.notFound.card']}|${en['error.forbidden.card']}`.replace(/[.?()]/g, '\\$&')) });
    await refusal.waitFor();
    assert.equal(await main.getByText(recommendations[0]!.explanation).count(), 0);
    assert.deepEqual(await axe(page), []);

    // Asked over the API, the server refuses the card and the note alike.
    const token = (await request(ctx.cmsUrl).post('/admin/login').send({ email: elsewhere.email, password: elsewhere.password }).expect(200)).body.data
      .token as string;
    const path = cardHref.replace('/admin/plugins', '');
    const card = await request(ctx.cmsUrl).get(path).set('Authorization', `Bearer ${token}`);
    assert.ok([403, 404].includes(card.status), String(card.status));
    const note = await request(ctx.cmsUrl).post(`${path}/notes`).set('Authorization', `Bearer ${token}`).send({ text: 'Не мой человек', professions: [] });
    assert.ok([403, 404].includes(note.status), String(note.status));
  });
});
