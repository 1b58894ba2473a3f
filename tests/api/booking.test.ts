import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { addDays, encodeSlotId, kzDate } from '@qabilet/domain';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ctx, mailTo, smsTo } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const SPECIALIST = 'plugin::booking.specialist';
const BOOKING = 'plugin::booking.booking';
const POLICY = 'plugin::booking.policy';
const CENTRE = 'pavlodar';
const today = () => kzDate(new Date());
const tomorrow = () => addDays(today(), 1);

type Slot = { id: string; start: string; date: string; time: string; centre: string; specialist: { name: string } };

/** An adult with the consent given at registration, logged in; a phone of their own for the SMS checks. */
const adult = (overrides: Record<string, unknown> = {}) =>
  confirmedUser({ birthDate: '2001-05-20', userType: 'student', education: 'university', phone: `+7701${crypto.randomInt(1e6, 9e6)}`, ...overrides });

const as = (jwt: string) => ({
  get: (path: string) => api().get(path).set('Authorization', `Bearer ${jwt}`),
  post: (path: string, body: unknown = {}, headers: Record<string, string> = {}) =>
    api()
      .post(path)
      .set({ Authorization: `Bearer ${jwt}`, ...headers })
      .send(body as object),
});

/** A specialist of our own at Pavlodar's centre, working every day 08:00–20:00, so that slots exist whatever the day. */
async function specialist(name: string, extra: Record<string, unknown> = {}) {
  // Made straight in the database, so the instance's 3-second memory of slot answers is emptied by hand.
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
  const created = await ctx.strapi.db.query(SPECIALIST).create({
    data: {
      name,
      centre: CENTRE,
      active: true,
      services: ['consultation', 'testing'],
      formats: ['offline', 'online'],
      hours: days,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 }, testing: { slotMinutes: 90, bufferMinutes: 0 } },
      ...extra,
    },
  });
  forgetSlots();
  return created;
}

async function slotsOf(name: string, query: Record<string, string> = {}): Promise<Slot[]> {
  // From the day after tomorrow: every slot is then further ahead than the centre's 12-hour change notice.
  const res = await api()
    .get('/api/booking/slots')
    .query({ centre: CENTRE, service: 'consultation', format: 'offline', from: addDays(today(), 2), to: addDays(today(), 4), ...query })
    .expect(200);
  return res.body.data.filter((s: Slot) => s.specialist.name === name);
}

