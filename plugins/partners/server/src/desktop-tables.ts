/**
 * The desktop import's table (README "Tables"), in plain SQL that means the same on SQLite and
 * PostgreSQL. `partner_import_rows` keeps one line per row a centre's desktop test database ever
 * sent, imported or waiting in the review queue: the unique (partner, row key) is what makes a
 * re-import, a row repeated in a file or a push sent twice store nothing, on every instance at once.
 * A queued row keeps its phone and e-mail only while staff need them to find the person; an
 * imported one keeps whose it is (`person_key`, `user_id`, `child_id`) until that person is forgotten.
 * Times are epoch milliseconds.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export const IMPORT_ROWS = 'partner_import_rows';

export type ImportStatus = 'imported' | 'queued' | 'discarded';

export type ImportRowRecord = {
  id: number;
  partner_id: number;
  row_key: string;
  status: ImportStatus;
  reason: string | null;
  data: string;
  statement_id: string | null;
  person_key: string | null;
  user_id: number | null;
  child_id: number | null;
  file_name: string | null;
  created_at: unknown;
  resolved_at: unknown;
  resolved_by: number | null;
};

const build = (t: Knex.CreateTableBuilder) => {
  t.increments('id');
  t.integer('partner_id').notNullable();
  t.string('row_key', 64).notNullable();
  t.string('status', 10).notNullable();
  t.string('reason', 60);
  t.text('data').notNullable();
  t.string('statement_id', 36);
  t.string('person_key', 24);
  t.integer('user_id');
  t.integer('child_id');
  t.string('file_name', 200);
  t.bigInteger('created_at').notNullable();
  t.bigInteger('resolved_at');
  t.integer('resolved_by');
  t.unique(['partner_id', 'row_key']);
  t.index(['partner_id', 'status', 'created_at']);
  t.index(['user_id']);
};

export async function ensureDesktopTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(IMPORT_ROWS))) await knex.schema.createTable(IMPORT_ROWS, build);
}

/**
 * When an account or a child profile is deleted its results go (the assessment plugin drops them);
 * the rows that carried them stay, unlinked, so a re-import of an old file records nothing again.
 */
export async function forgetDesktopPerson(knex: Knex, who: { userId: number } | { childId: number }): Promise<void> {
  const where = 'userId' in who ? { user_id: who.userId } : { child_id: who.childId };
  await knex(IMPORT_ROWS).where(where).update({ person_key: null, user_id: null, child_id: null });
}
