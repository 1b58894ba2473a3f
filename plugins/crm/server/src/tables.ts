/**
 * What the registry keeps beside its content types, in plain SQL that means the same on SQLite and
 * PostgreSQL:
 * - indexes on `crm_requests` matching the registry's filters (each list is ordered newest first,
 *   so every index ends with `created_at`);
 * - `crm_call_nonces`: the signatures of webhook calls received in the last ten minutes. Its
 *   primary key refuses a replayed call on every instance at once.
 */
import type { Core } from '@strapi/strapi';

export const REQUESTS = 'crm_requests';
export const NONCES = 'crm_call_nonces';

const INDEXES: Array<[string, string[]]> = [
  ['crm_requests_created_idx', ['created_at', 'id']],
  ['crm_requests_centre_idx', ['centre', 'created_at']],
  ['crm_requests_region_idx', ['region', 'created_at']],
  ['crm_requests_status_idx', ['status', 'created_at']],
  ['crm_requests_specialist_idx', ['specialist_id', 'created_at']],
  ['crm_requests_user_idx', ['user_id']],
  // The stats' rollups read a child's requests by it.
  ['crm_requests_child_idx', ['child_id']],
  ['crm_requests_phone_idx', ['phone']],
  ['crm_requests_operator_idx', ['operator_id', 'called_at']],
];

export async function ensureTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const [name, columns] of INDEXES) {
    await knex.raw(`CREATE INDEX IF NOT EXISTS ${name} ON ${REQUESTS} (${columns.join(', ')})`);
  }
  if (!(await knex.schema.hasTable(NONCES))) {
    await knex.schema.createTable(NONCES, (t) => {
      t.string('integration', 40).notNullable();
      t.string('signature', 80).notNullable();
      t.bigInteger('received_at').notNullable().index();
      t.primary(['integration', 'signature']);
    });
  }
}

/** Forgets nonces older than ten minutes: a call that old is refused as stale anyway. */
export async function sweepNonces(strapi: Core.Strapi, now = Date.now()): Promise<void> {
  await strapi.db
    .connection(NONCES)
    .where('received_at', '<', now - 10 * 60_000)
    .delete();
}

export { isUniqueViolation } from '@qabilet/plugin-kit/server';
