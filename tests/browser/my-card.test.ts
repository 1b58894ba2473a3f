/**
 * The person's own card in the cabinet (plugin talent, cards part): after logging in from the
 * page, each section is a named region — their data, the services used, ratings, results over
 * time, the specialists' recommendations and the journal's — without the staff's notes; a parent
 * chooses their child's card, which the address keeps; the cabinet links to it. axe-clean.
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
import { api, confirmedUser } from '../api/helpers.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CARD = '/kk/account/card/';
const settled = () => ctx.strapi.plugin('talent').service('talents').settled() as Promise<void>;

describe('the person’s own card in the cabinet, in Kazakh', function () {
  this.timeout(120_000);
  let context: BrowserContext;
  afterEach(() => context.close());

  it('shows each section under its heading, the recommendations without the staff’s notes, and a child’s card to the parent', async () => {
    const parent = await confirmedUser({ userType: 'parent', birthDate: '1984-02-02', education: 'graduate', region: 'KZ-63', locality: 'kz-63-oskemen' });
    const advice = `Робототехника үйірмесіне барыңыз ${crypto.randomBytes(3).toString('hex')}`;
    await ctx.strapi.db.connection('assessment_notes').insert({
      person_key: `u:${parent.id}`,
      user_id: parent.id,
      author_id: 1,
      author_name: 'Маман',
      text: advice,
      professions: '[]',
      created_at: Date.now(),
    });
    await ctx.strapi.db.connection('talent_journal_entries').insert({
      booking_id: crypto.randomInt(1e8, 2e9),
      specialist_id: 0,
      centre: 'east-kazakhstan',
      person_key: `u:${parent.id}`,
      service: 'consultation',
      held_at: Date.parse('2026-03-12T10:00:00+05:00'),
      status: 'signed',
      version: 1,
      fields: JSON.stringify({
        goal: 'g',
        observations: 'OBSERVED',
        tests: [],
        recommendations: [{ text: 'Инженерлік бағдарламалар', links: [] }],
        nextStep: 'Тест',
      }),
      notes: 'PRIVATE',
      author_id: 1,
      saved_at: Date.now(),
      signed_by: 1,
      signed_at: Date.now(),
      revision: 1,
    });
    const child = (
      await api()
        .post('/api/accounts/children')
        .set({ Authorization: `Bearer ${parent.jwt}` })
        .send({
          surname: 'Серіков',
          firstName: 'Алмас',
          gender: 'male',
          birthDate: '2014-09-01',
          region: 'KZ-63',
          locality: 'kz-63-oskemen',
          education: 'school-6',
        })
        .expect(201)
    ).body.data;
    await settled();

    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    const page = await context.newPage();
    await logInFrom(page, CARD, parent);
    for (const title of ['card.personal', 'card.services', 'card.ratings', 'card.results', 'card.recommendations', 'results.journal.title'])
      await page.getByRole('region', { name: kk[title] }).waitFor();
    await page.getByRole('region', { name: kk['card.recommendations'] }).getByText(advice).waitFor();
    await page.getByRole('region', { name: kk['results.journal.title'] }).getByText('Инженерлік бағдарламалар').waitFor();
    await page.getByRole('region', { name: kk['card.ratings'] }).getByText(kk['card.ratings.none']!).waitFor();
    const text = String(await page.locator('main').textContent());
    assert.ok(!text.includes('PRIVATE') && !text.includes('OBSERVED'), 'no notes, no observations');
    assert.deepEqual(await axe(page), []);

    // The parent chooses the child's card: the address keeps the choice, the data are the child's.
    const whose = page.getByRole('group', { name: kk['card.who'] });
    await whose.getByRole('radio', { name: interpolate(kk['card.child']!, { name: 'Алмас' }) }).check();
    await page.waitForURL(`**${CARD}?child=${child.documentId}`);
    await page.getByRole('region', { name: kk['card.personal'] }).getByText('Серіков Алмас').waitFor();
    assert.ok(!String(await page.locator('main').textContent()).includes(advice), 'the parent’s recommendations are not the child’s');
    assert.deepEqual(await axe(page), []);

    // The cabinet links to the card beside the results.
    await page.goto('/kk/account/');
    const link = page.getByRole('main').getByRole('link', { name: kk['card.link'], exact: true });
    assert.equal(await link.getAttribute('href'), CARD);
  });
});
