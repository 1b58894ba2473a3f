/**
 * Keeps the facts and the rollups true to the records, a batch of people at a time: each person's
 * records are read, their facts derived again (packages/domain/src/stats.ts), and only what changed
 * is written — the facts, and the rollup rows' `n = n + ?` — in one transaction. Deriving twice
 * writes nothing, so an event replayed or seen by two instances changes nothing.
 *
 * Several CMS instances share one PostgreSQL. There the transaction first takes an advisory lock
 * per person (sorted, so two batches never wait on each other in a circle) and then reads the
 * records, so that of two refreshes of one person the second reads what the first committed; it
 * then takes a shared lock per month it changes, which the reconciliation of that month takes
 * exclusively (reconcile.ts). The rollup rows are upserted in one order, so two batches touching
 * the same rows queue rather than deadlock. SQLite has one connection: its transactions already
 * run one at a time.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { diffFacts, factsOf, monthOf, type Contribution, type Fact, type FactRow } from '@qabilet/domain';
import { COUNTRY_KEY, DAILY, DAILY_COUNTRY, FACTS, MONTHLY, MONTHLY_COUNTRY, ROLLUP_KEY, isPostgres } from './tables';
import { recordsOf, staffingOf } from './sources';
import { notifyTouched, touched } from './touched';

export const BATCH = 300;
/** Advisory lock spaces (the first key of pg_advisory_xact_lock(int, int)). */
export const PERSON_LOCKS = 1919;
export const MONTH_LOCKS = 1920;
const ROWS_PER_INSERT = 500;

export const chunks = <T>(items: T[], size = BATCH): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

type FactRecord = {
  key: string;
  person_key: string;
  metric: string;
  day: number;
  region: string;
  locality: string;
  centre: string;
  total: number | string;
  rows: string;
};
export const factOf = (r: FactRecord): Fact => ({
  key: r.key,
  person: r.person_key,
  metric: r.metric,
  day: Number(r.day),
  region: r.region,
  locality: r.locality,
  centre: r.centre,
  total: Number(r.total),
  rows: JSON.parse(r.rows) as FactRow[],
});
const recordOf = (f: Fact) => ({
  key: f.key,
  person_key: f.person,
  metric: f.metric,
  day: f.day,
  region: f.region,
  locality: f.locality,
  centre: f.centre,
  total: f.total,
  rows: JSON.stringify(f.rows),
});

/** The deltas over every place: what the country's rows move by. */
function countryDeltas(deltas: Contribution[]): Array<Pick<Contribution, 'period' | 'metric' | 'dim' | 'value' | 'n' | 'total'>> {
  const sums = new Map<string, { period: number; metric: string; dim: string; value: string; n: number; total: number }>();
  for (const d of deltas) {
    const key = `${d.period}\u0001${d.metric}\u0001${d.dim}\u0001${d.value}`;
    const sum = sums.get(key) ?? { period: d.period, metric: d.metric, dim: d.dim, value: d.value, n: 0, total: 0 };
    sum.n += d.n;
    sum.total += d.total;
    sums.set(key, sum);
  }
  return [...sums.values()].filter((s) => s.n !== 0 || Math.abs(s.total) > 0.0005);
}

/** Adds the deltas to the daily and monthly rows, the places' and the country's (`n = n + ?`), then drops the rows that came to nothing. */
export async function addToRollups(trx: Knex.Transaction, deltas: Contribution[]): Promise<void> {
  const country = countryDeltas(deltas);
  for (const [table, key, rows] of [
    [DAILY, ROLLUP_KEY, deltas.filter((d) => d.period > 999_999)],
    [MONTHLY, ROLLUP_KEY, deltas.filter((d) => d.period <= 999_999)],
    [DAILY_COUNTRY, COUNTRY_KEY, country.filter((d) => d.period > 999_999)],
    [MONTHLY_COUNTRY, COUNTRY_KEY, country.filter((d) => d.period <= 999_999)],
  ] as const) {
    if (!rows.length) continue;
    for (const part of chunks<object>(rows, ROWS_PER_INSERT))
      await trx(table)
        .insert(part)
        .onConflict([...key])
        .merge({ n: trx.raw(`${table}.n + excluded.n`), total: trx.raw(`${table}.total + excluded.total`) });
    const periods = [...new Set(rows.map((r) => r.period))];
    await trx(table).whereIn('period', periods).where('n', 0).whereBetween('total', [-0.0005, 0.0005]).delete();
  }
}

