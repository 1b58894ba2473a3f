/**
 * Writing a new booking, the same for every path that makes one (create.ts, staff.ts, and an
 * accepted waitlist offer in waitlist/offers.ts, booked exactly as a slot picked from the list).
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Format, Service } from '@qabilet/domain';
import { BOOKING, type CentrePolicy, type Specialist } from '../schedule';
import { changedInside, changeOf } from '../events';
import { accounts, type Contact, type OwnChild } from './person';
import { tell } from './news';
import type { Actor, Row } from './rows';
import { takeCells } from './take-cells';

export function videoRoom(policy: CentrePolicy): string {
  const base = (policy.videoBase || process.env.JITSI_BASE_URL || 'https://meet.jit.si').replace(/\/$/, '');
  return `${base}/qabilet-${crypto.randomBytes(12).toString('hex')}`;
}

export type UserBooking = {
  userId: number;
  user: Contact;
  child: OwnChild | null;
  specialist: Specialist;
  policy: CentrePolicy;
  service: Service;
  format: Format;
  start: Date;
  now: Date;
};

/** A booking to write: for a user (or their child) or a lead, by whom, in which status. */
export type NewBooking = Omit<UserBooking, 'userId' | 'user' | 'child'> & {
  person: { userId: number; user?: Contact; child: Row['child'] } | { lead: NonNullable<Row['lead']> };
  actor: Actor & { id: number };
  status: 'requested' | 'confirmed';
  /** The registry request a staff member booked this for (passed on to the listeners). */
  requestId?: number;
};

/**
 * Within `trx`: the booking row, its cells, its news, the `inside` listeners and the audit entry.
 * Throws SlotTaken when another holder has the cells. The caller runs `forgetSlots` and
 * `changedAfter` once `trx` is committed.
 */
export async function insertBooking(strapi: Core.Strapi, trx: Knex.Transaction, b: NewBooking): Promise<Row> {
  const { specialist, policy, service, format, start, now, status, actor, person } = b;
  const timing = specialist.timings[service]!;
  const end = new Date(start.getTime() + timing.slotMinutes * 60_000);
  const heldUntil = new Date(end.getTime() + timing.bufferMinutes * 60_000);
  const user = 'userId' in person ? person.userId : null;
  const child = 'userId' in person ? person.child : null;
  const created = await strapi.db.query(BOOKING).create({
    data: {
      user,
      child: child?.id ?? null,
      lead: 'lead' in person ? person.lead : null,
      specialist: specialist.id,
      centre: specialist.centre,
      service,
      format,
      status,
      start: start.toISOString(),
      end: end.toISOString(),
      videoLink: format === 'online' ? videoRoom(policy) : null,
      history: [{ at: now.toISOString(), by: actor.by, actor: actor.id, action: 'created', status }],
    },
  });
  await takeCells(trx, specialist.id, created.id, start, heldUntil);
  // Everything the news and the answer need is at hand: no reading back what was just written.
  const row: Row = { ...created, user: user === null ? null : { id: user }, child, specialist };
  await tell(strapi, trx, row, status, '0', undefined, 'userId' in person ? person.user : undefined);
  await changedInside(strapi, changeOf(row, 'created', actor, { requestId: b.requestId }));
  await accounts(strapi).audit({
    actorType: actor.by === 'staff' ? 'admin' : 'user',
    actorId: actor.id,
    action: 'booking.create',
    subjectType: BOOKING,
    subjectId: created.documentId,
  });
  return row;
}

/** A user's own booking: requested, or confirmed where the centre confirms automatically. */
export const insertUserBooking = (strapi: Core.Strapi, trx: Knex.Transaction, b: UserBooking): Promise<Row> =>
  insertBooking(strapi, trx, {
    ...b,
    person: { userId: b.userId, user: b.user, child: b.child },
    actor: { by: 'user', id: b.userId },
    status: b.policy.autoConfirm ? 'confirmed' : 'requested',
  });