const book = (jwt: string, slot: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  as(jwt).post('/api/booking/bookings', { slot, service: 'consultation', format: 'offline', ...extra }, headers);

describe('booking: free slots', () => {
  const name = `Slots ${crypto.randomBytes(3).toString('hex')}`;
  before(() => specialist(name));

  it('lists the free slots of a centre, cacheable, in Almaty time', async () => {
    const res = await api()
      .get('/api/booking/slots')
      .query({ centre: CENTRE, service: 'consultation', format: 'offline', from: tomorrow(), to: tomorrow() })
      .expect(200);
    assert.match(String(res.headers['cache-control']), /public, max-age=10/);
    const mine = res.body.data.filter((s: Slot) => s.specialist.name === name);
    // 08:00–20:00 in 45 + 15 minute steps: 12 slots, the first at 08:00 local (03:00 UTC).
    assert.equal(mine.length, 12);
    assert.equal(mine[0].time, '08:00');
    assert.equal(mine[0].start, `${tomorrow()}T03:00:00.000Z`);
    assert.deepEqual(Object.keys(mine[0]).sort(), ['centre', 'date', 'end', 'id', 'specialist', 'start', 'time']);
    assert.equal(res.body.meta.timeZone, 'Asia/Almaty');
  });

  it('lists online slots of every centre when no centre is given', async () => {
    const res = await api().get('/api/booking/slots').query({ service: 'consultation', format: 'online', from: tomorrow(), to: tomorrow() }).expect(200);
    assert.ok(new Set(res.body.data.map((s: Slot) => s.centre)).size > 1);
  });

  it('refuses bad queries field by field, in the language asked for', async () => {
    const res = await api()
      .get('/api/booking/slots')
      .set('Accept-Language', 'ru')
      .query({ centre: 'atlantis', service: 'massage', format: 'offline', from: '2026-02-30', to: 'soon' })
      .expect(400);
    assert.deepEqual(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['centre', 'from', 'service', 'to']);
    assert.match(res.body.error.message, /[а-яё]/i);
    const past = await api()
      .get('/api/booking/slots')
      .query({ centre: CENTRE, service: 'testing', format: 'offline', from: '2020-01-01', to: '2020-01-02' })
      .expect(400);
    assert.equal(past.body.error.details.errors[0].code, 'range.past');
    const far = await api()
      .get('/api/booking/slots')
      .set('Accept-Language', 'en')
      .query({ centre: CENTRE, service: 'testing', format: 'offline', from: tomorrow(), to: addDays(today(), 90) })
      .expect(400);
    assert.equal(far.body.error.details.errors[0].code, 'range.tooLong');
    assert.match(far.body.error.message, /30 days/);
    const noCentre = await api().get('/api/booking/slots').query({ service: 'testing', format: 'offline', from: tomorrow(), to: tomorrow() }).expect(400);
    assert.equal(noCentre.body.error.details.errors[0].code, 'centre.required');
  });

  it('refuses a format the centre does not offer', async () => {
    await ctx.strapi.db.query(POLICY).update({ where: { centre: 'turkistan' }, data: { formats: ['offline'] } });
    const { forgetCache } = await import('../../plugins/booking/dist/server/schedule.js');
    forgetCache();
    try {
      const res = await api()
        .get('/api/booking/slots')
        .query({ centre: 'turkistan', service: 'consultation', format: 'online', from: tomorrow(), to: tomorrow() })
        .expect(400);
      assert.equal(res.body.error.details.errors[0].code, 'format.notOffered');
    } finally {
      await ctx.strapi.db.query(POLICY).update({ where: { centre: 'turkistan' }, data: { formats: ['offline', 'online'] } });
      forgetCache();
    }
  });
});

describe('booking: a user books, is told, cancels and reschedules', () => {
  const name = `Book ${crypto.randomBytes(3).toString('hex')}`;
  let user: Awaited<ReturnType<typeof adult>>;
  let phone: string;
  before(async () => {
    await specialist(name);
    phone = `+7702${crypto.randomInt(1e6, 9e6)}`;
    user = await adult({ phone });
  });

  it('books a slot: 201, requested, and an SMS and an e-mail name the centre, its address and the time', async () => {
    const [slot] = await slotsOf(name);
    const smsBefore = ctx.sms.length;
    const mailsBefore = ctx.mails.length;
    const res = await book(user.jwt, slot!.id).expect(201);
    const b = res.body.data;
    assert.equal(b.status, 'requested');
    assert.equal(b.centre.slug, CENTRE);
    assert.equal(b.date, slot!.date);
    assert.equal(b.time, slot!.time);
    assert.equal(b.specialist.name, name);
    assert.equal(b.child, null);
    assert.equal(b.canChange, true);
    assert.ok(!('user' in b) && !('history' in b));
    const sms = await smsTo(phone, smsBefore);
    const when = `${slot!.date.split('-').reverse().join('.')}, ${slot!.time}`;
    assert.ok(sms.body.includes(when), sms.body);
    assert.ok(sms.body.includes(b.centre.name) && sms.body.includes(b.centre.address), `${sms.body} / ${JSON.stringify(b.centre)}`);
    const mail = await mailTo(user.email, mailsBefore);
    assert.ok(String(mail.text).includes(when));
    assert.equal(mail.headers.get('content-language'), 'kk');
    // The slot is gone from the public list.
    assert.ok(!(await slotsOf(name)).some((s) => s.id === slot!.id));
    // And it is in "mine".
    const mine = await as(user.jwt).get('/api/booking/bookings/mine').expect(200);
    assert.deepEqual(
      mine.body.data.map((x: { id: string }) => x.id),
      [b.id],
    );
  });

  it('refuses a taken slot with 409 and offers the nearest free ones', async () => {
    const [slot] = await slotsOf(name);
    await book(user.jwt, slot!.id).expect(201);
    const other = await adult();
    const res = await book(other.jwt, slot!.id).set('Accept-Language', 'en').expect(409);
    assert.equal(res.body.error.name, 'ConflictError');
    assert.equal(res.body.error.details.code, 'slot.taken');
    assert.match(res.body.error.message, /just booked/);
    assert.ok(res.body.error.details.nearest.length > 0 && res.body.error.details.nearest.length <= 5);
    assert.ok(res.body.error.details.nearest.every((s: Slot) => s.id !== slot!.id && s.centre === CENTRE));
  });

  it("holds at most the centre's number of future bookings per service", async () => {
    const slots = await slotsOf(name);
    const res = await book(user.jwt, slots[3]!.id).expect(400);
    assert.equal(res.body.error.details.errors[0].code, 'booking.limit');
    // Testing is another service: allowed.
    const testing = await slotsOf(name, { service: 'testing' });
    await book(user.jwt, testing.at(-1)!.id, { service: 'testing' }).expect(201);
  });

  it('cancels: the slot is free again and the user is told', async () => {
    const mine = (await as(user.jwt).get('/api/booking/bookings/mine').expect(200)).body.data;
    const target = mine.find((b: { service: string }) => b.service === 'testing');
    const smsBefore = ctx.sms.length;
    const res = await as(user.jwt).post(`/api/booking/bookings/${target.id}/cancel`, { reason: 'Ауырып қалдым' }).expect(200);
    assert.equal(res.body.data.status, 'cancelled');
    assert.equal(res.body.data.canChange, false);
    assert.ok((await slotsOf(name, { service: 'testing' })).some((s) => s.start === target.start));
    await smsTo(phone, smsBefore);
    await as(user.jwt).post(`/api/booking/bookings/${target.id}/cancel`).expect(400);
    const history = (await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: target.id } })).history;
    assert.deepEqual(
      history.map((h: { action: string }) => h.action),
      ['created', 'cancelled'],
    );
    assert.equal(history[1].reason, 'Ауырып қалдым');
  });

  it('reschedules to another free slot, freeing the first', async () => {
    const mine = (await as(user.jwt).get('/api/booking/bookings/mine').expect(200)).body.data.filter((b: { status: string }) => b.status === 'requested');
    const target = mine[0];
    const free = await slotsOf(name);
    const next = free.at(-1)!;
    const res = await as(user.jwt).post(`/api/booking/bookings/${target.id}/reschedule`, { slot: next.id });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.data.start, next.start);
    const after = await slotsOf(name);
    assert.ok(after.some((s) => s.start === target.start));
    assert.ok(!after.some((s) => s.start === next.start));
    // Onto a taken slot (the user's other booking) → 409, and the booking stays where it was.
    const specialistId = (await ctx.strapi.db.query(SPECIALIST).findOne({ where: { name } })).id;
    await as(user.jwt)
      .post(`/api/booking/bookings/${target.id}/reschedule`, { slot: encodeSlotId(specialistId, new Date(mine[1].start)) })
      .expect(409);
    assert.equal(Date.parse((await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: target.id } })).start), Date.parse(next.start));
  });

  it("refuses changes after the centre's notice, and other people's bookings", async () => {
    const mine = (await as(user.jwt).get('/api/booking/bookings/mine').expect(200)).body.data.filter((b: { status: string }) => b.status === 'requested');
    const target = mine[0];
    const stranger = await adult();
    await as(stranger.jwt).post(`/api/booking/bookings/${target.id}/cancel`).expect(404);
    await as(stranger.jwt).post(`/api/booking/bookings/${target.id}/reschedule`, { slot: 'czE6MToxMjM0NTY3' }).expect(404);
    await as(stranger.jwt).post('/api/booking/bookings/not-a-document-id/cancel').expect(404);
    // Moved to start in an hour: within the 12-hour notice.
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    await ctx.strapi.db.query(BOOKING).update({ where: { documentId: target.id }, data: { start: soon } });
    const res = await as(user.jwt).post(`/api/booking/bookings/${target.id}/cancel`).set('Accept-Language', 'en').expect(400);
    assert.equal(res.body.error.details.code, 'booking.tooLate');
    assert.match(res.body.error.message, /12 hours/);
  });
});