async function lock(trx: Knex.Transaction, space: number, keys: Array<string | number>, shared = false): Promise<void> {
  if (!keys.length) return;
  const fn = shared ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  const texts = keys.map(String).sort();
  // One statement, in the keys' order: the subquery's order is the order the locks are taken in.
  await trx.raw(`SELECT ${fn}(?, hashtext(k)) FROM (SELECT k FROM unnest(?::text[]) AS k ORDER BY k) AS sorted`, [space, texts]);
}

const byKeys = (q: Knex.QueryBuilder, postgres: boolean, keys: string[]) => (postgres ? q.whereRaw('key = ANY(?)', [keys]) : q.whereIn('key', keys));

const COLUMNS = ['key', 'person_key', 'metric', 'day', 'region', 'locality', 'centre', 'total', 'rows'] as const;
const TYPES = ['text', 'text', 'text', 'int', 'text', 'text', 'text', 'float8', 'text'];
/** Writes facts: on PostgreSQL a column array per field in one statement per 5 000 (a reconciliation writes millions). */
async function writeFacts(trx: Knex.Transaction, postgres: boolean, facts: Fact[]): Promise<void> {
  const records = facts.map(recordOf);
  if (!postgres) {
    for (const part of chunks(records, ROWS_PER_INSERT))
      await trx(FACTS)
        .insert(part)
        .onConflict('key')
        .merge(COLUMNS.slice(1) as unknown as string[]);
    return;
  }
  const names = COLUMNS.map((c) => `"${c}"`);
  for (const part of chunks(records, 5000))
    await trx.raw(
      `INSERT INTO ${FACTS} (${names.join(', ')}) SELECT * FROM unnest(${TYPES.map((t) => `?::${t}[]`).join(', ')})
       ON CONFLICT (key) DO UPDATE SET ${names
         .slice(1)
         .map((c) => `${c} = excluded.${c}`)
         .join(', ')}`,
      COLUMNS.map((c) => part.map((r) => r[c])),
    );
}

/**
 * Whether a stored fact is the derived one, read from its columns as stored: when this says yes,
 * so would diffFacts (the same fields, the rows' JSON as JSON.stringify wrote it); when it says no,
 * diffFacts compares the parsed fact and decides.
 */
const unchanged = (r: FactRecord, f: Fact) =>
  r.person_key === f.person &&
  r.metric === f.metric &&
  Number(r.day) === f.day &&
  r.region === f.region &&
  r.locality === f.locality &&
  r.centre === f.centre &&
  Number(r.total) === f.total &&
  r.rows === JSON.stringify(f.rows);

/** Facts whose thing can change hands (a booking now for the child, not the parent; a caller's request now a user's). */
const MOVABLE = /^(b|ba|r):/;

/**
 * Applies the people's derived facts against their stored ones; what changed. With `rollups`
 * false (a new database's first reconciliation, which rebuilds each month's rows from the facts
 * next) only the facts are written.
 */
