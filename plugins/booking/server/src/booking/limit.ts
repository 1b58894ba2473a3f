/**
 * The per-person limit: a person's (a user's, or their child's) live future bookings of a service
 * stay within their centre's `maxFuturePerService`. Held by a transaction, not a key: see tables.ts
 * for the person's lock and why it is taken first.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Service } from '@qabilet/domain';
import { BOOKING } from '../schedule';
import { lockPerson } from '../tables';
import { LIVE } from './rows';

/** The person's (the user's, or their child's) live future bookings of `service`. */
export const upcomingOf = (strapi: Core.Strapi, userId: number, childId: number | null, service: Service, now: Date): Promise<number> =>
  strapi.db
    .query(BOOKING)
    .count({ where: { user: userId, child: childId ?? { id: { $null: true } }, service, status: { $in: LIVE }, start: { $gt: now.toISOString() } } });

/**
 * The same count, inside `trx` and under the person's lock (tables.ts): taken first in the
 * transaction that inserts a user's own booking, so that no two of their bookings both see room.
 */
export async function upcomingLocked(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  userId: number,
  childId: number | null,
  service: Service,
  now: Date,
): Promise<number> {
  await lockPerson(strapi, trx, userId);
  return upcomingOf(strapi, userId, childId, service, now);
}

/** The person already holds as many future bookings of the service as their centre allows. */
export class OverLimit extends Error {
  constructor(readonly count: number) {
    super('booking.limit');
  }
}