describe('booking: bad input stores nothing', () => {
  const name = `Bad ${crypto.randomBytes(3).toString('hex')}`;
  let user: Awaited<ReturnType<typeof adult>>;
  before(async () => {
    await specialist(name, { formats: ['offline'] });
    user = await adult();
  });

  it('answers 400 field by field for malformed, unknown, past and mismatched slots', async () => {
    const count = await ctx.strapi.db.query(BOOKING).count();
    const [slot] = await slotsOf(name);
    const cases: Array<[unknown, string]> = [
      [{ slot: slot!.id, service: 'massage', format: 'offline' }, 'service'],
      [{ slot: slot!.id, service: 'consultation', format: 'teleport' }, 'format'],
      [{ slot: 'nonsense!', service: 'consultation', format: 'offline' }, 'slot'],
      [{ slot: Buffer.from('s1:999999:29000000').toString('base64url'), service: 'consultation', format: 'offline' }, 'slot'],
      [{ slot: Buffer.from('s1:0:1').toString('base64url'), service: 'consultation', format: 'offline' }, 'slot'],
      [{ slot: slot!.id, service: 'consultation', format: 'online' }, 'slot'],
      [{ slot: slot!.id, service: 'consultation', format: 'offline', role: 1 }, 'role'],
      [{ slot: slot!.id, service: 'consultation', format: 'offline', child: 'abcdefghijklmnopqrstuvwx' }, 'child'],
      [[], 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await as(user.jwt).post('/api/booking/bookings', body).expect(400);
      assert.ok(
        res.body.error.details.errors.some((e: { path: string[] }) => e.path[0] === field),
        `${JSON.stringify(body)} → ${JSON.stringify(res.body.error)}`,
      );
    }
    // A slot off the grid (08:10 is not a slot start) and a slot in the past.
    const offGrid = Buffer.from(
      `s1:${(await ctx.strapi.db.query(SPECIALIST).findOne({ where: { name } })).id}:${Date.parse(slot!.start) / 60_000 + 10}`,
    ).toString('base64url');
    assert.equal((await book(user.jwt, offGrid).expect(400)).body.error.details.errors[0].code, 'slot.unknown');
    // Three days before a slot at least two days ahead: yesterday, whatever the hour in Almaty.
    const yesterday = Buffer.from(
      `s1:${(await ctx.strapi.db.query(SPECIALIST).findOne({ where: { name } })).id}:${Date.parse(slot!.start) / 60_000 - 3 * 1440}`,
    ).toString('base64url');
    assert.equal((await book(user.jwt, yesterday).expect(400)).body.error.details.errors[0].code, 'slot.past');
    await book(user.jwt, slot!.id, {}, { 'Idempotency-Key': 'short' }).expect(400);
    assert.equal(await ctx.strapi.db.query(BOOKING).count(), count);
  });

  it("needs a logged-in user, and consent (a minor needs a parent's)", async () => {
    const [slot] = await slotsOf(name);
    await api().post('/api/booking/bookings').send({ slot: slot!.id, service: 'consultation', format: 'offline' }).expect(403);
    const minor = await confirmedUser({ birthDate: '2012-02-02' });
    const res = await book(minor.jwt, slot!.id).expect(403);
    assert.equal(res.body.error.details.code, 'consent.parental');
  });

  it("books for one's own child, never for someone else's", async () => {
    const parent = await adult({ userType: 'parent', birthDate: '1985-01-01', education: 'graduate' });
    const child = {
      surname: 'Ахметов',
      firstName: 'Нұрислам',
      gender: 'male',
      birthDate: '2014-09-01',
      region: 'KZ-55',
      locality: 'kz-55-pavlodar',
      education: 'school-6',
    };
    const created = await as(parent.jwt).post('/api/accounts/children', child).expect(201);
    const childId = created.body.data.documentId;
    const [slot, second] = await slotsOf(name);
    await book(user.jwt, slot!.id, { child: childId }).expect(400);
    const res = await book(parent.jwt, slot!.id, { child: childId }).expect(201);
    assert.deepEqual(res.body.data.child, { id: childId, firstName: 'Нұрислам' });
    // The child's limit is the child's own: the parent can still book for themselves.
    await book(parent.jwt, second!.id).expect(201);
  });
});

describe('booking: idempotency and races', () => {
  const name = `Race ${crypto.randomBytes(3).toString('hex')}`;
  before(() => specialist(name));

  it('returns the same booking for a retried Idempotency-Key, never a second one', async () => {
    const user = await adult();
    const [slot] = await slotsOf(name);
    const key = crypto.randomUUID();
    const first = await book(user.jwt, slot!.id, {}, { 'Idempotency-Key': key }).expect(201);
    const again = await book(user.jwt, slot!.id, {}, { 'Idempotency-Key': key }).expect(200);
    assert.equal(again.body.data.id, first.body.data.id);
    assert.equal(await ctx.strapi.db.query(BOOKING).count({ where: { user: user.id } }), 1);
    const [, other] = await slotsOf(name);
    const mismatch = await book(user.jwt, other!.id, {}, { 'Idempotency-Key': key }).expect(422);
    assert.equal(mismatch.body.error.details.code, 'idempotency.mismatch');
    // Parallel retries of one key: one booking.
    const key2 = crypto.randomUUID();
    const answers = await Promise.all(Array.from({ length: 8 }, () => book(user.jwt, other!.id, {}, { 'Idempotency-Key': key2 })));
    assert.deepEqual([...new Set(answers.map((a) => a.body.data.id))].length, 1, JSON.stringify(answers.map((a) => a.status)));
    assert.equal(answers.filter((a) => a.status === 201).length, 1);
    assert.equal(await ctx.strapi.db.query(BOOKING).count({ where: { user: user.id } }), 2);
  });

  it('50 parallel bookings of one slot by 50 people: one 201, 49 × 409, one row', async function () {
    this.timeout(120_000);
    const users = [];
    for (let i = 0; i < 50; i += 10) users.push(...(await Promise.all(Array.from({ length: 10 }, () => adult()))));
    const [, , slot] = await slotsOf(name);
    const answers = await Promise.all(users.map((u) => book(u.jwt, slot!.id)));
    const statuses = answers.map((a) => a.status).sort();
    assert.equal(statuses.filter((s) => s === 201).length, 1, statuses.join(','));
    assert.equal(statuses.filter((s) => s === 409).length, 49, statuses.join(','));
    const rows = await ctx.strapi.db.query(BOOKING).findMany({ where: { start: slot!.start, specialist: { name } } });
    assert.equal(rows.length, 1);
  });
});

describe('booking: the outbox delivers through an SMS outage, exactly once', () => {
  const name = `Outbox ${crypto.randomBytes(3).toString('hex')}`;
  before(() => specialist(name));

  it('keeps the messages while the SMS peer is down and delivers each once when it is back', async function () {
    this.timeout(30_000);
    const phones = Array.from({ length: 3 }, () => `+7705${crypto.randomInt(1e6, 9e6)}`);
    const users = await Promise.all(phones.map((phone) => adult({ phone })));
    const slots = await slotsOf(name);
    await ctx.smsPeer.stop();
    let restarted = false;
    try {
      for (const [i, u] of users.entries()) await book(u.jwt, slots[i * 2]!.id).expect(201);
      // The worker has tried and failed: the messages wait, with their attempts counted.
      const deadline = Date.now() + 5000;
      let rows: Array<{ attempts: number; status: string }> = [];
      while (Date.now() < deadline) {
        rows = await ctx.strapi.db.connection('booking_outbox').whereIn('recipient', phones);
        if (rows.length === 3 && rows.every((r) => r.attempts >= 1)) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      assert.equal(rows.length, 3);
      assert.ok(
        rows.every((r) => r.status === 'pending' && r.attempts >= 1),
        JSON.stringify(rows),
      );
      await ctx.smsPeer.start();
      restarted = true;
      // Two more workers racing the instance's own: still one message per booking.
      const { deliverDue } = await import('../../plugins/booking/dist/server/outbox.js');
      await new Promise((r) => setTimeout(r, 1500));
      await Promise.all([deliverDue(ctx.strapi, undefined, Date.now() + 3_600_000), deliverDue(ctx.strapi, undefined, Date.now() + 3_600_000)]);
      const until = Date.now() + 10_000;
      while (Date.now() < until && (await ctx.strapi.db.connection('booking_outbox').whereIn('recipient', phones).where({ status: 'sent' })).length < 3)
        await new Promise((r) => setTimeout(r, 100));
      for (const phone of phones) assert.equal(ctx.sms.filter((m) => m.to === phone).length, 1, phone);
      assert.equal((await ctx.strapi.db.connection('booking_outbox').whereIn('recipient', phones).where({ status: 'sent' })).length, 3);
    } finally {
      if (!restarted) await ctx.smsPeer.start();
    }
  });
});

describe('booking: staff in the admin', () => {
  const name = `Staff ${crypto.randomBytes(3).toString('hex')}`;
  const other = `Other ${crypto.randomBytes(3).toString('hex')}`;
  let token = '';
  let specialistId = 0;
  let otherId = 0;

  before(async () => {
    const role = await ctx.strapi.db.query('admin::role').findOne({ where: { code: 'qabilet-specialist' } });
    const email = `spec.${crypto.randomBytes(3).toString('hex')}@qabilet.example`;
    const password = `Qb1-${crypto.randomBytes(9).toString('base64url')}`;
    const adminUser = await ctx.strapi
      .service('admin::user')
      .create({ email, firstname: 'Test', lastname: 'Specialist', password, isActive: true, registrationToken: null, roles: [role.id] });
    const centre = await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: CENTRE, locale: 'kk' } });
    const profile = await ctx.strapi
      .documents('api::staff-profile.staff-profile')
      .create({ data: { user: adminUser.id, centre: centre.documentId, position: 'Psychologist' } as never });
    const profileRow = await ctx.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { documentId: profile.documentId } });
    specialistId = (await specialist(name, { staffProfile: profileRow.id })).id;
    otherId = (await specialist(other)).id;
    token = (await request(ctx.cmsUrl).post('/admin/login').send({ email, password }).expect(200)).body.data.token;
  });

  const staff = () => ({
    get: (path: string) => request(ctx.cmsUrl).get(path).set('Authorization', `Bearer ${token}`),
    post: (path: string, body: unknown = {}) =>
      request(ctx.cmsUrl)
        .post(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
    put: (path: string, body: unknown) =>
      request(ctx.cmsUrl)
        .put(path)
        .set('Authorization', `Bearer ${token}`)
        .send(body as object),
  });

  it('shows a specialist their own day and lets them confirm; the user is told', async () => {
    const me = await staff().get('/booking/me').expect(200);
    assert.equal(me.body.data.scope, 'own');
    assert.deepEqual(
      me.body.data.specialists.map((s: { id: number }) => s.id),
      [specialistId],
    );
    const phone = `+7707${crypto.randomInt(1e6, 9e6)}`;
    const user = await adult({ phone });
    const [slot] = await slotsOf(name);
    const booked = (await book(user.jwt, slot!.id).expect(201)).body.data;
    const [otherSlot] = await slotsOf(other);
    const foreign = (await book((await adult()).jwt, otherSlot!.id).expect(201)).body.data;

    const day = await staff().get(`/booking/bookings?from=${slot!.date}&to=${slot!.date}`).expect(200);
    assert.deepEqual(
      day.body.data.map((b: { id: string }) => b.id),
      [booked.id],
    );
    assert.equal(day.body.data[0].person.phone, phone);
    const smsBefore = ctx.sms.length;
    const confirmed = await staff().post(`/booking/bookings/${booked.id}/confirm`).expect(200);
    assert.equal(confirmed.body.data.status, 'confirmed');
    assert.match((await smsTo(phone, smsBefore)).body, new RegExp(slot!.time));
    // Another specialist's booking is not theirs: 404, unchanged.
    await staff().post(`/booking/bookings/${foreign.id}/confirm`).expect(404);
    await staff().get(`/booking/bookings?from=${slot!.date}&to=${slot!.date}&specialist=${otherId}`).expect(404);
    // Completing before the start is refused; cancelling needs a reason.
    assert.equal((await staff().post(`/booking/bookings/${booked.id}/complete`).expect(400)).body.error.details.code, 'booking.notStarted');
    assert.equal((await staff().post(`/booking/bookings/${booked.id}/cancel`, {}).expect(400)).body.error.details.errors[0].code, 'reason.required');
    await staff().post(`/booking/bookings/${booked.id}/cancel`, { reason: 'Маман ауырып қалды' }).expect(200);
    const views = await ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action: 'booking.list' } });
    assert.ok(views >= 1);
  });

  it('edits their schedule and exceptions, checked field by field', async () => {
    const bad = await staff()
      .put(`/booking/specialists/${specialistId}/schedule`, {
        hours: [{ day: 'mon', opens: '18:00', closes: '09:00' }],
        timings: { consultation: { slotMinutes: 7, bufferMinutes: 0 } },
        services: ['consultation'],
        formats: [],
      })
      .expect(400);
    assert.deepEqual(bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort(), ['formats', 'hours.0', 'timings.consultation']);
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '09:00', closes: '12:00' }));
    const ok = await staff()
      .put(`/booking/specialists/${specialistId}/schedule`, {
        hours: days,
        timings: { consultation: { slotMinutes: 60, bufferMinutes: 0 } },
        services: ['consultation'],
        formats: ['offline'],
      })
      .expect(200);
    assert.equal(ok.body.data.hours.length, 7);
    const day = addDays(today(), 2);
    assert.equal((await slotsOf(name)).filter((s) => s.date === day).length, 3);
    const closed = await staff().post(`/booking/specialists/${specialistId}/exceptions`, { kind: 'closed', from: day, to: day, note: 'Демалыс' }).expect(201);
    assert.equal((await slotsOf(name)).filter((s) => s.date === day).length, 0);
    const id = closed.body.data.exceptions[0].id;
    await staff().post(`/booking/specialists/${specialistId}/exceptions`, { kind: 'closed', from: tomorrow(), to: today() }).expect(400);
    await staff().put(`/booking/specialists/${otherId}/schedule`, ok.body.data).expect(404);
    await request(ctx.cmsUrl).delete(`/booking/specialists/${specialistId}/exceptions/${id}`).set('Authorization', `Bearer ${token}`).expect(200);
    assert.equal((await slotsOf(name)).filter((s) => s.date === day).length, 3);
  });
});

