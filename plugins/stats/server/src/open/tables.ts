/**
 * The open statistics' snapshots: each row is one published `OpenStatistics` (already suppressed),
 * as JSON, with the instant it was taken. The public API serves the newest; the older ones say
 * what was published when. A nightly snapshot names its night (Kazakhstan's date): that column is
 * unique, so several instances running the nightly task at once store one snapshot and ask the site
 * for one rebuild; snapshots taken on demand have no night.
 */
import type { Core } from '@strapi/strapi';

export const SNAPSHOTS = 'stats_snapshots';
/** The rollups' monthly table (made and kept by the rollups part): the only figures read here. */
export const MONTHLY = 'stats_monthly';
/** How many snapshots are kept (about three months of nights). */
export const KEPT = 90;

export async function ensureSnapshotTable(strapi: Core.Strapi): Promise<void> {
  const knex = strapi.db.connection;
  if (await knex.schema.hasTable(SNAPSHOTS)) return;
  await knex.schema.createTable(SNAPSHOTS, (t) => {
    t.increments('id');
    t.bigInteger('taken_at').notNullable().index();
    t.integer('night').unique();
    t.text('data').notNullable();
  });
}
