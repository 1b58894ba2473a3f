/**
 * The Idempotency-Key of POST /bookings: one row per (user, key) in `booking_idempotency`
 * (tables.ts), claimed in the booking's own transaction, so that a retried request answers with the
 * booking its first try made — or 422 when the key comes back with another request.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { BookingError } from '../errors';
import { IDEMPOTENCY, isUniqueViolation } from '../tables';
import { loadBooking, type Row } from './rows';

export const isIdempotencyKey = (key: string): boolean => /^[A-Za-z0-9_-]{8,100}$/.test(key);

/** The request's fingerprint: the same key with another request is refused, not replayed. */
export const requestHashOf = (request: unknown[]): string => crypto.createHash('sha256').update(JSON.stringify(request)).digest('hex');

/** Another transaction holds (or held) this key: our first try, in flight or committed. */
export class Replayed extends Error {}

export type Replay = { replayed: true; row: Row };

/** The booking an earlier try with this key made, if one committed; 422 when that try asked for something else. */
export async function replayOf(strapi: Core.Strapi, userId: number, key: string | undefined, requestHash: string): Promise<Replay | undefined> {
  const earlier = key ? await strapi.db.connection(IDEMPOTENCY).where({ user_id: userId, key }).first() : undefined;
  if (!earlier) return undefined;
  if (earlier.request_hash !== requestHash) throw new BookingError(422, { field: 'Idempotency-Key', code: 'idempotency.mismatch' });
  const row = await loadBooking(strapi, { id: earlier.booking_id });
  if (!row) throw new BookingError(404, { code: 'booking.notFound' });
  return { replayed: true, row };
}

/** Within the booking's transaction: the key is ours (Replayed when another try has it). */
export async function claimKey(trx: Knex.Transaction, userId: number, key: string, requestHash: string, now: Date): Promise<void> {
  try {
    await trx(IDEMPOTENCY).insert({ user_id: userId, key, request_hash: requestHash, booking_id: 0, created_at: now.getTime() });
  } catch (error) {
    if (isUniqueViolation(error)) throw new Replayed();
    throw error;
  }
}

/** Within the same transaction: the key points at the booking it made. */
export async function settleKey(trx: Knex.Transaction, userId: number, key: string, bookingId: number): Promise<void> {
  await trx(IDEMPOTENCY).where({ user_id: userId, key }).update({ booking_id: bookingId });
}
