/**
 * Factories for the open statistics' tests: rows of the rollups' monthly table written into years
 * no other test uses, marked, and taken away after; the snapshot service.
 */
import type { OpenStatistics } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';

const MONTHLY = 'stats_monthly';
export type MonthlyRow = { period: number; metric: string; value: string; region: string; n: number; dim?: string; locality?: string };

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
