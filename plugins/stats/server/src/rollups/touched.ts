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
import { listenTo, notify, type Listening } from '@qabilet/plugin-kit/server';

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
  let list = [...new Set(periods)];
  if (!list.length) return;
  if (list.length > MAX_DAYS) list = [...new Set(list.map((p) => (p > 999_999 ? Math.floor(p / 100) : p)))];
  await notify(strapi, CHANNEL, list.join(','), trx);
}

let listening: Listening | null = null;

/**
 * On PostgreSQL, listens for other instances' touches (the kit's `listenTo`: a lost connection is
 * opened again after a few seconds, meanwhile the kept sums fall back on their age limit; on each
 * (re)connection every kept sum is read again, whatever changed while nobody listened).
 */
export async function listenForTouches(strapi: Core.Strapi): Promise<void> {
  listening = listenTo(strapi, CHANNEL, {
    what: 'stats: rollup changes',
    heard: (payload) => payload && touched(payload.split(',').map(Number).filter(Number.isInteger)),
    connected: () => touched([0]),
  });
  await listening.ready;
}

export async function stopListening(): Promise<void> {
  await listening?.stop();
  listening = null;
}
