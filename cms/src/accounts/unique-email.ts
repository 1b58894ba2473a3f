/**
 * One account per e-mail address, whatever its case, held by the database: registration and the
 * confirmation of a new address both look before they write, and two requests at the same moment
 * (on two CMS instances, or two connections of one) could otherwise both find the address free.
 * A unique index on lower(email) — SQLite and PostgreSQL both take expressions — makes the second
 * write fail, and the callers turn that failure (the plugin kit's `isUniqueViolation`) into the same
 * answer as an address already taken.
 */
import type { Core } from '@strapi/strapi';

const INDEX = 'up_users_email_lower_unique';

/** Whether the index exists already: then start-up need not scan every account for shared addresses. */
async function indexExists(strapi: Core.Strapi): Promise<boolean> {
  const knex = strapi.db.connection;
  const found =
    strapi.db.dialect.client === 'postgres'
      ? await knex('pg_indexes').where({ indexname: INDEX }).first()
      : await knex('sqlite_master').where({ type: 'index', name: INDEX }).first();
  return Boolean(found);
}

export async function ensureUniqueEmailIndex(strapi: Core.Strapi): Promise<void> {
  if (await indexExists(strapi)) return;
  const knex = strapi.db.connection;
  const table = strapi.db.metadata.get('plugin::users-permissions.user').tableName;
  const shared = await knex(table).select(knex.raw('lower(email) as address')).whereNotNull('email').groupByRaw('lower(email)').havingRaw('count(*) > 1');
  if (shared.length) {
    // Never the addresses themselves in the log: how many, and what to do.
    strapi.log.warn(
      `one account per e-mail address is not enforced: ${shared.length} addresses are each used by several accounts; merge or correct them, then restart`,
    );
    return;
  }
  await knex.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${INDEX} ON ${table} (lower(email))`);
}