async function apply(strapi: Core.Strapi, trx: Knex.Transaction, keys: string[], everything: Fact[], rollups: boolean): Promise<Changed> {
  const records = new Map<string, FactRecord>((await trx(FACTS).whereIn('person_key', keys).select()).map((r: FactRecord) => [r.key, r]));
  // Most facts are as stored (a reconciliation reads everyone's): those are left out before their JSON is parsed.
  const derived = [...new Map(everything.map((f) => [f.key, f])).values()].filter((f) => {
    const r = records.get(f.key);
    if (!r || !unchanged(r, f)) return true;
    records.delete(f.key);
    return false;
  });
  const stored = [...records.values()].map(factOf);
  // A fact that moved from someone else: its old rows go too.
  const moved = derived.filter((f) => !records.has(f.key) && MOVABLE.test(f.key)).map((f) => f.key);
  const postgres = isPostgres(strapi);
  for (const part of chunks(moved, 5000)) stored.push(...(await byKeys(trx(FACTS), postgres, part).select()).map(factOf));
  const { write, remove, deltas } = diffFacts(stored, derived, rollups);
  if (!write.length && !remove.length) return { written: 0, removed: 0, months: [], periods: [] };
  // The months whose rows these changes move: the new facts', and the old ones' they replace or remove.
  const dayOfStored = new Map(stored.map((f) => [f.key, f.day]));
  const days = [...write.map((f) => f.day), ...[...write.map((f) => f.key), ...remove].map((k) => dayOfStored.get(k)).filter((d) => d !== undefined)];
  const months = [...new Set(days.map((d) => monthOf(d)))];
  if (rollups && postgres) await lock(trx, MONTH_LOCKS, [...new Set(deltas.map((d) => (d.period > 999_999 ? monthOf(d.period) : d.period)))], true);
  for (const part of chunks(remove, 5000)) await byKeys(trx(FACTS), postgres, part).delete();
  await writeFacts(trx, postgres, write);
  const periods = rollups ? [...new Set(deltas.map((d) => d.period))] : [];
  if (rollups) {
    await addToRollups(trx, deltas);
    await notifyTouched(strapi, trx, periods);
  }
  return { written: write.length, removed: remove.length, months, periods };
}

/**
 * What a refresh changed: facts written and removed, the months (yyyymm) whose rows they move, and
 * the periods of the rollup rows it changed (none when only facts were written).
 */
type Changed = { written: number; removed: number; months: number[]; periods: number[] };

/**
 * Runs a transaction again when PostgreSQL chose it as a deadlock's victim (it rolled back whole,
 * nothing was announced): two batches' rows emptied to n = 0 can be deleted in each other's
 * way, rarely, and the reconciliation runs batches side by side.
 */
async function again<T>(run: () => Promise<T>, tries = 3): Promise<T> {
  for (let i = 1; ; i += 1)
    try {
      return await run();
    } catch (e) {
      if ((e as { code?: string }).code !== '40P01' || i >= tries) throw e;
    }
}

/** Derives these people's facts again and writes what changed; returns how many facts were written and removed. */
export async function refreshPeople(
  strapi: Core.Strapi,
  keys: Iterable<string>,
  options: { rollups?: boolean; batch?: number } = {},
): Promise<{ people: number; written: number; removed: number; months: number[] }> {
  const rollups = options.rollups ?? true;
  const unique = [...new Set(keys)].filter(Boolean).sort();
  const knex = strapi.db.connection;
  const staff = await staffingOf(strapi);
  const done = { people: unique.length, written: 0, removed: 0, months: [] as number[] };
  const months = new Set<number>();
  for (const part of chunks(unique, options.batch ?? BATCH)) {
    let changed: Changed;
    if (isPostgres(strapi))
      changed = await again(() =>
        knex.transaction(async (trx) => {
          await lock(trx, PERSON_LOCKS, part);
          const records = await recordsOf(strapi, trx, part, staff);
          return apply(strapi, trx, part, records.flatMap(factsOf), rollups);
        }),
      );
    else {
      const records = await recordsOf(strapi, knex, part, staff);
      changed = await knex.transaction((trx) => apply(strapi, trx, part, records.flatMap(factsOf), rollups));
    }
    touched(changed.periods);
    done.written += changed.written;
    done.removed += changed.removed;
    for (const m of changed.months) months.add(m);
  }
  done.months = [...months].sort((a, b) => a - b);
  return done;
}
