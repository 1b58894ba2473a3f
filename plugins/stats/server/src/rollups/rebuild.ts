/**
 * A month's rollup rows rebuilt from its stored facts, set-based in the database: each fact's
 * (dim, value[, measure]) rows (its `rows` JSON) are expanded and summed into a temporary table of
 * what the month should hold — n = how many facts, total = the measure summed, as contributionsOf
 * in packages/domain/src/stats.ts adds them one by one — which is then upserted where a row differs,
 * and rows it does not hold are deleted; the country's rows likewise, from the same rows summed
 * over every place. Run under the month's exclusive lock (reconcile.ts).
 */
import type { Knex } from 'knex';
import { DAILY, DAILY_COUNTRY, FACTS, MONTHLY, MONTHLY_COUNTRY } from './tables';

const EXPECTED = 'stats_expected';
const KEY = 'period, metric, dim, value, region, locality, centre';
const matches = (key: string, a: string, b: string) =>
  key
    .split(', ')
    .map((k) => `${a}.${k} = ${b}.${k}`)
    .join(' AND ');

/** The rows of the facts of days `from`–`to`, expanded: dim, value, measure per fact row (each dialect's JSON). */
const expanded = (postgres: boolean) =>
  postgres
    ? `SELECT f.day, f.metric, r.value->>0 AS dim, r.value->>1 AS value, f.region, f.locality, f.centre, COALESCE((r.value->>2)::double precision, f.total) AS measure
       FROM ${FACTS} f CROSS JOIN LATERAL json_array_elements(f.rows::json) r WHERE f.day BETWEEN ? AND ?`
    : `SELECT f.day, f.metric, json_extract(r.value, '$[0]') AS dim, json_extract(r.value, '$[1]') AS value, f.region, f.locality, f.centre, COALESCE(json_extract(r.value, '$[2]'), f.total) AS measure
       FROM ${FACTS} f, json_each(f.rows) r WHERE f.day BETWEEN ? AND ?`;

const count = (result: unknown, postgres: boolean): number => (postgres ? Number((result as { rowCount?: number }).rowCount ?? 0) : 0);

/** Rebuilds the daily rows of days `first`–`last` and the month's row; how many rows were written and removed. */
export async function rebuildMonth(
  trx: Knex.Transaction,
  postgres: boolean,
  month: number,
  first: number,
  last: number,
): Promise<{ written: number; removed: number }> {
  const changes = async (result: unknown) => (postgres ? count(result, true) : Number((await trx.raw('SELECT changes() AS n'))[0].n));
  await trx.raw(`DROP TABLE IF EXISTS ${EXPECTED}`);
  await trx.raw(
    `CREATE TEMPORARY TABLE ${EXPECTED} (period integer, metric varchar(40), dim varchar(20), value varchar(160), region varchar(8), locality varchar(80), centre varchar(80), n bigint, total double precision)`,
  );
  // The whole month's facts: its monthly rows need them even when the period ends inside it.
  await trx.raw(
    `INSERT INTO ${EXPECTED} (${KEY}, n, total) SELECT day, metric, dim, value, region, locality, centre, COUNT(*), ROUND(SUM(measure) * 1000) / 1000.0 FROM (${expanded(postgres)}) x GROUP BY day, metric, dim, value, region, locality, centre`,
    [month * 100 + 1, month * 100 + 31],
  );
  await trx.raw(
    `INSERT INTO ${EXPECTED} (${KEY}, n, total) SELECT ?, metric, dim, value, region, locality, centre, SUM(n), SUM(total) FROM ${EXPECTED} WHERE period BETWEEN ? AND ? GROUP BY metric, dim, value, region, locality, centre`,
    [month, month * 100 + 1, month * 100 + 31],
  );
  await trx.raw(`CREATE INDEX ${EXPECTED}_key ON ${EXPECTED} (${KEY})`);
  let written = 0;
  let removed = 0;
  // The places' rows as expected, and the country's: the expected place rows summed over every place.
  const CK = 'period, metric, dim, value';
  for (const [table, key, rows, lo, hi] of [
    [DAILY, KEY, `SELECT ${KEY}, n, total FROM ${EXPECTED} e WHERE e.period BETWEEN ? AND ?`, first, last],
    [MONTHLY, KEY, `SELECT ${KEY}, n, total FROM ${EXPECTED} e WHERE e.period BETWEEN ? AND ?`, month, month],
    [DAILY_COUNTRY, CK, `SELECT ${CK}, SUM(n), SUM(total) FROM ${EXPECTED} e WHERE e.period BETWEEN ? AND ? GROUP BY ${CK}`, first, last],
    [MONTHLY_COUNTRY, CK, `SELECT ${CK}, SUM(n), SUM(total) FROM ${EXPECTED} e WHERE e.period BETWEEN ? AND ? GROUP BY ${CK}`, month, month],
  ] as const) {
    written += await changes(
      await trx.raw(
        `INSERT INTO ${table} (${key}, n, total) ${rows}
         ON CONFLICT (${key}) DO UPDATE SET n = excluded.n, total = excluded.total
         WHERE ${table}.n <> excluded.n OR ABS(${table}.total - excluded.total) > 0.0005`,
        [lo, hi],
      ),
    );
    removed += await changes(
      await trx.raw(`DELETE FROM ${table} WHERE period BETWEEN ? AND ? AND NOT EXISTS (SELECT 1 FROM ${EXPECTED} e WHERE ${matches(key, 'e', table)})`, [
        lo,
        hi,
      ]),
    );
  }
  await trx.raw(`DROP TABLE ${EXPECTED}`);
  return { written, removed };
}
