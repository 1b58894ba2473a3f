import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { addDays, kzDate, weekdayOf } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const WAITLIST = 'plugin::booking.waitlist-entry';

/** A Sunday ahead: the demo specialists do not work then, so a place stays waiting (nothing to offer). */
function sunday(): string {
  let day = addDays(kzDate(new Date()), 2);
  while (weekdayOf(day) !== 'sun') day = addDays(day, 1);
  return day;
}

const adult = () => confirmedUser({ birthDate: '2000-03-03', userType: 'student', education: 'university', phone: `+7777${crypto.randomInt(1e6, 9e6)}` });
const join = (jwt: string, centre: string, extra: Record<string, unknown> = {}) =>
  api()
    .post('/api/booking/waitlist')
    .set({ Authorization: `Bearer ${jwt}`, 'Accept-Language': 'en' })
    .send({ centre, service: 'consultation', format: 'offline', from: sunday(), to: sunday(), ...extra });
const liveOf = (userId: number) =>
  ctx.strapi.db.query(WAITLIST).findMany({ where: { user: userId, status: { $in: ['waiting', 'offered'] } } }) as Promise<
    Array<{ id: number; centre: string }>
  >;

describe('waitlist: one person joining at once', function () {
  this.timeout(60_000);

  it('10 parallel joins of one place: one 201, nine 409 waitlist.duplicate (as a single duplicate), one live entry', async () => {
    const user = await adult();
    const answers = await Promise.all(Array.from({ length: 10 }, () => join(user.jwt, 'shymkent')));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 9, statuses.join(','));
    for (const lost of answers.filter((a) => a.status === 409)) {
      assert.equal(lost.body.error.details.code, 'waitlist.duplicate');
      assert.match(lost.body.error.message, /already/);
    }
    assert.equal((await liveOf(user.id)).length, 1);
    // Left, the place no longer blocks a new one.
    const entry = answers.find((a) => a.status === 201)!.body.data;
    await api().post(`/api/booking/waitlist/${entry.id}/leave`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
    await join(user.jwt, 'shymkent').expect(201);
  });

  it('6 parallel joins of different centres: at most 3 live places, the others 400 waitlist.limit', async () => {
    const user = await adult();
    const centres = ['shymkent', 'astana', 'akmola', 'west-kazakhstan', 'almaty', 'turkistan'];
    const answers = await Promise.all(centres.map((c) => join(user.jwt, c)));
    const statuses = answers.map((a) => a.status);
    assert.equal(statuses.filter((s) => s === 201).length, 3, statuses.join(','));
    assert.deepEqual(
      answers.filter((a) => a.status !== 201).map((a) => a.body.error.details.errors[0].code),
      ['waitlist.limit', 'waitlist.limit', 'waitlist.limit'],
    );
    assert.equal((await liveOf(user.id)).length, 3);
    for (const a of answers.filter((x) => x.status === 201))
      await api().post(`/api/booking/waitlist/${a.body.data.id}/leave`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
  });

  it("at bootstrap, a database holding a person's two live places keeps the oldest and gets the unique index back", async () => {
    const user = await adult();
    const first = (await join(user.jwt, 'shymkent').expect(201)).body.data;
    // An older database: no index, a second live place of the same person made before it existed.
    await ctx.strapi.db.connection.raw('DROP INDEX booking_waitlist_one_live_place');
    const second = await ctx.strapi.db.query(WAITLIST).create({
      data: {
        user: user.id,
        child: null,
        centre: 'shymkent',
        service: 'consultation',
        format: 'online',
        from: sunday(),
        to: sunday(),
        status: 'waiting',
        history: [],
      },
    });
    const { ensureOneLivePlace } = await import('../../plugins/booking/dist/server/waitlist-store.js');
    await ensureOneLivePlace(ctx.strapi);
    await ensureOneLivePlace(ctx.strapi);
    const live = await liveOf(user.id);
    assert.deepEqual(
      live.map((e) => e.id),
      [(await ctx.strapi.db.query(WAITLIST).findOne({ where: { documentId: first.id } })).id],
    );
    const dropped = await ctx.strapi.db.query(WAITLIST).findOne({ where: { id: second.id } });
    assert.equal(dropped.status, 'left');
    assert.equal(dropped.history.at(-1).action, 'left');
    // The index is back: the database itself refuses a second live place.
    await assert.rejects(
      ctx.strapi.db.connection('booking_waitlist').where({ id: second.id }).update({ status: 'waiting' }),
      (error: { code?: string; message?: string }) => error.code === '23505' || /UNIQUE constraint failed/.test(String(error.message)),
    );
    await join(user.jwt, 'shymkent').expect(409);
  });
});
