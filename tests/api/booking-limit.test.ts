import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { startInstance } from '../setup/instances.ts';
import { confirmedUser } from './helpers.ts';

// A centre no other test books at with this policy: at most 2 future bookings per person per service.
const CENTRE = 'almaty-region';
const SPECIALIST = 'plugin::booking.specialist';
const BOOKING = 'plugin::booking.booking';
const POLICY = 'plugin::booking.policy';
const postgres = process.env.DATABASE_CLIENT === 'postgres';

type Slot = { id: string; start: string; specialist: { name: string } };

// The limit is counted in the transaction that inserts the booking, after the person's lock: on
// PostgreSQL the requests below run on several connections of two CMS instances at once, and
// still at most `maxFuturePerService` of them commit. (On SQLite one connection serialises them.)
describe('booking: the per-person limit under a burst', function () {
  this.timeout(180_000);
  let second: { url: string; stop: () => Promise<void> } | undefined;
  before(async () => {
    if (postgres) second = await startInstance();
  });
  after(() => second?.stop());

  it('20 parallel bookings of different free slots by one person: 2 × 201, 18 × 400 booking.limit, no 500', async () => {
    const limit = (await ctx.strapi.db.query(POLICY).findOne({ where: { centre: CENTRE } })).maxFuturePerService as number;
    assert.equal(limit, 2);
    const name = `Limit ${crypto.randomBytes(3).toString('hex')}`;
    const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
    await ctx.strapi.db.query(SPECIALIST).create({
      data: {
        name,
        centre: CENTRE,
        active: true,
        services: ['consultation'],
        formats: ['offline'],
        hours,
        timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 } },
      },
    });
    const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
    forgetSlots();
    const user = await confirmedUser({ birthDate: '2000-01-01', userType: 'student', education: 'university', phone: `+7705${crypto.randomInt(1e6, 9e6)}` });
    const from = addDays(kzDate(new Date()), 2);
    const listed = await request(ctx.cmsUrl)
      .get('/api/booking/slots')
      .query({ centre: CENTRE, service: 'consultation', format: 'offline', from, to: addDays(from, 2) })
      .expect(200);
    const slots: Slot[] = listed.body.data.filter((s: Slot) => s.specialist.name === name).slice(0, 20);
    assert.equal(slots.length, 20);

    const answers = await Promise.all(
      slots.map((slot, i) =>
        request(second && i % 2 ? second.url : ctx.cmsUrl)
          .post('/api/booking/bookings')
          .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'ru' })
          .send({ slot: slot.id, service: 'consultation', format: 'offline' }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, limit, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 400).length, 20 - limit, statuses.join(','));
    for (const refused of answers.filter((a) => a.status === 400)) {
      assert.equal(refused.body.error.details.errors[0].code, 'booking.limit');
      assert.match(refused.body.error.message, /предстоящие записи/);
    }
    assert.equal(await ctx.strapi.db.query(BOOKING).count({ where: { user: user.id, specialist: { name } } }), limit);
  });
});
