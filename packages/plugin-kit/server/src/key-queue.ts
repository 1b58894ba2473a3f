/**
 * A queue of people's keys refreshed after the change that named them commits — never inside the
 * writer's transaction, whose data another connection could not see yet — one refresh at a time,
 * in order, keys coalesced within a tick. The registry of users and the stats' rollups follow their
 * sources with one each.
 */
import type { Core } from '@strapi/strapi';

export type KeyQueue = {
  /** Queues keys for a refresh once the current transaction (if any) commits. */
  queue(strapi: Core.Strapi, keys: Iterable<string>): void;
  /**
   * Queues the keys `find` looks up once the current transaction (if any) commits — a lifecycle
   * whose row says whose only after the commit; `settle` waits for the look-up too.
   */
  queueFound(strapi: Core.Strapi, find: () => Promise<Iterable<string>>): void;
  /** Waits for what is queued and running; whether nothing new came meanwhile (else call again). */
  settle(): Promise<boolean>;
  /** No more refreshes from now on (the plugin is being destroyed). */
  stop(): void;
  /** Refreshes again (a new boot in the same process). */
  start(): void;
};

export function keyQueue(label: string, refresh: (strapi: Core.Strapi, keys: string[]) => Promise<unknown>): KeyQueue {
  const pending = new Set<string>();
  let running: Promise<unknown> = Promise.resolve();
  let scheduled = false;
  let stopped = false;
  let looking = 0;
  const busy = () => scheduled || pending.size > 0 || looking > 0;

  function flushSoon(strapi: Core.Strapi) {
    if (scheduled || stopped) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      const keys = [...pending];
      pending.clear();
      if (!keys.length) return;
      running = running
        .then(() => refresh(strapi, keys))
        .catch((e: Error) => void strapi.log.warn(`${label}: refresh of ${keys.length} people failed: ${e.name} ${e.message}`));
    });
  }

  const afterCommit = (strapi: Core.Strapi, run: () => void) => {
    if (strapi.db.inTransaction()) void strapi.db.transaction(async ({ onCommit }) => onCommit(run));
    else run();
  };
  const add = (strapi: Core.Strapi, keys: Iterable<string>) => {
    for (const k of keys) pending.add(k);
    flushSoon(strapi);
  };

  return {
    queue(strapi, keys) {
      afterCommit(strapi, () => add(strapi, keys));
    },
    queueFound(strapi, find) {
      afterCommit(strapi, () => {
        looking += 1;
        find()
          .then((keys) => add(strapi, keys))
          .catch((e: Error) => void strapi.log.warn(`${label}: could not find whom a change concerns: ${e.name}`))
          .finally(() => (looking -= 1));
      });
    },
    async settle() {
      while (busy()) await new Promise((r) => setImmediate(r));
      const seen = running;
      await seen;
      return seen === running && !busy();
    },
    stop: () => void (stopped = true),
    start: () => void (stopped = false),
  };
}
