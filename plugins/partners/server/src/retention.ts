/**
 * How long the partners' records are kept (README "Configuration"), read from the environment here
 * and nowhere else (the plugin's config; cms/config/plugins.ts may override it), and the nightly
 * prune that cms/config/cron-tasks.ts runs.
 *
 * - The log (`partner_events`, ids and counts only): 365 days. It is what settles a dispute with a
 *   partner ("we sent that score") and what an audit reads; a year covers a school year and an
 *   agreement's yearly review.
 * - Launches (`partner_launches`, which tie a person's pseudonymous subject to a test and a time):
 *   30 days. A launch matters for a week (a result is accepted for seven days after it); a month
 *   leaves time to look into a partner's question about a refused result. Never under eight days,
 *   or results still on their way would be refused.
 * - Rows waiting in the desktop review queue (which hold a phone, an e-mail, a booking reference):
 *   90 days, a quarter for a centre's staff to resolve them. Past that the row leaves the queue as
 *   discarded (`queue.expired`) with those identifiers erased: it is not deleted, because its row
 *   key is what makes a re-import of the same file store nothing (a deleted row would come back
 *   into the queue with the phone number again), and the partner's counts stay right.
 *
 * The prune is a delete (or a conditional update) by age: running it on every CMS instance at once,
 * or twice, does the same as once.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EVENTS, LAUNCHES, json } from './tables';
import { IMPORT_ROWS } from './desktop-tables';
import { logEvent } from './store';

export type RetentionConfig = { logRetentionDays: number; launchRetentionDays: number; queueRetentionDays: number };

const DAY_MS = 86_400_000;
/** A launch brings its result for a week (launches.ts, lti.ts): its row must outlive that. */
const LAUNCH_MINIMUM_DAYS = 8;
const BATCH = 500;

type Env = (name: string, fallback?: string) => string | undefined;

/** The plugin's default config: the environment, an unset or empty variable meaning the default. */
export function retentionDefaults({ env }: { env: Env }): RetentionConfig {
  const days = (name: string, fallback: number) => {
    const value = env(name, '')?.trim();
    return value ? Number(value) : fallback;
  };
  return {
    logRetentionDays: days('PARTNER_LOG_RETENTION_DAYS', 365),
    launchRetentionDays: days('PARTNER_LAUNCH_RETENTION_DAYS', 30),
    queueRetentionDays: days('DESKTOP_QUEUE_RETENTION_DAYS', 90),
  };
}

/** Refuses to boot with a period that is not a whole number of days, or a launch period under a week. */
export function validateRetention(config: Partial<RetentionConfig>): void {
  const check = (key: keyof RetentionConfig, variable: string, minimum: number) => {
    const value = config[key];
    if (!Number.isSafeInteger(value) || (value as number) < minimum)
      throw new Error(`${key} (${variable}) must be a whole number of days, at least ${minimum}; it is ${String(value)}`);
  };
  check('logRetentionDays', 'PARTNER_LOG_RETENTION_DAYS', 1);
  check('launchRetentionDays', 'PARTNER_LAUNCH_RETENTION_DAYS', LAUNCH_MINIMUM_DAYS);
  check('queueRetentionDays', 'DESKTOP_QUEUE_RETENTION_DAYS', 1);
}

export const retentionOf = (strapi: Core.Strapi): RetentionConfig => strapi.config.get('plugin::partners') as RetentionConfig;

/** A queued row's values without what names a person. */
const erased = (data: unknown) => JSON.stringify({ ...json<Record<string, unknown>>(data, {}), phone: null, email: null, bookingRef: null });

/** Queued rows older than the period leave the queue, their identifiers erased; counted per partner. */
async function expireQueue(knex: Knex, before: number, now: number): Promise<Map<number, number>> {
  const expired = new Map<number, number>();
  for (;;) {
    const rows: Array<{ id: number; partner_id: number; data: unknown }> = await knex(IMPORT_ROWS)
      .where({ status: 'queued' })
      .where('created_at', '<', before)
      .orderBy('id')
      .limit(BATCH)
      .select('id', 'partner_id', 'data');
    if (!rows.length) return expired;
    for (const row of rows) {
      // Only if still queued: staff (or another instance) may have resolved it meanwhile.
      const changed = await knex(IMPORT_ROWS)
        .where({ id: row.id, status: 'queued' })
        .update({ status: 'discarded', reason: 'queue.expired', data: erased(row.data), resolved_at: now, resolved_by: null });
      if (changed) expired.set(Number(row.partner_id), (expired.get(Number(row.partner_id)) ?? 0) + changed);
    }
  }
}

export type PruneCounts = { events: number; launches: number; queuedRows: number };

/** Removes what is older than its period at `now` (passed in, so that tests can move the clock). */
export async function prune(strapi: Core.Strapi, now: Date, config: RetentionConfig = retentionOf(strapi)): Promise<PruneCounts> {
  const knex = strapi.db.connection;
  const at = now.getTime();
  const launches = await knex(LAUNCHES)
    .where('created_at', '<', at - config.launchRetentionDays * DAY_MS)
    .delete();
  const expired = await expireQueue(knex, at - config.queueRetentionDays * DAY_MS, at);
  const events = await knex(EVENTS)
    .where('at', '<', at - config.logRetentionDays * DAY_MS)
    .delete();
  for (const [partnerId, rows] of expired) await logEvent(strapi, { partnerId, kind: 'import', outcome: 'ok', code: 'queue.expired', detail: `rows=${rows}` });
  return { events, launches, queuedRows: [...expired.values()].reduce((a, b) => a + b, 0) };
}
