/**
 * The consultation journal's tables (same SQL on SQLite and PostgreSQL; times in epoch ms):
 * - `talent_journal_entries`: one entry per completed booking (`booking_id` unique: two first saves
 *   of the same entry cannot both create one), its current text, draft or signed, and `version`,
 *   raised by every write, which a save must name (a stale editor is refused, not overwritten);
 * - `talent_journal_revisions`: every signed text (the first signature, then one per amendment),
 *   never changed: an amendment adds a row, so the text it replaced stays;
 * - `talent_journal_samples` and `talent_journal_sample_entries`: a coordinator's random samples
 *   of a period's signed entries and the review of each sampled entry.
 */
import type { Core } from '@strapi/strapi';

export const ENTRIES = 'talent_journal_entries';
export const REVISIONS = 'talent_journal_revisions';
export const SAMPLES = 'talent_journal_samples';
export const SAMPLE_ENTRIES = 'talent_journal_sample_entries';

export async function ensureJournalTables(strapi: Core.Strapi): Promise<void> {
  // A new schema builder per statement: one builder would run its earlier statements again.
  const schema = () => strapi.db.connection.schema;
  if (!(await schema().hasTable(ENTRIES)))
    await schema().createTable(ENTRIES, (t) => {
      t.increments('id');
      t.integer('booking_id').notNullable().unique();
      t.integer('specialist_id').notNullable();
      t.string('centre', 80).notNullable();
      t.string('person_key', 40).notNullable();
      t.string('service', 12).notNullable();
      t.bigInteger('held_at').notNullable();
      t.string('status', 8).notNullable();
      t.integer('version').notNullable();
      t.text('fields').notNullable();
      t.text('notes').notNullable();
      t.integer('author_id').notNullable();
      t.bigInteger('saved_at').notNullable();
      t.integer('signed_by');
      t.bigInteger('signed_at');
      t.integer('revision').notNullable().defaultTo(0);
      t.index(['person_key']);
      t.index(['centre', 'status', 'held_at']);
    });
  if (!(await schema().hasTable(REVISIONS)))
    await schema().createTable(REVISIONS, (t) => {
      t.increments('id');
      t.integer('entry_id').notNullable();
      t.integer('revision').notNullable();
      t.text('fields').notNullable();
      t.text('notes').notNullable();
      t.integer('signed_by').notNullable();
      t.bigInteger('signed_at').notNullable();
      t.string('reason', 500);
      t.unique(['entry_id', 'revision']);
    });
  if (!(await schema().hasTable(SAMPLES)))
    await schema().createTable(SAMPLES, (t) => {
      t.increments('id');
      t.integer('drawn_by').notNullable();
      t.bigInteger('drawn_at').notNullable();
      t.string('date_from', 10).notNullable();
      t.string('date_to', 10).notNullable();
      t.integer('size').notNullable();
      // The drawer's regions as ",KZ-63,KZ-55," (another coordinator of a region sees the region's samples) and centres (JSON).
      t.string('regions', 400).notNullable();
      t.text('centres').notNullable();
      t.index(['drawn_at']);
    });
  if (!(await schema().hasTable(SAMPLE_ENTRIES)))
    await schema().createTable(SAMPLE_ENTRIES, (t) => {
      t.integer('sample_id').notNullable();
      // The entry by its journal id (its booking's), as every route names it.
      t.integer('booking_id').notNullable();
      t.string('verdict', 20);
      t.text('comment');
      t.integer('reviewed_by');
      t.bigInteger('reviewed_at');
      t.primary(['sample_id', 'booking_id']);
      t.index(['booking_id']);
    });
}
