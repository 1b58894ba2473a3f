/**
 * One query at a time on each PostgreSQL connection, in the order they were asked for.
 *
 * Strapi's document service sends the queries of one transaction at once — the components of a
 * document created through an unbounded `p-map` (`document-service/components.js`), relations
 * populated with `Promise.all` (strapi/strapi#27645) — and a transaction is one connection.
 * node-postgres 8 queues such queries itself but warns on each start ("Calling client.query() when
 * the client is already executing a query is deprecated"), and pg 9 removes the queue. This does
 * the queue's work outside it, as pg asks ("an external async flow control mechanism"): each query
 * waits until the connection's previous one has answered. Installed on every new connection by the
 * pool's `afterCreate` (config/database.ts); nothing changes for queries that were already
 * sequential, which is every one of ours.
 */
type Callback = (error: Error | null, result?: unknown) => void;
export type PgConnection = { query: (...args: unknown[]) => unknown };

export function oneQueryAtATime(connection: PgConnection): void {
  const query = connection.query.bind(connection);
  let previous: Promise<unknown> = Promise.resolve();
  connection.query = (...args: unknown[]) => {
    // A stream (a "submittable") is not ours to hold back: knex makes one only for .stream().
    if (typeof (args[0] as { submit?: unknown } | null | undefined)?.submit === 'function') return query(...args);
    const done = args.at(-1);
    if (typeof done === 'function') {
      // knex's way: a callback, called once the connection is ready for the next query.
      const turn = previous.then(
        () =>
          new Promise<void>((release) => {
            const answer: Callback = (error, result) => {
              release();
              (done as Callback)(error, result);
            };
            try {
              query(...args.slice(0, -1), answer);
            } catch (error) {
              answer(error as Error);
            }
          }),
      );
      previous = turn;
      return undefined;
    }
    const result = previous.then(() => query(...args));
    previous = result.catch(() => undefined);
    return result;
  };
}
