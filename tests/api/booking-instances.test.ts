import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { startInstance } from '../setup/instances.ts';
import { confirmedUser } from './helpers.ts';

const postgres = process.env.DATABASE_CLIENT === 'postgres';

// Two CMS instances share one PostgreSQL database, as in the production deployment: the race is
// decided by the database, and each message is delivered by one instance's worker only.
(postgres ? describe : describe.skip)('booking: two CMS instances on one PostgreSQL database', function () {
  this.timeout(180_000);
  let second: Awaited<ReturnType<typeof startInstance>>;
  before(async () => {
    second = await startInstance();
  });
  after(() => second?.stop());

  it('50 parallel bookings of one slot across both instances: one 201, 49 × 409, one row, one SMS', async () => {
    const name = `Twin ${crypto.randomBytes(3).toString('hex')}`;
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
    await ctx.strapi.db.query('plugin::booking.specialist').create({
      data: {
        name,
        centre: 'kostanay',
        active: true,
        services: ['consultation'],
        formats: ['offline'],
        hours: days,
        timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 } },
      },
    });
    // The second instance keeps slot answers for 3 s; it has not been asked for these yet.
    const users = [];
    for (let i = 0; i < 50; i += 10) {
      users.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, () =>
            confirmedUser({ birthDate: '2000-01-01', userType: 'student', education: 'university', phone: `+7708${crypto.randomInt(1e6, 9e6)}` }),
          ),
        )),
      );
    }
    const from = addDays(kzDate(new Date()), 2);
    const listed = await request(second.url)
      .get('/api/booking/slots')
      .query({ centre: 'kostanay', service: 'consultation', format: 'offline', from, to: from })
      .expect(200);
    const slot = listed.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === name);
    const answers = await Promise.all(
      users.map((u, i) =>
        request(i % 2 ? second.url : ctx.cmsUrl)
          .post('/api/booking/bookings')
          .set('Authorization', `Bearer ${u.jwt}`)
          .send({ slot: slot.id, service: 'consultation', format: 'offline' }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 49, statuses.join(','));
    const winner = users[statuses.indexOf(201)]!;
    assert.equal(await ctx.strapi.db.query('plugin::booking.booking').count({ where: { start: slot.start, specialist: { name } } }), 1);
    // Both instances' workers poll the outbox: the winner's SMS arrives once.
    const phone = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: winner.id } })).phone;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !ctx.sms.some((m) => m.to === phone)) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(ctx.sms.filter((m) => m.to === phone).length, 1);
  });
});