describe('booking: reminders a day before', () => {
  const name = `Remind ${crypto.randomBytes(3).toString('hex')}`;
  before(() => specialist(name));

  it('reminds once of a confirmed booking made more than a day ahead, however often the sweep runs', async () => {
    const phone = `+7706${crypto.randomInt(1e6, 9e6)}`;
    const user = await adult({ phone });
    const [slot] = await slotsOf(name);
    const booked = (await book(user.jwt, slot!.id).expect(201)).body.data;
    await smsTo(phone, 0); // "request received"
    const row = await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: booked.id } });
    // Confirmed three days ago for tomorrow, 20 hours from now.
    const start = new Date(Date.now() + 20 * 3_600_000);
    await ctx.strapi.db
      .connection('booking_bookings')
      .where({ id: row.id })
      .update({ status: 'confirmed', start, created_at: new Date(Date.now() - 3 * 86_400_000) });
    const { queueReminders } = await import('../../plugins/booking/dist/server/outbox.js');
    const { remind } = await import('../../plugins/booking/dist/server/bookings.js');
    const since = ctx.sms.length;
    const sweep = () => queueReminders(ctx.strapi, (id: number) => remind(ctx.strapi, id));
    assert.ok((await sweep()) >= 1);
    await sweep();
    const sms = await smsTo(phone, since);
    assert.match(sms.body, /Qabilet/);
    await new Promise((r) => setTimeout(r, 800));
    assert.equal(ctx.sms.slice(since).filter((m) => m.to === phone).length, 1);
    // A booking made less than a day ahead gets no reminder: its confirmation is fresh.
    await ctx.strapi.db
      .connection('booking_bookings')
      .where({ id: row.id })
      .update({ created_at: new Date(Date.now() - 3_600_000) });
    const outbox = await ctx.strapi.db.connection('booking_outbox').where({ booking_id: row.id }).count({ n: '*' });
    await sweep();
    assert.deepEqual(await ctx.strapi.db.connection('booking_outbox').where({ booking_id: row.id }).count({ n: '*' }), outbox);
  });
});

