/**
 * The registry of users is a projection: one row per person Qabilet knows (a registered user, a
 * child, a caller known only by name and phone), rebuilt from the records it summarises by
 * project.ts. Nobody edits it; it is dropped and rebuilt at will.
 * - `talent_people`: the person's fields that staff filter by, the services they used, their last
 *   activity and talent status, and `search`, the folded text they are found by (never shown);
 * - `talent_person_centres`: the centres that served them (a specialist's scope);
 * - `talent_person_regions`: where they live and the regions those centres serve (a coordinator's).
 * Text search is the database's own: trigrams (`pg_trgm`, GIN) on PostgreSQL, an FTS5 trigram
 * index kept by triggers on SQLite.
 */
import type { Core } from '@strapi/strapi';
import { isPostgres } from '@qabilet/plugin-kit/server';
import { PEOPLE, PERSON_CENTRES, PERSON_REGIONS } from '../scope';

export const PEOPLE_FTS = 'talent_people_fts';

export { isPostgres };

export async function ensurePeopleTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(PEOPLE))) {
    await knex.schema.createTable(PEOPLE, (t) => {
      t.increments('id');
      t.string('person_key', 40).notNullable().unique();
      t.string('kind', 5).notNullable();
      t.integer('user_id');
      t.integer('child_id');
      t.string('surname', 60).notNullable();
      t.string('first_name', 60).notNullable();
      t.string('patronymic', 60);
      t.string('phone', 16);
      t.string('email', 255);
      t.string('birth_date', 10);
      t.string('region', 8);
      t.string('locality', 80);
      t.string('education', 20);
      t.string('user_type', 10);
      t.string('consent', 8).notNullable();
      t.string('services', 120).notNullable();
      // 0 when the person has done nothing yet: the list sorts by it, newest first, on its index.
      t.bigInteger('last_activity_at').notNullable().defaultTo(0);
      t.string('talent_status', 10).notNullable().defaultTo('none');
      t.text('search').notNullable();
      t.bigInteger('updated_at').notNullable();
      t.index(['region']);
      t.index(['last_activity_at', 'id']);
      t.index(['user_id']);
      t.index(['talent_status']);
      t.index(['birth_date']);
    });
  }
  if (!(await knex.schema.hasTable(PERSON_CENTRES))) {
    await knex.schema.createTable(PERSON_CENTRES, (t) => {
      t.integer('person_id').notNullable();
      t.string('centre', 80).notNullable();
      t.primary(['centre', 'person_id']);
      t.index(['person_id']);
    });
  }
  if (!(await knex.schema.hasTable(PERSON_REGIONS))) {
    await knex.schema.createTable(PERSON_REGIONS, (t) => {
      t.integer('person_id').notNullable();
      t.string('region', 8).notNullable();
      t.primary(['region', 'person_id']);
      t.index(['person_id']);
    });
  }
  if (isPostgres(strapi)) {
    try {
      // pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it.
      await knex.raw('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await knex.raw(`CREATE INDEX IF NOT EXISTS talent_people_search_trgm ON ${PEOPLE} USING gin (search gin_trgm_ops)`);
    } catch (error) {
      strapi.log.warn(`talent: pg_trgm is not available (${(error as Error).message}); the registry's search scans the table`);
    }
    return;
  }
  const fts = await knex.raw(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`, [PEOPLE_FTS]);
  if (fts.length) return;
  await knex.raw(`CREATE VIRTUAL TABLE ${PEOPLE_FTS} USING fts5(search, content='${PEOPLE}', content_rowid='id', tokenize='trigram')`);
  await knex.raw(`CREATE TRIGGER ${PEOPLE}_ai AFTER INSERT ON ${PEOPLE} BEGIN INSERT INTO ${PEOPLE_FTS}(rowid, search) VALUES (new.id, new.search); END`);
  await knex.raw(
    `CREATE TRIGGER ${PEOPLE}_ad AFTER DELETE ON ${PEOPLE} BEGIN INSERT INTO ${PEOPLE_FTS}(${PEOPLE_FTS}, rowid, search) VALUES ('delete', old.id, old.search); END`,
  );
  await knex.raw(
    `CREATE TRIGGER ${PEOPLE}_au AFTER UPDATE OF search ON ${PEOPLE} BEGIN INSERT INTO ${PEOPLE_FTS}(${PEOPLE_FTS}, rowid, search) VALUES ('delete', old.id, old.search); INSERT INTO ${PEOPLE_FTS}(rowid, search) VALUES (new.id, new.search); END`,
  );
  await knex.raw(`INSERT INTO ${PEOPLE_FTS}(${PEOPLE_FTS}) VALUES ('rebuild')`);
}
