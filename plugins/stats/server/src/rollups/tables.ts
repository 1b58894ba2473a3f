/**
 * The rollups' tables (the contract with the dashboards and the open statistics, design "The
 * numbers"):
 * - `stats_facts`: one row per counted thing, keyed by a stable source key (`b:<booking>`,
 *   `a:<attempt>`, `fr:<person>` …), with its day, place, measure and the (dim, value) rows it adds.
 *   It is what the rollups are the sum of: a change of a person's records rewrites only the facts
 *   that changed, and withdraws the old ones' rows while adding the new ones'.
 * - `stats_daily` (period yyyymmdd) and `stats_monthly` (yyyymm): n and total per metric × dim ×
 *   value × region × locality × centre, '' for none. A monthly row is the sum of its month's daily rows.
 * - `stats_daily_country` and `stats_monthly_country`: the same sums over every place (no region,
 *   locality or centre), which the country's dashboards read — a month of the country's days is
 *   tens of thousands of place rows, and a few thousand here.
 * All are changed only by `n = n + ?` upserts in the transaction that writes the facts, or by the
 * reconciliation under the month's lock (refresh.ts, reconcile.ts); the country's rows are the
 * place rows summed, in the same statement groups.
 */
import type { Core } from '@strapi/strapi';
import { isPostgres } from '@qabilet/plugin-kit/server';
import type { Knex } from 'knex';

export const FACTS = 'stats_facts';
export const DAILY = 'stats_daily';
export const MONTHLY = 'stats_monthly';
export const ROLLUP_KEY = ['period', 'metric', 'dim', 'value', 'region', 'locality', 'centre'] as const;
export const DAILY_COUNTRY = 'stats_daily_country';
export const MONTHLY_COUNTRY = 'stats_monthly_country';
export const COUNTRY_KEY = ['period', 'metric', 'dim', 'value'] as const;
/** The country's table of a place table. */
export const COUNTRY_OF = { [DAILY]: DAILY_COUNTRY, [MONTHLY]: MONTHLY_COUNTRY } as const;

export { isPostgres };

/** A rollup table: n and total per key (the places' or the country's). */
function rollup(t: Knex.CreateTableBuilder, table: string, key: readonly string[]) {
  t.integer('period').notNullable();
  t.string('metric', 40).notNullable();
  t.string('dim', 20).notNullable();
  t.string('value', 160).notNullable();
  if (key.includes('region')) {
    t.string('region', 8).notNullable();
    t.string('locality', 80).notNullable();
    t.string('centre', 80).notNullable();
  }
  t.bigInteger('n').notNullable();
  t.double('total').notNullable();
  t.unique([...key], { indexName: `${table}_key` });
  t.index(['metric', 'dim', 'period'], `${table}_metric_idx`);
}

export async function ensureRollupTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(FACTS)))
    await knex.schema.createTable(FACTS, (t) => {
      t.string('key', 200).primary();
      t.string('person_key', 60).notNullable().index(`${FACTS}_person_idx`);
      t.string('metric', 40).notNullable();
      t.integer('day').notNullable().index(`${FACTS}_day_idx`);
      t.string('region', 8).notNullable();
      t.string('locality', 80).notNullable();
      t.string('centre', 80).notNullable();
      t.double('total').notNullable();
      t.text('rows').notNullable();
    });
  for (const table of [DAILY, MONTHLY]) if (!(await knex.schema.hasTable(table))) await knex.schema.createTable(table, (t) => rollup(t, table, ROLLUP_KEY));
  for (const table of [DAILY, MONTHLY] as const) {
    const country = COUNTRY_OF[table];
    if (await knex.schema.hasTable(country)) continue;
    await knex.schema.createTable(country, (t) => rollup(t, country, COUNTRY_KEY));
    // A database that had rollups before these tables: its country's rows summed from its place rows.
    const key = COUNTRY_KEY.join(', ');
    await knex.raw(`INSERT INTO ${country} (${key}, n, total) SELECT ${key}, SUM(n), SUM(total) FROM ${table} WHERE n <> 0 OR total <> 0 GROUP BY ${key}`);
  }
}
