/**
 * The consultation journal's recommendations on the person's results page (plugin talent, journal
 * part): after logging in, the section lists what the specialist signed — the day, the specialist,
 * the recommendations with their links, the next step — and never the private notes or observations.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { interpolate } from '@qabilet/domain';
import { kk } from './messages.ts';
import { axe, logInFrom } from './cabinet.ts';
import { ctx } from '../setup/context.ts';
import { confirmedUser } from '../api/helpers.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const RESULTS = '/kk/account/results/';

/** A signed entry for the user, as the specialist's signature leaves it (the journal's own table). */
async function signedEntry(userId: number, specialistId: number, heldAt: number) {
  const fields = {
    goal: 'Бейінді сынып таңдау',
    observations: 'OBSERVED: кеңістіктік ойлауы күшті',
    tests: [],
    recommendations: [{ text: 'Инженерлік бағдарламаларды қараңыз', links: [{ kind: 'profession', slug: 'civil-engineer', url: null }] }],
    nextStep: 'Келесі кездесуге дейін қызығушылық тестін тапсырыңыз',
  };
  await ctx.strapi.db.connection('talent_journal_entries').insert({
    booking_id: crypto.randomInt(1e8, 2e9),
    specialist_id: specialistId,
    centre: 'east-kazakhstan',
    person_key: `u:${userId}`,
    service: 'consultation',
    held_at: heldAt,
    status: 'signed',
    version: 3,
    fields: JSON.stringify(fields),
    notes: 'PRIVATE: отбасының қысымы',
    author_id: 1,
    saved_at: heldAt,
    signed_by: 1,
    signed_at: heldAt,
    revision: 1,
  });
}

describe('the consultation journal on the results page, in Kazakh', function () {
  this.timeout(120_000);
  let context: BrowserContext;
  afterEach(() => context.close());

  it('shows the signed recommendations and the next step after logging in, never the notes', async () => {
    const user = await confirmedUser({ birthDate: '2001-05-20', userType: 'student', education: 'university' });
    const specialist = await ctx.strapi.db.query('plugin::booking.specialist').create({
      data: {
        name: `Маман ${crypto.randomBytes(2).toString('hex')}`,
        centre: 'east-kazakhstan',
        active: true,
        services: [],
        formats: [],
        hours: [],
        timings: {},
      },
    });
    const heldAt = Date.parse('2026-03-12T10:00:00+05:00');
    await signedEntry(user.id, specialist.id, heldAt);

    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    const page = await context.newPage();
    await logInFrom(page, RESULTS, user);
    const section = page.getByRole('region', { name: kk['results.journal.title'] });
    await section.waitFor();
    const entry = section.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
    const heading = await entry.getByRole('heading', { level: 3 }).textContent();
    assert.match(String(heading), new RegExp(specialist.name));
    assert.match(String(heading), new RegExp(kk['results.journal.service.consultation']!));
    await section.getByText('Инженерлік бағдарламаларды қараңыз').waitFor();
    const link = section.getByRole('link', {
      name: interpolate(kk['results.journal.link.catalogue']!, { kind: kk['results.journal.kind.profession']!, slug: 'civil-engineer' }),
    });
    assert.equal(await link.getAttribute('href'), '/kk/professions/civil-engineer/');
    await section.getByText('Келесі кездесуге дейін қызығушылық тестін тапсырыңыз').waitFor();
    const text = String(await page.locator('main').textContent());
    assert.ok(!text.includes('PRIVATE') && !text.includes('OBSERVED'), 'no notes, no observations');
    assert.deepEqual(await axe(page), []);
  });
});
