/**
 * Factories for the open statistics' tests: rows of the rollups' monthly table (made here as the
 * design's contract has it when the rollups part has not made it), written into years no other
 * test uses, marked, and taken away after; the snapshot service.
 */
import type { Knex } from 'knex';
import type { OpenStatistics } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';

const MONTHLY = 'stats_monthly';
export type MonthlyRow = { period: number; metric: string; value: string; region: string; n: number; dim?: string; locality?: string };

export async function ensureMonthly() {
  const knex = ctx.strapi.db.connection;
  if (await knex.schema.hasTable(MONTHLY)) return;
  await knex.schema.createTable(MONTHLY, (t: Knex.CreateTableBuilder) => {
    t.integer('period').notNullable();
    t.string('metric', 40).notNullable();
    t.string('dim', 20).notNullable();
    t.string('value', 160).notNullable();
    t.string('region', 8).notNullable();
    t.string('locality', 80).notNullable();
    t.string('centre', 80).notNullable();
    t.bigInteger('n').notNullable();
    t.double('total').notNullable();
    t.unique(['period', 'metric', 'dim', 'value', 'region', 'locality', 'centre']);
    t.index(['metric', 'dim', 'period']);
  });
}

// The rows these tests write carry this centre, so that they take away their own rows only.
const MARK = 'open-stats-test';

/** Rows of `ageFormat` unless told (a row of the same place and period replaces the count). */
export const insertMonthly = (rows: MonthlyRow[]) =>
  ctx.strapi.db
    .connection(MONTHLY)
    .insert(rows.map((r) => ({ dim: 'ageFormat', locality: '', total: 0, ...r, centre: MARK })))
    .onConflict(['period', 'metric', 'dim', 'value', 'region', 'locality', 'centre'])
    .merge(['n']);

export const removeMonthly = () => ctx.strapi.db.connection(MONTHLY).where({ centre: MARK }).delete();

export const openService = () =>
  ctx.strapi.plugin('stats').service('open') as { snapshot(o?: { nightly?: boolean; now?: Date }): Promise<OpenStatistics | null> };
