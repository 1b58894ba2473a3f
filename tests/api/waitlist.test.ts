import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { addDays, encodeSlotId, kzDate, weekdayOf } from '@qabilet/domain';
import { ctx, mailTo, smsTo } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

// A centre no other test books at: its demo specialists are away, so only ours has time there.
const CENTRE = 'kyzylorda';
const SPECIALIST = 'plugin::booking.specialist';
const EXCEPTION = 'plugin::booking.exception';
const WAITLIST = 'plugin::booking.waitlist-entry';
const BOOKING = 'plugin::booking.booking';
const today = () => kzDate(new Date());

type Slot = { id: string; start: string; end: string; date: string; time: string; specialist: { name: string } };
type Session = Awaited<ReturnType<typeof confirmedUser>> & { phone: string };
type Sweep = (strapi: unknown, scope?: Record<string, string>, now?: Date) => Promise<{ expired: number; lapsed: number; offered: number }>;

const sweep = async (now = new Date(), scope: Record<string, string> = {}) => {
  const { offerFreedTime } = (await import('../../plugins/booking/dist/server/waitlist.js')) as { offerFreedTime: Sweep };
  return offerFreedTime(ctx.strapi, scope, now);
};

/** An adult with the consent given at registration and a phone of their own, logged in. */
async function adult(overrides: Record<string, unknown> = {}): Promise<Session> {
  const phone = `+7776${crypto.randomInt(1e6, 9e6)}`;
  return { ...(await confirmedUser({ birthDate: '2000-03-03', userType: 'student', education: 'university', phone, ...overrides })), phone };
}

const as = (jwt: string) => ({
  get: (path: string) => api().get(path).set('Authorization', `Bearer ${jwt}`),
  post: (path: string, body: unknown = {}) =>
    api()
      .post(path)
      .set('Authorization', `Bearer ${jwt}`)
      .send(body as object),
});

const join = (who: Session, from: string, to = from, extra: Record<string, unknown> = {}) =>
  as(who.jwt).post('/api/booking/waitlist', { centre: CENTRE, service: 'consultation', format: 'offline', from, to, ...extra });

