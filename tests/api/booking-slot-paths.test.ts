import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { addDays, encodeSlotId, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

// The slot a booking asks for is resolved and checked in one place (booking/resolve-slot.ts) for a
// user's own booking, a staff member's booking and a user's move of a booking: the three paths give
// the same answers for the same slot, and each keeps what is its own (a move stays in its centre;
// staff are not held to the person's limit).
const SPECIALIST = 'plugin::booking.specialist';
const BOOKING = 'plugin::booking.booking';
const POLICY = 'plugin::booking.policy';
const CENTRE = 'pavlodar';
const OTHER_CENTRE = 'almaty-region';

type Slot = { id: string; start: string; specialist: { name: string } };
type Refusal = { status: number; problems: Array<{ field?: string; code: string }>; extra: { nearest?: unknown[] } };

const everyDay = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));

async function specialist(name: string, centre: string, formats = ['offline', 'online']) {
  const created = await ctx.strapi.db.query(SPECIALIST).create({
    data: {
      name,
      centre,
      active: true,
      services: ['consultation'],
      formats,
      hours: everyDay,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 } },
    },
  });
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  forgetSlots();
  return created as { id: number };
}

async function slotsOf(name: string, centre: string): Promise<Slot[]> {
  const from = addDays(kzDate(new Date()), 2);
  const res = await api()
    .get('/api/booking/slots')
    .query({ centre, service: 'consultation', format: 'offline', from, to: addDays(from, 2) })
    .expect(200);
  return res.body.data.filter((s: Slot) => s.specialist.name === name);
}

const adult = () => confirmedUser({ birthDate: '2001-05-20', userType: 'student', education: 'university', phone: `+7701${crypto.randomInt(1e6, 9e6)}` });
const book = (jwt: string, slot: string, format = 'offline') =>
  api().post('/api/booking/bookings').set('Authorization', `Bearer ${jwt}`).send({ slot, service: 'consultation', format });
const reschedule = (jwt: string, id: string, slot: string) =>
  api().post(`/api/booking/bookings/${id}/reschedule`).set('Authorization', `Bearer ${jwt}`).send({ slot });
const staffBook = (slot: string, person: Record<string, unknown>, format = 'offline') =>
  (ctx.strapi.plugin('booking').service('staff') as { book(input: unknown): Promise<{ documentId: string; status: string }> }).book({
    adminId: 1,
    slot,
    service: 'consultation',
    format,
    person,
  });

/** What a staff booking was refused with (it must be refused). */
async function staffRefusal(slot: string, person: Record<string, unknown>, format = 'offline'): Promise<Refusal> {
  try {
    await staffBook(slot, person, format);
  } catch (error) {
    return error as Refusal;
  }
  throw new Error('the staff booking was not refused');
}

describe('booking: one slot check for users, staff and moves', () => {
  const name = `Paths ${crypto.randomBytes(3).toString('hex')}`;
  const elsewhere = `Paths elsewhere ${crypto.randomBytes(3).toString('hex')}`;
  let id: number;
  let slots: Slot[];
  let user: Awaited<ReturnType<typeof adult>>;
  before(async () => {
    ({ id } = await specialist(name, CENTRE, ['offline']));
    await specialist(elsewhere, OTHER_CENTRE);
    slots = await slotsOf(name, CENTRE);
    user = await adult();
  });

  it('gives the user and the staff the same answer for a time that is no slot, a past one and a format not offered', async () => {
    const offGrid = encodeSlotId(id, new Date(Date.parse(slots[0]!.start) + 10 * 60_000));
    const past = encodeSlotId(id, new Date(Date.parse(slots[0]!.start) - 3 * 86_400_000));
    const lead = { lead: { name: 'Айгүл', phone: '+77011234567', language: 'kk' } };
    for (const [slot, format, code] of [
      [offGrid, 'offline', 'slot.unknown'],
      [past, 'offline', 'slot.past'],
      [slots[0]!.id, 'online', 'slot.mismatch'],
    ] as const) {
      const asUser = await book(user.jwt, slot, format).expect(400);
      assert.equal(asUser.body.error.details.errors[0].code, code);
      const asStaff = await staffRefusal(slot, lead, format);
      assert.equal(asStaff.status, 400);
      assert.equal(asStaff.problems[0]!.code, code);
    }
    assert.equal(await ctx.strapi.db.query(BOOKING).count({ where: { specialist: id } }), 0);
  });

  it('refuses a taken slot alike: 409 with the nearest free ones, whoever took it', async () => {
    const lead = { lead: { name: 'Нұрлан', phone: '+77017654321', language: 'ru' } };
    const byStaff = await staffBook(slots[0]!.id, lead);
    assert.equal(byStaff.status, 'confirmed');
    const asUser = await book(user.jwt, slots[0]!.id).expect(409);
    assert.equal(asUser.body.error.details.code, 'slot.taken');
    assert.ok(asUser.body.error.details.nearest.length > 0);
    const mine = await book(user.jwt, slots[1]!.id).expect(201);
    const asStaff = await staffRefusal(slots[1]!.id, lead);
    assert.equal(asStaff.status, 409);
    assert.equal(asStaff.problems[0]!.code, 'slot.taken');
    assert.ok(asStaff.extra.nearest!.length > 0);
    // A move onto time someone else holds is refused the same way, and the booking stays where it was.
    const moved = await reschedule(user.jwt, mine.body.data.id, slots[0]!.id).expect(409);
    assert.equal(moved.body.error.details.code, 'slot.taken');
    assert.equal(Date.parse((await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: mine.body.data.id } })).start), Date.parse(slots[1]!.start));
    // Its own time does not count against it: onto the same slot is a move, not a conflict.
    await reschedule(user.jwt, mine.body.data.id, slots[1]!.id).expect(200);
  });

  it('moves a booking only within its centre', async () => {
    const mine = await book(user.jwt, slots[2]!.id).expect(201);
    const [there] = await slotsOf(elsewhere, OTHER_CENTRE);
    const res = await reschedule(user.jwt, mine.body.data.id, there!.id).expect(400);
    assert.equal(res.body.error.details.errors[0].code, 'slot.unknown');
  });

  it('holds a person to the limit of future bookings, but not the staff booking for them', async () => {
    const limit = (await ctx.strapi.db.query(POLICY).findOne({ where: { centre: CENTRE } })).maxFuturePerService as number;
    const person = await adult();
    const free = (await slotsOf(name, CENTRE)).slice(0, limit + 2);
    assert.equal(free.length, limit + 2);
    for (const slot of free.slice(0, limit)) await book(person.jwt, slot.id).expect(201);
    const over = await book(person.jwt, free[limit]!.id).expect(400);
    assert.equal(over.body.error.details.errors[0].code, 'booking.limit');
    const byStaff = await staffBook(free[limit + 1]!.id, { userId: person.id });
    assert.equal(byStaff.status, 'confirmed');
    assert.equal(await ctx.strapi.db.query(BOOKING).count({ where: { user: person.id } }), limit + 1);
  });
});
