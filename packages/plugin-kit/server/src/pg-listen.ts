/**
 * PostgreSQL's notifications between the CMS instances sharing a database: what one instance
 * keeps in memory (sums, scopes, abilities) is told by the others when its rows change.
 * - `notify` sends within the transaction the caller runs in, if any, so that it is delivered on
 *   commit only (never for a rolled-back write), and at once otherwise.
 * - `listenTo` listens on a connection of its own, outside the pool; a lost connection is opened
 *   again after a few seconds, and `connected` is called each time listening (re)starts, since
 *   whatever was sent meanwhile was not heard.
 * Nothing happens on SQLite, which one process owns.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

const RETRY_MS = 5_000;

export const isPostgres = (strapi: Core.Strapi) => strapi.db.dialect.client === 'postgres';

/** Sends `payload` on `channel`: in `trx` when given, else in the transaction this runs within (Strapi's), else at once. */
export async function notify(strapi: Core.Strapi, channel: string, payload: string, trx?: Knex.Transaction): Promise<void> {
  if (!isPostgres(strapi)) return;
  const send = (db: Knex | Knex.Transaction) => db.raw('SELECT pg_notify(?, ?)', [channel, payload]);
  if (trx) await send(trx);
  else await strapi.db.transaction(({ trx: current }) => send(current as unknown as Knex.Transaction));
}

type RawConnection = {
  query: (sql: string) => Promise<unknown>;
  on: (event: string, fn: (arg: { channel?: string; payload?: string } & Error) => void) => void;
  end: () => Promise<void>;
};
type PgClient = { acquireRawConnection: () => Promise<RawConnection> };

/** `ready`: settled once the first attempt to listen is over (listening, or retrying later). */
export type Listening = { ready: Promise<void>; stop: () => Promise<void> };

/** Calls `heard(payload)` for every notification on `channel`; `connected()` each time listening starts. */
export function listenTo(
  strapi: Core.Strapi,
  channel: string,
  { heard, connected, what }: { heard: (payload: string) => void; connected?: () => void; what: string },
): Listening {
  let connection: RawConnection | null = null;
  let stopped = !isPostgres(strapi);
  let retry: NodeJS.Timeout | null = null;
  const again = () => {
    connection = null;
    if (!stopped && !retry)
      retry = setTimeout(() => {
        retry = null;
        void start();
      }, RETRY_MS);
  };
  const start = async () => {
    try {
      const conn = await (strapi.db.connection.client as unknown as PgClient).acquireRawConnection();
      conn.on('notification', (msg) => {
        if (msg.channel === channel) heard(msg.payload ?? '');
      });
      conn.on('error', (e) => {
        strapi.log.warn(`${what}: the listener failed: ${e.name}`);
        again();
      });
      conn.on('end', again);
      await conn.query(`LISTEN ${channel}`);
      if (stopped) return void (await conn.end().catch(() => undefined));
      connection = conn;
      connected?.();
    } catch (e) {
      strapi.log.warn(`${what}: cannot listen: ${(e as Error).name}`);
      again();
    }
  };
  const started = stopped ? Promise.resolve() : start();
  return {
    ready: started,
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      retry = null;
      await started;
      const conn = connection;
      connection = null;
      await conn?.end().catch(() => undefined);
    },
  };
}
