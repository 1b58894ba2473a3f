/**
 * POST /bookings: a user books a slot for themselves or their child. In order: the request's
 * fields, a replay of an earlier try with the same Idempotency-Key, the slot (resolve-slot.ts), the
 * person's consents (person.ts), then one transaction — the person's lock and limit (limit.ts), the
 * key, the row and its cells (insert.ts). A double booking is refused by the cells, a second booking
 * over the limit by the lock; a retry that lost either race to its own first try gets that booking.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { FORMATS, readSlotId, SERVICES, type Format, type Service } from '@qabilet/domain';
import { invalid } from '../errors';
import { changedAfter, changeOf } from '../events';
import { forgetSlots } from '../slots';
import { claimKey, isIdempotencyKey, Replayed, replayOf, requestHashOf, settleKey } from './idempotency';
import { insertUserBooking } from './insert';
import { OverLimit, upcomingLocked } from './limit';
import { checkPerson } from './person';
import { allowOnly, objectBody } from './request';
import { checkSlot, resolveSlot, takenError } from './resolve-slot';
import type { Row } from './rows';
import { SlotTaken } from './take-cells';

export async function createBooking(
  strapi: Core.Strapi,
  userId: number,
  input: unknown,
  key: string | undefined,
  now: Date,
): Promise<{ replayed: boolean; row: Row }> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['slot', 'service', 'format', 'child']);
  const read = readSlotId(body.slot);
  const service = body.service as Service;
  const format = body.format as Format;
  if ('problem' in read) problems.push(read.problem);
  if (!SERVICES.includes(service)) problems.push({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(format)) problems.push({ field: 'format', code: 'format.unknown' });
  if (key !== undefined && !isIdempotencyKey(key)) problems.push({ field: 'Idempotency-Key', code: 'idempotency.malformed' });
  if (problems.length || !('slot' in read)) throw invalid(problems);

  const requestHash = requestHashOf([body.slot, service, format, body.child ?? null]);
  const replayIfRetried = () => replayOf(strapi, userId, key, requestHash);
  const earlier = await replayIfRetried();
  if (earlier) return earlier;

  const request = { slot: read.slot, service, format };
  const resolved = await resolveSlot(strapi, request);
  const { specialist, policy, start } = resolved;
  const { user, child } = await checkPerson(strapi, userId, body.child);
  // Taken — perhaps by this very request's first try, still in flight when we looked above.
  if ((await checkSlot(strapi, request, resolved, now)) === 'taken')
    return (await replayIfRetried()) ?? Promise.reject(await takenError(strapi, specialist, service, format, start, now));

  try {
    const booked = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }): Promise<Row> => {
      const upcoming = await upcomingLocked(strapi, trx, userId, child?.id ?? null, service, now);
      if (upcoming >= policy.maxFuturePerService) throw new OverLimit(upcoming);
      if (key) await claimKey(trx, userId, key, requestHash, now);
      const row = await insertUserBooking(strapi, trx, { userId, user, child, specialist, policy, service, format, start, now });
      if (key) await settleKey(trx, userId, key, row.id);
      return row;
    });
    forgetSlots();
    changedAfter(strapi, changeOf(booked, 'created', { by: 'user', id: userId }));
    return { replayed: false, row: booked };
  } catch (error) {
    // Over the limit — perhaps with this very request's first try, committed while we waited.
    if (error instanceof SlotTaken || error instanceof Replayed || error instanceof OverLimit) {
      const replayed = await replayIfRetried();
      if (replayed) return replayed;
    }
    if (error instanceof OverLimit) throw invalid({ field: 'slot', code: 'booking.limit', values: { count: error.count } });
    // Taken, or our first try's transaction rolled back after we waited on its key: either way, 409.
    if (error instanceof SlotTaken || error instanceof Replayed) throw await takenError(strapi, specialist, service, format, start, now);
    throw error;
  }
}
