/**
 * Fixed-window counters in the database, so that every CMS instance shares them (R-NFR-2).
 * Keys are hashed: the table holds no e-mail address or IP in clear.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';

export const TABLE = 'qabilet_rate_limits';

export async function ensureRateLimitTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(TABLE)) return;
  await knex.schema.createTable(TABLE, (table) => {
    table.string('key', 64).primary();
    table.integer('hits').notNullable();
    table.bigInteger('reset_at').notNullable().index();
  });
}

export type Hit = { hits: number; resetAt: number };

/** Counts one hit on `bucket` in a window of `windowMs`; one atomic statement on SQLite and PostgreSQL. */
export async function hit(strapi: Core.Strapi, bucket: string, windowMs: number, now = Date.now()): Promise<Hit> {
  const key = crypto.createHash('sha256').update(bucket).digest('hex');
  const resetAt = now + windowMs;
  const result = await strapi.db.connection.raw(
    `INSERT INTO ${TABLE} (key, hits, reset_at) VALUES (?, 1, ?)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN ${TABLE}.reset_at <= ? THEN 1 ELSE ${TABLE}.hits + 1 END,
       reset_at = CASE WHEN ${TABLE}.reset_at <= ? THEN ? ELSE ${TABLE}.reset_at END
     RETURNING hits, reset_at`,
    [key, resetAt, now, now, resetAt],
  );
  const row = (Array.isArray(result) ? result[0] : result.rows[0]) as { hits: number | string; reset_at: number | string };
  return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
}

/** Forgets windows that ended, so the table stays small. */
export async function sweep(strapi: Core.Strapi, now = Date.now()): Promise<void> {
  await strapi.db.connection(TABLE).where('reset_at', '<=', now).delete();
}
