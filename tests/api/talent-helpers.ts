/**
 * Factories for the talent plugin's tests: a family (a parent and their child of 15, in a region),
 * the interests test taken whole for the child through the public assessment API, a specialist row
 * for a staff member, and a consultation booked with them and completed.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ctx } from '../setup/context.ts';
import { addDays, kzDate } from '@qabilet/domain';
import { api, confirmedUser } from './helpers.ts';
import type { Staff } from './crm-helpers.ts';

const BOOKING = 'plugin::booking.booking';

export type Session = Awaited<ReturnType<typeof confirmedUser>>;
type Item = { key: string; type: string };

/** A parent (of East Kazakhstan unless told) and their child, a pupil of 15 (the interests test is for 12 and older). */
export async function family(region = 'KZ-63', locality = 'kz-63-oskemen') {
  const parent = await confirmedUser({ birthDate: '1985-02-03', userType: 'parent', education: 'university', region, locality });
  // A surname of its own (letters only), by which the test finds her among everyone else's entries.
  const surname = `Тест${[...crypto.randomBytes(6)].map((b) => 'абвгдежзиклмнопрстуф'[b % 20]).join('')}`;
  const res = await api().post('/api/accounts/children').set('Authorization', `Bearer ${parent.jwt}`).send({
    surname,
    firstName: 'Дана',
    gender: 'female',
    birthDate: '2011-04-12',
    region,
    locality,
    education: 'school-9',
  });
  const childDoc: string = res.body.data?.documentId ?? res.body.documentId;
  assert.ok(childDoc, JSON.stringify(res.body));
  const child = await ctx.strapi.db.query('api::child.child').findOne({ where: { documentId: childDoc } });
  return { parent, childDoc, key: `c:${child.id}`, surname };
}

/** The interests test taken whole for the child: `high` scales at the top of the Likert scale, the others at its bottom. */
export async function interests(parent: Session, child: string, high: string[]): Promise<number> {
  const as = (path: string, body: unknown) =>
    api()
      .post(`/api/assessment${path}`)
      .set({ Authorization: `Bearer ${parent.jwt}`, 'Accept-Language': 'en' })
      .send(body as object);
  const started = await as('/attempts', { test: 'interests', child });
  assert.ok([200, 201].includes(started.status), JSON.stringify(started.body));
  const attempt = started.body.data as { id: number; test: { sections: Array<{ items: Item[] }> } };
  const items = attempt.test.sections.flatMap((s) => s.items);
  // Which scale an item feeds is not sent to the testee: the harness reads it from the version taken.
  const row = await ctx.strapi.db.connection('assessment_attempts').where({ id: attempt.id }).first('version_id');
  const version = await ctx.strapi.db.connection('assessment_versions').where({ id: row.version_id }).first('definition');
  const definition = (typeof version.definition === 'string' ? JSON.parse(version.definition) : version.definition) as {
    sections: Array<{ items: Array<{ key: string; scale?: string; reverse?: boolean }> }>;
  };
  const keyed = new Map(definition.sections.flatMap((s) => s.items).map((i) => [i.key, i]));
  const answers = items.map((item, i) => ({
    item: item.key,
    value: high.includes(keyed.get(item.key)?.scale ?? '') !== !!keyed.get(item.key)?.reverse ? 5 : 1,
    seq: i + 1,
    timeMs: 1500,
    answeredAt: new Date().toISOString(),
  }));
  await as(`/attempts/${attempt.id}/answers`, { answers }).expect(200);
  await as(`/attempts/${attempt.id}/finish`, {}).expect(200);
  return attempt.id;
}

/** A specialist row at `centre` linked to the staff member, working every day 08:00–20:00. */
export async function specialistOf(staff: Staff, centre: string) {
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const profile = await ctx.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { user: { id: staff.id } } });
  const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
  const row = await ctx.strapi.db.query('plugin::booking.specialist').create({
    data: {
      name: `Journal ${crypto.randomBytes(3).toString('hex')}`,
      centre,
      active: true,
      services: ['consultation', 'testing'],
      formats: ['offline', 'online'],
      hours,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 }, testing: { slotMinutes: 90, bufferMinutes: 0 } },
      staffProfile: profile.id,
    },
  });
  forgetSlots();
  return row as { id: number; name: string };
}

/** A consultation the user booked with this specialist, held an hour ago and completed by the specialist. */
export const completedConsultation = (staff: Staff, specialist: { name: string }, centre: string, jwt: string) =>
  heldConsultation(staff, specialist, centre, jwt, 'complete');

/** A consultation the user booked with this specialist, held an hour ago, and the outcome the specialist marked: completed, or the person did not come. */
export async function heldConsultation(
  staff: Staff,
  specialist: { name: string },
  centre: string,
  jwt: string,
  outcome: 'complete' | 'no-show',
): Promise<number> {
  const from = addDays(kzDate(new Date()), 3);
  const slots = await api()
    .get('/api/booking/slots')
    .query({ centre, service: 'consultation', format: 'offline', from, to: addDays(from, 2) })
    .expect(200);
  const slot = slots.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === specialist.name);
  const booked = await api()
    .post('/api/booking/bookings')
    .set('Authorization', `Bearer ${jwt}`)
    .send({ slot: slot.id, service: 'consultation', format: 'offline' })
    .expect(201);
  const row = await ctx.strapi.db.query(BOOKING).findOne({ where: { documentId: booked.body.data.id } });
  const past = new Date(Date.now() - 3_600_000);
  await ctx.strapi.db.query(BOOKING).update({
    where: { id: row.id },
    data: { status: 'confirmed', start: past.toISOString(), end: new Date(past.getTime() + 45 * 60_000).toISOString() },
  });
  await staff.http.post(`/booking/bookings/${booked.body.data.id}/${outcome}`).expect(200);
  return row.id as number;
}
