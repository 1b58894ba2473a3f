/**
 * Rows of the rollups (stats_daily, stats_monthly and the country's sums of them: the tables the dashboards and the open
 * statistics read, which the rollups part keeps) for tests that need figures known exactly: written
 * into years no real record of the run falls in, and taken away after. Like every writer of the
 * rows, they tell the rollups' readers which periods changed (the dashboards keep sums until then).
 */
import { ctx } from '../setup/context.ts';

const touched = (periods: number[]) => ctx.strapi.plugin('stats').service('rollups').touched(periods);

export type RollupPlace = { region: string; locality?: string; centre?: string };

/** Adds `n` (and `total`) to a day's row and to its month's row, as the rollups keep them. */
export async function putRollup(day: string, metric: string, dim: string, value: string, place: RollupPlace, n: number, total = 0) {
  const knex = ctx.strapi.db.connection;
  const placed = { metric, dim, value, region: place.region, locality: place.locality ?? '', centre: place.centre ?? '' };
  const daily = Number(day.replaceAll('-', ''));
  const monthly = Number(day.slice(0, 7).replace('-', ''));
  // The place's rows, and the country's (the same sums over every place).
  for (const [table, period, key] of [
    ['stats_daily', daily, placed],
    ['stats_monthly', monthly, placed],
    ['stats_daily_country', daily, { metric, dim, value }],
    ['stats_monthly_country', monthly, { metric, dim, value }],
  ] as const) {
    const row = await knex(table)
      .where({ period, ...key })
      .first();
    if (row)
      await knex(table)
        .where({ period, ...key })
        .update({ n: Number(row.n) + n, total: Number(row.total) + total });
    else await knex(table).insert({ period, ...key, n, total });
    touched([period]);
  }
}

/** Takes away every rollup row of `year`. */
export async function removeRollupYear(year: number) {
  const knex = ctx.strapi.db.connection;
  for (const table of ['stats_daily', 'stats_daily_country'])
    await knex(table)
      .whereBetween('period', [year * 10_000 + 101, year * 10_000 + 1231])
      .delete();
  for (const table of ['stats_monthly', 'stats_monthly_country'])
    await knex(table)
      .whereBetween('period', [year * 100 + 1, year * 100 + 12])
      .delete();
  touched(Array.from({ length: 12 }, (_, i) => year * 100 + i + 1));
}