/** A specialist of ours working `opens`–`closes` every day, 45-minute consultations with 15 minutes after each. */
async function specialist(name: string, opens: string, closes: string) {
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens, closes }));
  const created = await ctx.strapi.db.query(SPECIALIST).create({
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
  forgetSlots();
  return created as { id: number };
}

async function slotsOn(name: string, date: string): Promise<Slot[]> {
  const res = await api().get('/api/booking/slots').query({ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date }).expect(200);
  return res.body.data.filter((s: Slot) => s.specialist.name === name);
}

const book = (who: Session, slot: string) => as(who.jwt).post('/api/booking/bookings', { slot, service: 'consultation', format: 'offline' });

/** The offer link an SMS carries, and its token (in the fragment only). */
function linkIn(text: string): { url: URL; token: string } {
  const url = new URL(String(/https?:\/\/\S+\/account\/offer\/\S*/.exec(text)?.[0]));
  assert.equal(url.search, '', 'nothing in the query');
  assert.match(url.pathname, /^\/(kk|ru|en)\/account\/offer\/$/);
  return { url, token: url.hash.slice(1) };
}

const offerCall = (who: Session, action: 'view' | 'accept' | 'decline', token: string) => as(who.jwt).post(`/api/booking/offers/${action}`, { token });
const entryOf = async (who: Session) =>
  (await ctx.strapi.db.query(WAITLIST).findMany({ where: { user: who.id } }))[0] as { status: string; history: Array<{ action: string }> };
const noSmsTo = async (who: Session, since: number) => {
  await new Promise((r) => setTimeout(r, 700));
  assert.equal(ctx.sms.slice(since).filter((m) => m.to === who.phone).length, 0, `no SMS to ${who.phone}`);
};

describe('waitlist', function () {
  this.timeout(60_000);
  const name = `Wait ${crypto.randomBytes(3).toString('hex')}`;
  const closures: number[] = [];
  let day = 2;
  /** A day of its own for each test (its 08:00 is our specialist's one slot that day). */
  const nextDay = () => addDays(today(), day++);

  before(async () => {
    const demo = await ctx.strapi.db.query(SPECIALIST).findMany({ where: { centre: CENTRE }, select: ['id'] });
    for (const s of demo)
      closures.push((await ctx.strapi.db.query(EXCEPTION).create({ data: { specialist: s.id, kind: 'closed', from: today(), to: addDays(today(), 60) } })).id);
    await specialist(name, '08:00', '09:00');
  });
  after(async () => {
    for (const id of closures) await ctx.strapi.db.query(EXCEPTION).delete({ where: { id } });
  });

  /** The day's one slot, booked by someone: nothing is free that day. */
  async function fullDay(): Promise<{ date: string; slot: Slot; holder: Session; booking: string }> {
    const date = nextDay();
    const [slot] = await slotsOn(name, date);
    assert.ok(slot, `a slot on ${date}`);
    const holder = await adult();
    const booking = (await book(holder, slot.id).expect(201)).body.data.id;
    return { date, slot, holder, booking };
  }

  it('refuses bad input field by field, in the language asked for, storing nothing', async () => {
    const user = await adult();
    const before = await ctx.strapi.db.query(WAITLIST).count();
    const date = addDays(today(), 3);
    const cases: Array<[Record<string, unknown> | unknown[], string, string?]> = [
      [{ centre: 'atlantis', service: 'consultation', format: 'offline', from: date, to: date }, 'centre', 'centre.unknown'],
      [{ service: 'consultation', format: 'offline', from: date, to: date }, 'centre', 'field.required'],
      [{ centre: CENTRE, service: 'massage', format: 'offline', from: date, to: date }, 'service', 'service.unknown'],
      [{ centre: CENTRE, service: 'consultation', format: 'teleport', from: date, to: date }, 'format', 'format.unknown'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: '2026-02-30', to: date }, 'from', 'date.malformed'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: 'soon' }, 'to', 'date.malformed'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: addDays(date, -1) }, 'to', 'range.order'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: addDays(today(), 90) }, 'to', 'range.tooLong'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: addDays(today(), -3), to: date }, 'from', 'range.past'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: '2020-01-01', to: '2020-01-02' }, 'to', 'range.past'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date, status: 'offered' }, 'status', 'field.notAllowed'],
      [{ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date, child: 'abcdefghijklmnopqrstuvwx' }, 'child', 'child.unknown'],
      [[], 'body', 'body.notObject'],
    ];
    for (const [body, field, code] of cases) {
      const res = await as(user.jwt).post('/api/booking/waitlist', body).expect(400);
      const found = res.body.error.details.errors.find((e: { path: string[] }) => e.path[0] === field);
      assert.ok(found, `${JSON.stringify(body)} → ${JSON.stringify(res.body.error)}`);
      assert.equal(found.code, code, JSON.stringify(body));
    }
    // Several problems at once, each under its field; in Russian, English and (by default) Kazakh.
    const all = { centre: 'atlantis', service: 'massage', format: 'offline', from: 'x', to: 'y' };
    const ru = await as(user.jwt).post('/api/booking/waitlist?locale=ru', all).expect(400);
    assert.deepEqual(ru.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['centre', 'from', 'service', 'to']);
    assert.match(ru.body.error.message, /[а-яё]/i);
    const en = await as(user.jwt)
      .post('/api/booking/waitlist', { ...all, centre: CENTRE, service: 'consultation', from: date, to: addDays(today(), 90) })
      .set('Accept-Language', 'en')
      .expect(400);
    assert.match(en.body.error.message, /30 days/);
    const kk = await as(user.jwt)
      .post('/api/booking/waitlist', { ...all, centre: CENTRE, service: 'consultation', from: date, to: addDays(today(), 90) })
      .expect(400);
    assert.match(kk.body.error.message, /[әғқңөұүһі]/);
    assert.equal(await ctx.strapi.db.query(WAITLIST).count(), before);
  });

  it("needs a session and the consents, never takes another parent's child, refuses duplicates and a fourth place", async () => {
    const date = addDays(today(), 3);
    await api().post('/api/booking/waitlist').send({ centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date }).expect(403);
    const minor = await confirmedUser({ birthDate: '2012-02-02' });
    const refused = await as(minor.jwt)
      .post('/api/booking/waitlist', { centre: CENTRE, service: 'consultation', format: 'offline', from: date, to: date })
      .expect(403);
    assert.equal(refused.body.error.details.code, 'consent.parental');

    const parent = await adult({ userType: 'parent', birthDate: '1985-01-01', education: 'graduate' });
    const child = {
      surname: 'Серікұлы',
      firstName: 'Алмас',
      gender: 'male',
      birthDate: '2013-09-01',
      region: 'KZ-43',
      locality: 'kz-43-kyzylorda',
      education: 'school-6',
    };
    const childId = (await as(parent.jwt).post('/api/accounts/children', child).expect(201)).body.data.documentId;
    const stranger = await adult();
    assert.equal((await join(stranger, date, date, { child: childId }).expect(400)).body.error.details.errors[0].code, 'child.unknown');

    // A Sunday: the demo specialists of these centres do not work then, so the places stay waiting.
    let sunday = addDays(today(), 2);
    while (weekdayOf(sunday) !== 'sun') sunday = addDays(sunday, 1);
    const elsewhere = (centre: string, extra: Record<string, unknown> = {}) =>
      as(parent.jwt).post('/api/booking/waitlist', { centre, service: 'consultation', format: 'offline', from: sunday, to: sunday, ...extra });
    const first = await elsewhere('aktobe').expect(201);
    assert.equal(first.body.data.status, 'waiting');
    assert.equal(first.body.data.centre.slug, 'aktobe');
    assert.equal(first.body.data.offer, null);
    assert.ok(!('user' in first.body.data) && !('history' in first.body.data));
    const duplicate = await elsewhere('aktobe', { to: addDays(sunday, 7) })
      .set('Accept-Language', 'en')
      .expect(409);
    assert.equal(duplicate.body.error.details.code, 'waitlist.duplicate');
    assert.match(duplicate.body.error.message, /already/);
    await elsewhere('akmola').expect(201);
    await elsewhere('jambyl').expect(201);
    assert.equal((await elsewhere('west-kazakhstan').expect(400)).body.error.details.code, 'waitlist.limit');
    // The child is a person of their own: their places count apart from the parent's.
    const forChild = await elsewhere('west-kazakhstan', { child: childId }).expect(201);
    assert.deepEqual(forChild.body.data.child, { id: childId, firstName: 'Алмас' });

    const mine = await as(parent.jwt).get('/api/booking/waitlist/mine').expect(200);
    assert.deepEqual(
      mine.body.data.map((e: { centre: { slug: string } }) => e.centre.slug),
      ['west-kazakhstan', 'jambyl', 'akmola', 'aktobe'],
    );
    assert.equal((await as(stranger.jwt).get('/api/booking/waitlist/mine').expect(200)).body.data.length, 0);

    // Leaving: one's own only (someone else's answers as if it did not exist), once.
    const id = first.body.data.id;
    await as(stranger.jwt).post(`/api/booking/waitlist/${id}/leave`).expect(404);
    await as(parent.jwt).post('/api/booking/waitlist/not-an-id!/leave').expect(404);
    assert.equal((await as(parent.jwt).post(`/api/booking/waitlist/${id}/leave`).expect(200)).body.data.status, 'left');
    assert.equal((await as(parent.jwt).post(`/api/booking/waitlist/${id}/leave`).expect(400)).body.error.details.code, 'waitlist.final');
    // A place left frees one: a fourth centre is possible again.
    await elsewhere('west-kazakhstan').expect(201);
    for (const e of (await as(parent.jwt).get('/api/booking/waitlist/mine').expect(200)).body.data) {
      if (e.status === 'waiting') await as(parent.jwt).post(`/api/booking/waitlist/${e.id}/leave`).expect(200);
    }
  });

  it('offers time that is already free at once', async () => {
    const date = nextDay();
    const [slot] = await slotsOn(name, date);
    const user = await adult();
    const since = ctx.sms.length;
    const res = await join(user, date).expect(201);
    assert.equal(res.body.data.status, 'offered');
    assert.deepEqual([res.body.data.offer.date, res.body.data.offer.time, res.body.data.offer.specialist.name], [slot!.date, slot!.time, name]);
    assert.ok(Date.parse(res.body.data.offer.expiresAt) - Date.now() > 14 * 60_000);
    const { token } = linkIn((await smsTo(user.phone, since)).body);
    await offerCall(user, 'decline', token).expect(200);
    await as(user.jwt).post(`/api/booking/waitlist/${res.body.data.id}/leave`).expect(200);
  });

  it('offers a cancelled slot to the first person waiting only; they take it and it is theirs', async () => {
    const { date, slot, holder, booking } = await fullDay();
    const [first, second, third] = [await adult(), await adult(), await adult()];
    assert.equal((await join(first, date).expect(201)).body.data.status, 'waiting');
    assert.equal((await join(second, date).expect(201)).body.data.status, 'waiting');
    const since = ctx.sms.length;
    const mails = ctx.mails.length;
    await as(holder.jwt).post(`/api/booking/bookings/${booking}/cancel`).expect(200);

    const sms = await smsTo(first.phone, since);
    const { token, url } = linkIn(sms.body);
    assert.match(token, /^[A-Za-z0-9_-]{30,}$/);
    const when = `${date.split('-').reverse().join('.')}, ${slot.time}`;
    assert.ok(sms.body.includes(when), sms.body);
    assert.match(sms.body, /15/);
    const mail = await mailTo(first.email, mails);
    assert.ok(String(mail.text).includes(when) && String(mail.text).includes(url.href), String(mail.text));
    assert.match(String(mail.text), /Asia\/Almaty/);
    // Nobody's token is kept as such: only its hash.
    assert.equal((await ctx.strapi.db.connection('booking_offers').where({ token_hash: token })).length, 0);
    await noSmsTo(second, since);
    assert.equal((await entryOf(second)).status, 'waiting');

    // Held: gone from the public list; someone else's booking of it is refused.
    assert.ok(!(await slotsOn(name, date)).some((s) => s.start === slot.start));
    assert.equal((await book(third, slot.id).expect(409)).body.error.details.code, 'slot.taken');

    const mine = (await as(first.jwt).get('/api/booking/waitlist/mine').expect(200)).body.data[0];
    assert.equal(mine.status, 'offered');
    assert.deepEqual([mine.offer.date, mine.offer.time], [slot.date, slot.time]);
    const view = await offerCall(first, 'view', token).expect(200);
    assert.deepEqual(
      [view.body.data.status, view.body.data.date, view.body.data.time, view.body.data.specialist.name, view.body.data.centre.slug],
      ['held', date, slot.time, name, CENTRE],
    );
    // The link is the person's own: another account, or a made-up token, finds nothing.
    await offerCall(third, 'view', token).expect(404);
    await offerCall(third, 'accept', token).expect(404);
    await offerCall(first, 'view', 'x'.repeat(40)).expect(404);
    await offerCall(first, 'view', 'not a token').expect(404);
    assert.equal((await as(first.jwt).post('/api/booking/offers/view', {}).expect(400)).body.error.details.errors[0].path[0], 'token');

    const accepted = await offerCall(first, 'accept', token).expect(201);
    assert.equal(accepted.body.data.start, slot.start);
    assert.equal(accepted.body.data.status, 'requested');
    assert.equal((await offerCall(first, 'accept', token).expect(200)).body.data.id, accepted.body.data.id);
    const entry = await entryOf(first);
    assert.equal(entry.status, 'booked');
    assert.deepEqual(
      entry.history.map((h) => h.action),
      ['joined', 'offered', 'booked'],
    );
    const row = await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: accepted.body.data.id }, populate: { user: true } });
    assert.equal(row.user.id, first.id);
    assert.equal(row.history[0].action, 'created');
    assert.equal((await as(first.jwt).get('/api/booking/bookings/mine').expect(200)).body.data[0].id, accepted.body.data.id);
    // The hold gave way to the booking: one holder of each cell, the booking.
    const cells = await ctx.strapi.db.connection('booking_cells').where({ booking_id: row.id });
    assert.equal(cells.length, 12);
    assert.equal(
      (
        await ctx.strapi.db
          .connection('booking_cells')
          .whereIn(
            'cell',
            cells.map((c: { cell: number }) => c.cell),
          )
          .andWhere({ specialist_id: cells[0].specialist_id })
      ).length,
      12,
    );
    assert.equal((await entryOf(second)).status, 'waiting');
  });

  it('lets an offer not taken lapse, then offers the time to the next person', async () => {
    const { date, holder, booking } = await fullDay();
    const [first, second] = [await adult(), await adult()];
    await join(first, date).expect(201);
    await join(second, date).expect(201);
    const since = ctx.sms.length;
    await as(holder.jwt).post(`/api/booking/bookings/${booking}/cancel`).expect(200);
    const { token } = linkIn((await smsTo(first.phone, since)).body);

    const later = new Date(Date.now() + 16 * 60_000);
    const result = await sweep(later);
    assert.ok(result.expired >= 1 && result.offered >= 1, JSON.stringify(result));
    const entry = await entryOf(first);
    assert.equal(entry.status, 'lapsed');
    assert.deepEqual(
      entry.history.map((h) => h.action),
      ['joined', 'offered', 'lapsed'],
    );
    const next = linkIn((await smsTo(second.phone, since)).body);
    assert.notEqual(next.token, token);
    assert.equal((await entryOf(second)).status, 'offered');
    const gone = await offerCall(first, 'accept', token).set('Accept-Language', 'en').expect(410);
    assert.equal(gone.body.error.details.code, 'offer.expired');
    assert.match(gone.body.error.message, /expired/);
    await offerCall(first, 'view', token).expect(410);
    await offerCall(second, 'accept', next.token).expect(201);
  });

  it('gives a declined time to the next person; the one who declined keeps their place', async () => {
    const { date, holder, booking } = await fullDay();
    const [first, second] = [await adult(), await adult()];
    await join(first, date).expect(201);
    await join(second, date).expect(201);
    const since = ctx.sms.length;
    await as(holder.jwt).post(`/api/booking/bookings/${booking}/cancel`).expect(200);
    const { token } = linkIn((await smsTo(first.phone, since)).body);
    const declined = await offerCall(first, 'decline', token).expect(200);
    assert.equal(declined.body.data.status, 'declined');
    linkIn((await smsTo(second.phone, since)).body);
    assert.equal((await entryOf(second)).status, 'offered');
    // Not offered the same time again: they wait for another one.
    assert.equal((await entryOf(first)).status, 'waiting');
    assert.equal((await offerCall(first, 'accept', token).expect(410)).body.error.details.code, 'offer.closed');
    await offerCall(first, 'decline', token).expect(410);
    await as(first.jwt)
      .post(`/api/booking/waitlist/${(await as(first.jwt).get('/api/booking/waitlist/mine')).body.data[0].id}/leave`)
      .expect(200);
  });

  it('releases a held time when its person leaves the waitlist, for the next one', async () => {
    const { date, slot, holder, booking } = await fullDay();
    const [first, second] = [await adult(), await adult()];
    const mine = (await join(first, date).expect(201)).body.data;
    await join(second, date).expect(201);
    const since = ctx.sms.length;
    await as(holder.jwt).post(`/api/booking/bookings/${booking}/cancel`).expect(200);
    const { token } = linkIn((await smsTo(first.phone, since)).body);
    assert.equal((await as(first.jwt).post(`/api/booking/waitlist/${mine.id}/leave`).expect(200)).body.data.status, 'left');
    const next = linkIn((await smsTo(second.phone, since)).body);
    await offerCall(first, 'view', token).expect(410);
    const view = await offerCall(second, 'view', next.token).expect(200);
    assert.equal(view.body.data.start, slot.start);
  });

  it("forgets a deleted account's places and frees the time held for it", async () => {
    const { date, holder, booking } = await fullDay();
    const user = await adult();
    await join(user, date).expect(201);
    const since = ctx.sms.length;
    await as(holder.jwt).post(`/api/booking/bookings/${booking}/cancel`).expect(200);
    await smsTo(user.phone, since);
    const entry = (await ctx.strapi.db.query(WAITLIST).findMany({ where: { user: user.id } }))[0];
    const [offer] = await ctx.strapi.db.connection('booking_offers').where({ entry_id: entry.id });
    await ctx.strapi.plugin('booking').service('people').forget(user.id, new Date());
    assert.equal(await ctx.strapi.db.query(WAITLIST).count({ where: { user: user.id } }), 0);
    assert.equal((await ctx.strapi.db.connection('booking_offers').where({ entry_id: entry.id })).length, 0);
    assert.equal((await ctx.strapi.db.connection('booking_cells').where({ booking_id: -offer.id })).length, 0);
    assert.equal((await ctx.strapi.db.connection('booking_outbox').where({ booking_id: -offer.id })).length, 0);
  });

  it('races: cancellations, new hours, bookings and sweeps at once end with each freed slot held or booked by exactly one person', async function () {
    this.timeout(180_000);
    const racer = `Race ${crypto.randomBytes(3).toString('hex')}`;
    const { id: specialistId } = await specialist(racer, '10:00', '16:00');
    const date = addDays(today(), 20);
    // Our first specialist's one slot that day is taken: only the racer's are in play.
    await book(await adult(), (await slotsOn(name, date))[0]!.id).expect(201);
    const slots = await slotsOn(racer, date);
    assert.equal(slots.length, 6);
    const people = async (n: number) => Promise.all(Array.from({ length: n }, () => adult()));
    const holders = await people(6);
    const bookings: string[] = [];
    for (const [i, h] of holders.entries()) bookings.push((await book(h, slots[i]!.id).expect(201)).body.data.id);
    const waiting = await people(10);
    for (const w of waiting) assert.equal((await join(w, date).expect(201)).body.data.status, 'waiting');
    const rivals = await people(15);
    const after = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

    // Four sweepers run back to back all through the storm, besides those the cancellations start.
    let storming = true;
    const sweepers = Array.from({ length: 4 }, async () => {
      while (storming) {
        await sweep();
        // SQLite answers synchronously: without a turn of the event loop the requests would never run.
        await new Promise((ok) => setImmediate(ok));
      }
    });
    // Each cancellation, as it lands, meets four more sweeps and two people booking the time it frees.
    const waves = await Promise.all(
      holders.map(async (h, i) => {
        await after(i * 40);
        const cancelled = await as(h.jwt).post(`/api/booking/bookings/${bookings[i]}/cancel`);
        const [, , , , ...booked] = await Promise.all([
          sweep(),
          sweep(),
          sweep(),
          sweep(),
          book(rivals[2 * i]!, slots[i]!.id),
          book(rivals[2 * i + 1]!, slots[i]!.id),
        ]);
        return { cancelled: cancelled.status, booked: booked.map((b) => b.status) };
      }),
    );
    storming = false;
    await Promise.all(sweepers);
    assert.ok(waves.every((w) => w.cancelled === 200));

    // New hours appear (written straight to the database, so that no sweep has started yet) and six
    // sweeps see the same three free slots at the same moment, as three people try to book them.
    await ctx.strapi.db.query(EXCEPTION).create({ data: { specialist: specialistId, kind: 'extra', date, opens: '16:00', closes: '19:00' } });
    const extraStarts = ['16:00', '17:00', '18:00'].map((time) => new Date(`${date}T${time}:00+05:00`));
    const extra = extraStarts.map((start) => encodeSlotId(specialistId, start));
    const late = await Promise.all([...Array.from({ length: 6 }, () => sweep()), ...extra.map((id, i) => book(rivals[12 + i]!, id))]);
    const rivalStatuses = [...waves.flatMap((w) => w.booked), ...late.slice(6).map((a) => (a as { status: number }).status)];
    assert.ok(
      rivalStatuses.every((s) => s === 201 || s === 409),
      rivalStatuses.join(','),
    );
    // Let the listeners' sweeps finish, then one more: nothing free may be left while people wait.
    await after(1500);
    await sweep();

    const all = [...slots.map((s) => Date.parse(s.start)), ...extraStarts.map((start) => start.getTime())];
    const entries = await ctx.strapi.db.query(WAITLIST).findMany({ where: { user: { id: { $in: waiting.map((w) => w.id) } } } });
    const offers = await ctx.strapi.db
      .connection('booking_offers')
      .whereIn(
        'entry_id',
        entries.map((e: { id: number }) => e.id),
      )
      .andWhere({ status: 'held' });
    const [first, last] = [Date.parse(`${date}T00:00:00+05:00`), Date.parse(`${addDays(date, 1)}T00:00:00+05:00`)];
    const live = await ctx.strapi.db.query(BOOKING).findMany({
      where: {
        specialist: specialistId,
        status: { $in: ['requested', 'confirmed'] },
        start: { $gte: new Date(first).toISOString(), $lt: new Date(last).toISOString() },
      },
    });
    for (const start of all) {
      const booked = live.filter((b: { start: string }) => Date.parse(b.start) === start);
      const held = offers.filter((o: { start: number | string }) => Number(o.start) === start);
      assert.equal(booked.length + held.length, 1, `${new Date(start).toISOString()}: ${booked.length} bookings, ${held.length} holds`);
    }
    assert.equal(rivalStatuses.filter((s) => s === 201).length, live.length);
    // No entry holds two times; every offered entry holds one, every waiting one none.
    for (const e of entries) {
      const mine = offers.filter((o: { entry_id: number | string }) => Number(o.entry_id) === e.id);
      assert.equal(mine.length, e.status === 'offered' ? 1 : 0, `entry ${e.id} ${e.status}: ${mine.length} holds`);
    }
    assert.equal(entries.filter((e: { status: string }) => e.status === 'offered').length, offers.length);
    // The day's cells are exactly those of the live holders, 12 each: none left behind by a loser.
    // (The racer works every day: people waiting for other days of this centre may hold its other days.)
    const cells = await ctx.strapi.db
      .connection('booking_cells')
      .where({ specialist_id: specialistId })
      .andWhere('cell', '>=', first / 300_000)
      .andWhere('cell', '<', last / 300_000);
    assert.equal(cells.length, all.length * 12);
    const holdersOfCells = [...new Set(cells.map((c: { booking_id: number | string }) => Number(c.booking_id)))].sort();
    assert.deepEqual(holdersOfCells, [...live.map((b: { id: number }) => b.id), ...offers.map((o: { id: number | string }) => -Number(o.id))].sort());
    // No one was sent two offers.
    for (const w of waiting) assert.ok(ctx.sms.filter((m) => m.to === w.phone && /account\/offer/.test(m.body)).length <= 1, w.phone);
  });
});
