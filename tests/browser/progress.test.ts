/**
 * The person's own progress in the cabinet (plugin stats, progress part), in Kazakh: after logging
 * in from the page, the figures at a glance, the consultations (one held, one missed) and the
 * recommendations are named regions; a parent switches to their child by keyboard, whose interests
 * test taken twice shows as scores over time and as a repeat compared scale by scale; axe-clean in
 * the standard and the visually-impaired views; the cabinet links to the page.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import { interpolate } from '@qabilet/domain';
import { kk } from './messages.ts';
import { axe, logInFrom, tabTo } from './cabinet.ts';
import { ctx } from '../setup/context.ts';
import { staffMember } from '../api/crm-helpers.ts';
import { family, heldConsultation, interests, specialistOf } from '../api/talent-helpers.ts';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PROGRESS = '/kk/account/progress/';
const CENTRE = 'east-kazakhstan';

describe('the person’s own progress in the cabinet, in Kazakh', function () {
  this.timeout(180_000);
  let context: BrowserContext;
  afterEach(() => context.close());

  it('shows the consultations and recommendations, and a child’s diagnostics over time with the repeat compared, by keyboard', async () => {
    const { parent, childDoc } = await family();
    await interests(parent, childDoc, ['investigative']);
    await interests(parent, childDoc, ['artistic', 'investigative']);
    const staff = await staffMember('qabilet-specialist', CENTRE);
    const specialist = await specialistOf(staff, CENTRE);
    await heldConsultation(staff, specialist, CENTRE, parent.jwt, 'complete');
    await heldConsultation(staff, specialist, CENTRE, parent.jwt, 'no-show');
    const author = `Маман ${crypto.randomBytes(3).toString('hex')}`;
    await ctx.strapi.db.connection('assessment_notes').insert({
      person_key: `u:${parent.id}`,
      user_id: parent.id,
      author_id: staff.id,
      author_name: author,
      text: 'Робототехника',
      professions: '[]',
      created_at: Date.now(),
    });

    context = await ctx.browser!.newContext({ baseURL: ctx.siteUrl, locale: 'en-US' });
    await context.addInitScript(axeSource);
    const page = await context.newPage();
    await logInFrom(page, PROGRESS, parent);
    const region = (key: string) => page.getByRole('region', { name: kk[key] });

    // The parent's own: no diagnostics, two consultations — one held, one missed — and the recommendation.
    const consultations = region('progress.consultations');
    await consultations.getByText(interpolate(kk['progress.consultations.counts']!, { booked: 2, delivered: 1, noShows: 1 })).waitFor();
    const table = consultations.getByRole('table', { name: kk['progress.consultations.caption'] });
    await table.getByRole('cell', { name: kk['card.status.completed'], exact: true }).waitFor();
    await table.getByRole('cell', { name: kk['card.status.no_show'], exact: true }).waitFor();
    await region('progress.diagnostics').getByText(kk['progress.diagnostics.none']!).waitFor();
    await region('progress.repeats').getByText(kk['progress.repeats.none']!).waitFor();
    await region('progress.recommendations').getByText(author, { exact: false }).waitFor();
    const summary = region('progress.summary');
    assert.equal(await summary.getByRole('definition').nth(4).textContent(), '1', 'consultations held');
    assert.deepEqual(await axe(page), []);

    // The child, chosen by keyboard: the address keeps the choice.
    const child = page.getByRole('group', { name: kk['progress.who'] }).getByRole('radio', { name: interpolate(kk['card.child']!, { name: 'Дана' }) });
    await tabTo(page, page.getByRole('group', { name: kk['progress.who'] }).getByRole('radio').first());
    await page.keyboard.press('ArrowDown');
    assert.ok(await child.isChecked());
    await page.waitForURL(`**${PROGRESS}?child=${childDoc}`);
    const diagnostics = region('progress.diagnostics');
    await diagnostics.getByRole('figure').first().waitFor();
    const scores = diagnostics.getByRole('table');
    assert.equal(await scores.count(), 1, 'one test');
    // A row per scale, a column per time the test was taken.
    assert.equal(await scores.getByRole('columnheader').count(), 3, 'the scale and the two times');
    const repeat = region('progress.repeats').getByRole('table');
    assert.equal(await repeat.count(), 1);
    await repeat.getByRole('cell', { name: kk['progress.move.up'], exact: true }).first().waitFor();
    await repeat.getByRole('cell', { name: kk['progress.move.same'], exact: true }).first().waitFor();
    await region('progress.consultations').getByText(kk['progress.consultations.none']!).waitFor();
    assert.ok(!String(await page.locator('main').textContent()).includes(author), 'the parent’s recommendations are not the child’s');
    assert.deepEqual(await axe(page), []);

    // The visually-impaired view (200 %, white on black, no images) stays clean.
    await context.addCookies([{ name: 'qabilet-vi', value: 'size-200.theme-wb.images-off', url: ctx.siteUrl }]);
    await page.reload();
    await region('progress.repeats').getByRole('table').waitFor();
    assert.deepEqual(await axe(page), []);

    // The cabinet links to the page.
    await page.goto('/kk/account/');
    const link = page.getByRole('main').getByRole('link', { name: kk['progress.link'], exact: true });
    assert.equal(await link.getAttribute('href'), PROGRESS);
  });
});
