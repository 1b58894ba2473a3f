/**
 * The talents part's tables. `talent_entries` is a projection like the registry of users: one row
 * per person and domain that holds under the current rules, rewritten by evaluate.ts and never
 * edited by hand (a person and a domain are unique, so two evaluations of one person cannot leave
 * two rows). `talent_rules` keeps every version of the rules (the newest is in force), and
 * `talent_confirmations` the specialists' confirmations with their notes.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_TALENT_RULES } from '@qabilet/domain';

export const ENTRIES = 'talent_entries';
export const RULES = 'talent_rules';
export const CONFIRMATIONS = 'talent_confirmations';

export async function ensureTalentTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(ENTRIES))) {
    await knex.schema.createTable(ENTRIES, (t) => {
      t.increments('id');
      t.integer('person_id').notNullable();
      t.string('person_key', 40).notNullable();
      t.string('domain', 90).notNullable();
      t.string('status', 10).notNullable();
      t.integer('strength').notNullable();
      t.string('trend', 5);
      t.text('evidence').notNullable();
      t.integer('rules_version').notNullable();
      t.bigInteger('updated_at').notNullable();
      t.unique(['person_key', 'domain']);
      t.index(['person_id']);
      t.index(['domain', 'status']);
    });
  }
  if (!(await knex.schema.hasTable(RULES))) {
    await knex.schema.createTable(RULES, (t) => {
      t.integer('version').primary();
      t.text('rules').notNullable();
      t.integer('author_id');
      t.string('author_name', 120);
      t.bigInteger('created_at').notNullable();
    });
  }
  if (!(await knex.schema.hasTable(CONFIRMATIONS))) {
    await knex.schema.createTable(CONFIRMATIONS, (t) => {
      t.increments('id');
      t.string('person_key', 40).notNullable().index();
      t.string('domain', 90).notNullable();
      t.integer('author_id').notNullable();
      t.string('author_name', 120).notNullable();
      t.text('note').notNullable();
      t.bigInteger('created_at').notNullable();
    });
  }
  // Version 1: the defaults the README describes. Two instances starting at once insert it once.
  await knex(RULES)
    .insert({ version: 1, rules: JSON.stringify(DEFAULT_TALENT_RULES), author_id: null, author_name: null, created_at: Date.now() })
    .onConflict('version')
    .ignore();
}