describe('booking: a deleted account', () => {
  const name = `Forget ${crypto.randomBytes(3).toString('hex')}`;
  before(() => specialist(name));

  it('has its future bookings cancelled, their time freed and the messages kept for them deleted', async () => {
    const user = await adult();
    const [slot] = await slotsOf(name);
    const booked = (await book(user.jwt, slot!.id).expect(201)).body.data;
    const row = await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: booked.id } });
    await api().post('/api/accounts/me/deletion').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    const { anonymiseDueAccounts } = requireCms(ctx.distDir, 'src/accounts/deletion.js');
    // Asked 15 days ago: the grace period is over.
    await ctx.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { deletionRequestedAt: new Date(Date.now() - 15 * 86_400_000) } });
    await anonymiseDueAccounts(ctx.strapi);
    const after = await ctx.strapi.db.query(BOOKING).findOne({ where: { id: row.id } });
    assert.equal(after.status, 'cancelled');
    assert.equal(after.history.at(-1).by, 'system');
    assert.ok((await slotsOf(name)).some((s) => s.id === slot!.id));
    assert.equal((await ctx.strapi.db.connection('booking_outbox').where({ booking_id: row.id })).length, 0);
  });
});

describe("booking: a regional coordinator sets their centres' policies in the Content Manager", () => {
  it('sees and edits the policies of the centres serving their region only', async () => {
    const role = await ctx.strapi.db.query('admin::role').findOne({ where: { code: 'qabilet-regional-coordinator' } });
    const email = `coord.${crypto.randomBytes(3).toString('hex')}@qabilet.example`;
    const password = `Qb1-${crypto.randomBytes(9).toString('base64url')}`;
    const user = await ctx.strapi
      .service('admin::user')
      .create({ email, firstname: 'Test', lastname: 'Coordinator', password, isActive: true, registrationToken: null, roles: [role.id] });
    const centre = await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: 'east-kazakhstan', locale: 'kk' } });
    await ctx.strapi.documents('api::staff-profile.staff-profile').create({ data: { user: user.id, centre: centre.documentId } as never });
    const token = (await request(ctx.cmsUrl).post('/admin/login').send({ email, password }).expect(200)).body.data.token;
    const cm = '/content-manager/collection-types/plugin::booking.policy';
    const list = await request(ctx.cmsUrl).get(`${cm}?page=1&pageSize=50`).set('Authorization', `Bearer ${token}`).expect(200);
    assert.deepEqual(
      list.body.results.map((p: { centre: string }) => p.centre),
      ['east-kazakhstan'],
    );
    const mine = list.body.results[0];
    await request(ctx.cmsUrl)
      .put(`${cm}/${mine.documentId}`)
      .set('Authorization', `Bearer ${token}`)
      .send({ ...mine, autoConfirm: true })
      .expect(200);
    assert.equal((await ctx.strapi.db.query(POLICY).findOne({ where: { centre: 'east-kazakhstan' } })).autoConfirm, true);
    const almaty = await ctx.strapi.db.query(POLICY).findOne({ where: { centre: 'almaty' } });
    const refused = await request(ctx.cmsUrl).put(`${cm}/${almaty.documentId}`).set('Authorization', `Bearer ${token}`).send({ autoConfirm: true });
    assert.ok([403, 404].includes(refused.status), String(refused.status));
    assert.equal((await ctx.strapi.db.query(POLICY).findOne({ where: { centre: 'almaty' } })).autoConfirm, false);
    await ctx.strapi.db.query(POLICY).update({ where: { centre: 'east-kazakhstan' }, data: { autoConfirm: false } });
  });
});

