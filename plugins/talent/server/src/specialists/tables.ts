/**
 * `talent_documents`: a specialist's private documents (photo, ID document, diplomas,
 * certificates, awards) with their bytes, in the database — so that every CMS replica serves
 * the same files, and none of them is ever in the public media library or the public uploads
 * folder. A row is deleted, bytes and all, when the document is removed.
 */
import type { Core } from '@strapi/strapi';

export const DOCUMENTS = 'talent_documents';

export async function ensureDocumentTables(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(DOCUMENTS)) return;
  await knex.schema.createTable(DOCUMENTS, (t) => {
    t.increments('id');
    /** The booking plugin's specialist. */
    t.integer('specialist_id').notNullable().index();
    t.string('kind', 12).notNullable();
    t.string('title', 200);
    t.string('issuer', 200);
    t.integer('year');
    t.string('filename', 80).notNullable();
    t.string('type', 20).notNullable();
    t.integer('size').notNullable();
    t.binary('bytes').notNullable();
    t.integer('uploaded_by').notNullable();
    t.bigInteger('created_at').notNullable();
  });
}
