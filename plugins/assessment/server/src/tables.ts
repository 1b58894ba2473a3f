/**
 * The plugin's tables, in plain SQL that means the same on SQLite and PostgreSQL. Attempts and
 * answers are people's data that change only through the plugin's routes, so they are not content
 * types: the constraints that make re-sent answers harmless are the tables' own keys.
 * - `assessment_versions`: immutable snapshots of published tests; (test, number) unique.
 * - `assessment_attempts`: one per start; `running_key` (person + test while running, else null)
 *   is unique, so a person has one running attempt of a test however many tabs start it.
 * - `assessment_answers`: the primary key (attempt, item) stores each answer once.
 * - `assessment_profiles`: a person's latest score per scale, kept as attempts finish.
 * - `assessment_notes`: specialists' written recommendations.
 * - `assessment_extra_time`: the extra time asked for, per person (a parent sets it for each child).
 * - `assessment_statements`: results from outside Qabilet (partners' tests, the centres' desktop
 *   test databases) as xAPI-style statements; the id (a UUID the source gives or derives) is the
 *   primary key, so a repeat stores nothing.
 * Times are epoch milliseconds.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const VERSIONS = 'assessment_versions';
export const ATTEMPTS = 'assessment_attempts';
export const ANSWERS = 'assessment_answers';
export const PROFILES = 'assessment_profiles';
export const NOTES = 'assessment_notes';
export const PREFERENCES = 'assessment_extra_time';
export const STATEMENTS = 'assessment_statements';

const TABLES: Array<[string, (t: Knex.CreateTableBuilder) => void]> = [
  [
    VERSIONS,
    (t) => {
      t.increments('id');
      t.string('test_slug', 80).notNullable();
      t.integer('number').notNullable();
      t.string('kind', 20).notNullable();
      t.string('profession', 80);
      t.string('hash', 64).notNullable();
      t.text('definition').notNullable();
      t.boolean('active').notNullable().defaultTo(true);
      t.bigInteger('created_at').notNullable();
      t.unique(['test_slug', 'number']);
    },
  ],
  [
    ATTEMPTS,
    (t) => {
      t.increments('id');
      t.integer('version_id').notNullable();
      t.string('test_slug', 80).notNullable();
      t.integer('user_id').notNullable();
      t.integer('child_id');
      t.string('person_key', 24).notNullable();
      t.string('running_key', 120).unique();
      t.string('status', 10).notNullable();
      t.integer('age').notNullable();
      t.integer('extra_time').notNullable().defaultTo(0);
      t.bigInteger('started_at').notNullable();
      t.bigInteger('deadline');
      t.bigInteger('finished_at');
      t.string('position', 40);
      t.integer('last_seq').notNullable().defaultTo(0);
      t.text('result');
      t.index(['person_key', 'test_slug', 'finished_at']);
      t.index(['user_id']);
    },
  ],
  [
    ANSWERS,
    (t) => {
      t.integer('attempt_id').notNullable();
      t.string('item_key', 40).notNullable();
      t.text('value').notNullable();
      t.integer('seq').notNullable();
      t.integer('time_ms').notNullable();
      t.bigInteger('answered_at').notNullable();
      t.bigInteger('received_at').notNullable();
      t.primary(['attempt_id', 'item_key']);
    },
  ],
  [
    PROFILES,
    (t) => {
      t.string('person_key', 24).primary();
      t.integer('user_id').notNullable().index();
      t.integer('child_id');
      t.text('scales').notNullable();
      t.bigInteger('updated_at').notNullable();
    },
  ],
  [
    NOTES,
    (t) => {
      t.increments('id');
      t.string('person_key', 24).notNullable().index();
      t.integer('user_id').notNullable().index();
      t.integer('author_id').notNullable();
      t.string('author_name', 120).notNullable();
      t.text('text').notNullable();
      t.text('professions').notNullable();
      t.bigInteger('created_at').notNullable();
    },
  ],
  [
    PREFERENCES,
    (t) => {
      t.string('person_key', 24).primary();
      t.integer('user_id').notNullable().index();
      t.integer('extra_time').notNullable();
    },
  ],
  [
    STATEMENTS,
    (t) => {
      t.string('id', 36).primary();
      t.string('person_key', 24).notNullable();
      t.integer('user_id').notNullable().index();
      t.integer('child_id');
      t.string('source_kind', 10).notNullable();
      t.integer('source_id').notNullable();
      t.string('source_name', 120).notNullable();
      t.string('test_key', 40).notNullable();
      t.text('statement').notNullable();
      t.bigInteger('timestamp').notNullable();
      t.bigInteger('stored_at').notNullable();
      t.index(['person_key', 'timestamp']);
      t.index(['source_id', 'timestamp']);
    },
  ],
];

export async function ensureTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  for (const [name, build] of TABLES) {
    if (!(await knex.schema.hasTable(name))) await knex.schema.createTable(name, build);
  }
}

/** PostgreSQL answers bigint columns as strings, and JSON parsed (the kit reads both alike). */
export { isUniqueViolation, json, ms } from '@qabilet/plugin-kit/server';
