/**
 * The plugin's tables, in plain SQL that means the same on SQLite and PostgreSQL (README "Tables").
 * - `partners`: each partner's kind, configuration, tests and scale mapping, and its secret
 *   encrypted (crypto.ts).
 * - `partner_subjects`: the pseudonymous id each partner knows a person by.
 * - `partner_launches`: each launch of a partner's test (single use, short-lived); an LTI launch
 *   keeps the SHA-256 of the secret its browser holds in a cookie (launch-binding.ts).
 * - `partner_events`: the log of launches, tokens, scores, callbacks and imports (ids only).
 * - `partner_nonces`: signatures and assertion ids already seen; the key refuses a replay on every
 *   instance at once.
 * - `partner_platform_keys`: the platform's signing keys (the private half encrypted).
 * Times are epoch milliseconds.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const PARTNERS = 'partners';
export const SUBJECTS = 'partner_subjects';
export const LAUNCHES = 'partner_launches';
export const EVENTS = 'partner_events';
export const NONCES = 'partner_nonces';
export const KEYS = 'partner_platform_keys';

const TABLES: Array<[string, (t: Knex.CreateTableBuilder) => void]> = [
  [
    PARTNERS,
    (t) => {
      t.increments('id');
      t.string('client_id', 40).notNullable().unique();
      t.string('kind', 10).notNullable();
      t.string('name', 120).notNullable();
      t.text('config').notNullable();
      t.text('tests').notNullable();
      t.text('secret_enc');
      t.string('secret_hint', 8);
      t.boolean('active').notNullable().defaultTo(true);
      t.bigInteger('created_at').notNullable();
      t.bigInteger('updated_at').notNullable();
    },
  ],
  [
    SUBJECTS,
    (t) => {
      t.integer('partner_id').notNullable();
      t.string('person_key', 24).notNullable();
      t.integer('user_id').notNullable().index();
      t.integer('child_id');
      t.string('sub', 64).notNullable().unique();
      t.bigInteger('created_at').notNullable();
      t.primary(['partner_id', 'person_key']);
    },
  ],
  [
    LAUNCHES,
    (t) => {
      t.string('id', 64).primary();
      t.integer('partner_id').notNullable();
      t.string('test_key', 40).notNullable();
      t.string('person_key', 24).notNullable();
      t.integer('user_id').notNullable().index();
      t.integer('child_id');
      t.string('sub', 64).notNullable();
      t.string('language', 2).notNullable();
      t.string('status', 10).notNullable();
      t.bigInteger('created_at').notNullable();
      t.bigInteger('expires_at').notNullable();
      t.bigInteger('used_at');
      t.bigInteger('completed_at');
      t.string('browser_hash', 64);
      t.index(['partner_id', 'sub', 'test_key']);
      t.index(['person_key']);
      t.index(['created_at']);
    },
  ],
  [
    EVENTS,
    (t) => {
      t.increments('id');
      t.integer('partner_id').notNullable();
      t.string('kind', 10).notNullable();
      t.string('outcome', 10).notNullable();
      t.string('code', 60).notNullable();
      t.string('detail', 300);
      t.bigInteger('at').notNullable();
      t.index(['partner_id', 'at']);
      t.index(['at']);
    },
  ],
  [
    NONCES,
    (t) => {
      t.integer('partner_id').notNullable();
      t.string('nonce', 128).notNullable();
      t.bigInteger('received_at').notNullable().index();
      t.primary(['partner_id', 'nonce']);
    },
  ],
  [
    KEYS,
    (t) => {
      t.string('kid', 64).primary();
      t.text('public_jwk').notNullable();
      t.text('private_enc').notNullable();
      t.bigInteger('created_at').notNullable();
    },
  ],
];

export async function ensureTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const [name, build] of TABLES) {
    if (!(await knex.schema.hasTable(name))) await knex.schema.createTable(name, build);
  }
  // Databases made before launches were bound to their browser: launches made before the column
  // existed have none and are refused (they would have expired within five minutes anyway).
  if (!(await knex.schema.hasColumn(LAUNCHES, 'browser_hash'))) await knex.schema.alterTable(LAUNCHES, (t) => t.string('browser_hash', 64));
}

export { ms, json, isUniqueViolation } from '@qabilet/plugin-kit/server';
