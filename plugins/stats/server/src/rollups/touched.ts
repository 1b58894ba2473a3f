/**
 * Which periods of the rollups changed, told to whoever keeps sums of them (the dashboards' sums,
 * dashboards/cube.ts) so that a kept sum is never older than the rows it was read from:
 * - in this process, right after the transaction that changed the rows commits (`touched`);
 * - on PostgreSQL, to every CMS instance sharing the database: the writing transaction sends
 *   `pg_notify` (delivered on commit only, never for a rolled-back write), and each instance
 *   listens on a connection of its own (`listenForTouches`).
 * A period is a day (yyyymmdd), a whole month (yyyymm: every day of it) or 0 (everything). Tests and tools that
 * write rollup rows themselves tell of them the same way (the `rollups` service's `touched`).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { isPostgres } from './tables';

export type TouchListener = (periods: number[]) => void;
const CHANNEL = 'qabilet_stats_touched';
/** NOTIFY's payload is at most 8 000 bytes: past this many days, their months are sent instead. */
const MAX_DAYS = 700;

const listeners = new Set<TouchListener>();

/** Calls `listener` with the periods each change touched; returns what stops it. */
export function onTouched(listener: TouchListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Tells this process's listeners that these periods' rows changed (after the change committed). */
export function touched(periods: Iterable<number>): void {
  const list = [...new Set(periods)];
  if (!list.length) return;
  for (const listener of listeners) listener(list);
}

/** Within a writing transaction on PostgreSQL: tells the other instances once it commits. */
export async function notifyTouched(strapi: Core.Strapi, trx: Knex.Transaction, periods: Iterable<number>): Promise<void> {
  if (!isPostgres(strapi)) return;
  let list = [...new Set(periods)];
  if (!list.length) return;
  if (list.length > MAX_DAYS) list = [...new Set(list.map((p) => (p > 999_999 ? Math.floor(p / 100) : p)))];
  await trx.raw('SELECT pg_notify(?, ?)', [CHANNEL, list.join(',')]);
}

type RawConnection = {
  query: (sql: string) => Promise<unknown>;
  on: (event: string, fn: (arg: { channel?: string; payload?: string } & Error) => void) => void;
  end: () => Promise<void>;
};
type PgClient = { acquireRawConnection: () => Promise<RawConnection> };

let connection: RawConnection | null = null;
let stopped = false;
let retry: NodeJS.Timeout | null = null;

/**
 * On PostgreSQL, listens for other instances' touches on a connection outside the pool; a lost
 * connection is opened again after a few seconds (meanwhile the kept sums fall back on their
 * age limit). Nothing to do on SQLite, which one process owns.
 */
export async function listenForTouches(strapi: Core.Strapi): Promise<void> {
  if (!isPostgres(strapi)) return;
  stopped = false;
  const again = () => {
    connection = null;
    if (!stopped && !retry)
      retry = setTimeout(() => {
        retry = null;
        void listenForTouches(strapi);
      }, 5_000);
  };
  try {
    const client = strapi.db.connection.client as unknown as PgClient;
    const conn = await client.acquireRawConnection();
    conn.on('notification', (msg) => {
      if (msg.channel !== CHANNEL || !msg.payload) return;
      touched(msg.payload.split(',').map(Number).filter(Number.isInteger));
    });
    conn.on('error', (e) => {
      strapi.log.warn(`stats: the listener of rollup changes failed: ${e.name}`);
      again();
    });
    conn.on('end', again);
    await conn.query(`LISTEN ${CHANNEL}`);
    connection = conn;
    // Whatever changed while nobody listened: every kept sum is read again.
    touched([0]);
  } catch (e) {
    strapi.log.warn(`stats: cannot listen for rollup changes: ${(e as Error).name}`);
    again();
  }
}

export async function stopListening(): Promise<void> {
  stopped = true;
  if (retry) clearTimeout(retry);
  retry = null;
  const conn = connection;
  connection = null;
  await conn?.end().catch(() => undefined);
}
