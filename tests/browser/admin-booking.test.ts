import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from '../api/helpers.ts';
import { adminContext, axe, logIn, openFromMenu, pluginMessages, staffMember, tabTo } from './admin.ts';

// A centre no other test books at.
const CENTRE = 'mangystau';

/** A specialist's booking row at CENTRE, linked to their staff profile, working every day 08:00–20:00. */
async function specialistOf(profileId: number, name: string) {
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
  const row = await ctx.strapi.db.query('plugin::booking.specialist').create({
    data: {
      name,
      centre: CENTRE,
      active: true,
      services: ['consultation'],
      formats: ['offline'],
      hours,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 } },
      staffProfile: profileId,
    },
  });
  forgetSlots();
  return row;
}

describe('the Strapi admin: a specialist’s bookings', function () {
  this.timeout(90_000);
  let context: BrowserContext;
  let page: Page;
  beforeEach(async () => ({ context, page } = await adminContext()));
  afterEach(() => context.close());

  it('a specialist opens “Bookings”, finds a booking made for them and confirms it with the keyboard', async () => {
    const en = pluginMessages('booking', 'en');
    const me = await staffMember('qabilet-specialist', CENTRE);
    const name = `Admin ${crypto.randomBytes(3).toString('hex')}`;
    await specialistOf(me.profileId, name);
    // Two days ahead: past the centre's notice, so the booking waits for the specialist to confirm.
    const date = addDays(kzDate(new Date()), 2);
    const slots = await api().get('/api/booking/slots').query({ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date }).expect(200);
    const slot = slots.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === name);
    const person = await confirmedUser({ birthDate: '2000-01-15', userType: 'student', education: 'university', surname: 'Жандосов', firstName: 'Марат' });
    const booked = (
      await api()
        .post('/api/booking/bookings')
        .set('Authorization', `Bearer ${person.jwt}`)
        .send({ slot: slot.id, service: 'consultation', format: 'offline' })
        .expect(201)
    ).body.data;
    assert.equal(booked.status, 'requested');

    await logIn(page, me);
    await openFromMenu(page, en['plugin.name']);
    await page.getByRole('heading', { name: en['page.title'], level: 1 }).waitFor();
    const next = page.getByRole('button', { name: en['nav.next.day'] });
    for (let i = 0; i < 2; i++) await next.click();
    const row = page.getByRole('row').filter({ hasText: 'Жандосов Марат' });
    await row.getByText(en['status.requested']).waitFor();
    assert.deepEqual(await axe(page, ['main']), []);

    const confirm = row.getByRole('button', { name: `${en['action.confirm']}: Жандосов Марат, ${slot.time}` });
    // The table is one tab stop (the Design System's grid); the arrow keys walk its cells, and the
    // actions cell puts focus on its first button.
    await tabTo(page, page.getByRole('grid'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    assert.ok(await confirm.evaluate((el) => el === document.activeElement), 'the arrow keys reach the confirm button');
    await page.keyboard.press('Enter');
    await row.getByText(en['status.confirmed']).waitFor();
    const mine = await api().get('/api/booking/bookings/mine').set('Authorization', `Bearer ${person.jwt}`).expect(200);
    assert.equal(mine.body.data.find((b: { id: string }) => b.id === booked.id).status, 'confirmed');
    assert.deepEqual(await axe(page), []);
  });

  it('shows the admin and the page in Russian to a specialist who chose it', async () => {
    const ru = pluginMessages('booking', 'ru');
    const me = await staffMember('qabilet-specialist', CENTRE, { language: 'ru' });
    await specialistOf(me.profileId, `Admin ${crypto.randomBytes(3).toString('hex')}`);
    await logIn(page, me);
    await openFromMenu(page, ru['plugin.name']);
    await page.getByRole('heading', { name: ru['page.title'], level: 1 }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    assert.deepEqual(await axe(page), []);
  });
});
