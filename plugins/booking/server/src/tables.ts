/**
 * Tables the plugin keeps beside its content types, made with plain SQL that means the same on
 * SQLite and PostgreSQL:
 * - `booking_cells`: the 5-minute cells each live booking occupies (its slot and the buffer after
 *   it). The primary key (specialist, cell) is what makes a double booking impossible: two
 *   transactions can both pass every check in code, only one can commit its cells.
 * - `booking_idempotency`: one row per (user, Idempotency-Key), pointing at the booking it made.
 * - `booking_outbox`: SMS and e-mails written in the same transaction as the change they report,
 *   delivered later by the worker (outbox.ts); `dedupe_key` is unique, so nothing is queued twice.
 *   A waitlist offer's messages carry `booking_id = -offerId`.
 * - `booking_offers`: a freed slot offered to the first person on the waitlist (waitlist.ts): the
 *   specialist and time, the SHA-256 of the link's token (unique; the token itself is only ever in
 *   the link the person gets), until when it is held, and its status (`held → taken | expired |
 *   declined | void`), each move a conditional UPDATE so that one caller wins it.
 *   A held offer's cells are in `booking_cells` with `booking_id = -offerId` (negative: a hold,
 *   not a booking). The same primary key then keeps a hold and any booking — or two holds — from
 *   sharing a cell, and GET /slots leaves the held time out by itself, as it reads the cells.
 *
 * Two rules are held by transactions rather than by a key:
 * - A person's future bookings of a service stay within their centre's `maxFuturePerService`:
 *   the count is taken inside the transaction that inserts the booking, after `lockPerson`. On
 *   PostgreSQL that is an advisory lock of the transaction keyed by the user (who books for
 *   themselves and their children alike), so that two of one user's bookings — on any connection of
 *   any instance — count one after the other, the second after the first has committed (READ
 *   COMMITTED gives each statement a fresh snapshot). On SQLite the one connection already runs
 *   transactions one at a time. The lock is the first thing such a transaction takes, so it never
 *   waits for it while holding a row or a cell that the lock's holder might wait for. The limit is
 *   the person's own: their bookings and their accepted waitlist offers (booking/create.ts,
 *   waitlist/offers.ts); staff booking for them (staff-bookings.ts) are not held to it.
 * - One live waitlist place per person, centre and service: `booking_waitlist.person_key` (the user
 *   and child, set when the entry is made; see waitlist-store.ts) and a unique index over it, the
 *   centre and the service, partial on the live statuses, so that an entry that ended (left, booked,
 *   lapsed) leaves room for a new one.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const CELLS = 'booking_cells';
export const IDEMPOTENCY = 'booking_idempotency';
export const OUTBOX = 'booking_outbox';
export const OFFERS = 'booking_offers';

export async function ensureTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(CELLS))) {
    await knex.schema.createTable(CELLS, (t) => {
      t.integer('specialist_id').notNullable();
      t.bigInteger('cell').notNullable();
      t.integer('booking_id').notNullable().index();
      t.primary(['specialist_id', 'cell']);
    });
  }
  if (!(await knex.schema.hasTable(IDEMPOTENCY))) {
    await knex.schema.createTable(IDEMPOTENCY, (t) => {
      t.integer('user_id').notNullable();
      t.string('key', 100).notNullable();
      t.string('request_hash', 64).notNullable();
      t.integer('booking_id').notNullable();
      t.bigInteger('created_at').notNullable().index();
      t.primary(['user_id', 'key']);
    });
  }
  if (!(await knex.schema.hasTable(OUTBOX))) {
    await knex.schema.createTable(OUTBOX, (t) => {
      t.increments('id');
      t.string('dedupe_key', 120).notNullable().unique();
      t.string('channel', 10).notNullable();
      t.string('recipient', 200).notNullable();
      t.string('subject', 300);
      t.text('body').notNullable();
      t.text('html');
      t.string('language', 5).notNullable();
      t.integer('booking_id');
      t.string('status', 10).notNullable().defaultTo('pending');
      t.integer('attempts').notNullable().defaultTo(0);
      t.bigInteger('next_at').notNullable();
      t.bigInteger('lease_until');
      t.string('lease_owner', 40);
      t.string('last_error', 300);
      t.bigInteger('created_at').notNullable();
      t.bigInteger('sent_at');
      t.index(['status', 'next_at']);
    });
  }
  if (!(await knex.schema.hasTable(OFFERS))) {
    await knex.schema.createTable(OFFERS, (t) => {
      t.increments('id');
      t.integer('entry_id').notNullable().index();
      t.integer('specialist_id').notNullable();
      t.bigInteger('start').notNullable();
      t.bigInteger('end').notNullable();
      t.string('token_hash', 64).notNullable().unique();
      t.bigInteger('expires_at').notNullable();
      t.string('status', 10).notNullable();
      t.integer('booking_id');
      t.bigInteger('created_at').notNullable();
      t.index(['status', 'expires_at']);
    });
  }
}

/** The advisory locks' first key, constants of this plugin's own: what is locked (the second key says which). */
export const LOCKS = { person: 0x51_42_4b_50, schema: 0x51_42_4b_53 } as const;

/** Takes a lock until the end of `trx`: PostgreSQL only, SQLite's one connection needs none. */
export async function lockUntilCommit(strapi: Core.Strapi, trx: Knex.Transaction, space: number, id: number): Promise<void> {
  if (strapi.db.dialect.client === 'postgres') await trx.raw('SELECT pg_advisory_xact_lock(?, ?)', [space, id]);
}

/** The person's lock (see the header), keyed by the user. */
export const lockPerson = (strapi: Core.Strapi, trx: Knex.Transaction, userId: number) => lockUntilCommit(strapi, trx, LOCKS.person, userId);

/** Whether a database error is a broken uniqueness (primary key or unique index), on either database. */
export { isUniqueViolation } from '@qabilet/plugin-kit/server';