describe('booking: housekeeping', () => {
  it('forgets delivered messages after 30 days and idempotency keys after 7, keeping what is pending', async () => {
    const { purgeDelivered } = await import('../../plugins/booking/dist/server/outbox.js');
    const old = Date.now() - 31 * 86_400_000;
    const knex = ctx.strapi.db.connection;
    const base = { channel: 'sms', recipient: '+77000000009', body: 'x', language: 'kk', attempts: 1, next_at: old, created_at: old };
    await knex('booking_outbox').insert([
      { ...base, dedupe_key: `purge-sent-${old}`, status: 'sent' },
      { ...base, dedupe_key: `purge-pending-${old}`, status: 'pending', next_at: Date.now() + 86_400_000 },
    ]);
    await knex('booking_idempotency').insert([
      { user_id: 999999, key: `old-key-${old}`, request_hash: 'h', booking_id: 1, created_at: old },
      { user_id: 999999, key: `new-key-${old}`, request_hash: 'h', booking_id: 1, created_at: Date.now() },
    ]);
    await purgeDelivered(ctx.strapi);
    assert.deepEqual(
      (await knex('booking_outbox').where('dedupe_key', 'like', `purge-%-${old}`)).map((r: { status: string }) => r.status),
      ['pending'],
    );
    assert.deepEqual(
      (await knex('booking_idempotency').where({ user_id: 999999 })).map((r: { key: string }) => r.key),
      [`new-key-${old}`],
    );
    await knex('booking_outbox').where('dedupe_key', 'like', `purge-%-${old}`).delete();
    await knex('booking_idempotency').where({ user_id: 999999 }).delete();
  });
});
