/**
 * Sends the runner's outbox to the server in batches (POST /attempts/:id/answers): on every
 * change, when the connection returns and on a retry timer with backoff. A batch leaves the outbox
 * only after a 2xx; answers the server refuses for good are dropped and reported; a refusal that
 * names no answer is narrowed down by sending one answer at a time. A position not yet sent goes
 * with the next batch, or on its own (`answers: []`) when there is none.
 */
import { ApiError } from '../api';
import { codeOf, getAttempt, pathOf, renewSession, sendAnswers, type AnswerIn, type Attempt, type Problem, problemOf } from '../assessment-api';
import { withLaterFromServer, withoutRefused, withoutSent, type RunnerRecord } from '../runner-store';

export type Connection = 'ok' | 'offline' | 'failing' | 'loggedOut';
export type Refusal = 'answer.value' | 'answer.timeUp' | 'answer.locked' | 'other';

type Options = {
  id: number;
  locale: string;
  /** The freshest copy of the record. */
  current: () => RunnerRecord;
  /** Applies a change to the stored record (and the page's copy). */
  apply: (change: (record: RunnerRecord) => RunnerRecord) => RunnerRecord;
  onConnection: (state: Connection) => void;
  onRefused: (count: number, reason: Refusal) => void;
  /** Answers changed later on another device were taken from the server. */
  onNewerElsewhere: () => void;
  /** A pass ended with everything acknowledged (a requested finish may go ahead). */
  onSynced: () => void;
  /** 409 attempt.finished: the server has closed the attempt. */
  onFinished: () => void;
  /** 404 attempt.unknown, or a 403 (consent withdrawn meanwhile): sending cannot go on. */
  onStopped: (problem: Problem) => void;
};

const BATCH = 50;
const FIRST_DELAY = 2_000;
const LONGEST_DELAY = 60_000;

export type Sync = { flush: () => Promise<boolean>; retryNow: () => Promise<boolean>; dispose: () => void };

export function createSync(options: Options): Sync {
  const { id, locale } = options;
  let running: Promise<boolean> | null = null;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = FIRST_DELAY;
  let size = BATCH;
  let disposed = false;
  /** Renewals of the session during one pass: a second 401 right after one means no session. */
  let renewals = 0;

  /** Drops refused answers, putting back what the server holds for them. */
  async function refuse(refused: AnswerIn[], reason: Refusal) {
    let server: Attempt | null = null;
    try {
      server = await getAttempt(id, locale);
    } catch {
      /* without it, the refused answers are simply removed */
    }
    options.apply((r) => withoutRefused(r, refused, server));
    options.onRefused(refused.length, reason);
  }

  /** The server kept later answers from another device (`stale`): show those here too. */
  async function adoptLater() {
    try {
      const server = await getAttempt(id, locale);
      options.apply((r) => withLaterFromServer(r, server));
      options.onNewerElsewhere();
    } catch {
      /* shown at the next load of the attempt */
    }
  }

  async function step(): Promise<'more' | 'done' | 'wait' | 'stop'> {
    const record = options.current();
    const batch = record.outbox.slice(0, size);
    const position = !record.positionSent && record.position ? { item: record.position } : null;
    // The position travels with the answers, or alone (an empty batch saves just the position).
    if (!batch.length && !position) return 'done';
    try {
      const { stale } = await sendAnswers(id, batch, position, locale);
      options.apply((r) => ({ ...withoutSent(r, batch), positionSent: r.positionSent || (position !== null && r.position === position.item) }));
      delay = FIRST_DELAY;
      options.onConnection('ok');
      if (stale > 0) await adoptLater();
      return 'more';
    } catch (error) {
      if (!(error instanceof ApiError)) {
        options.onConnection(typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'failing');
        return 'wait';
      }
      if (error.status === 401) {
        const session = renewals++ < 1 ? await renewSession(locale) : 'loggedOut';
        if (session === 'ok') return 'more';
        options.onConnection(session === 'offline' ? 'offline' : 'loggedOut');
        return session === 'offline' ? 'wait' : 'stop';
      }
      const code = codeOf(error);
      if (error.status === 409 && code === 'attempt.finished') {
        options.onFinished();
        return 'stop';
      }
      if (error.status === 404 || error.status === 403) {
        options.onStopped(problemOf(error));
        return 'stop';
      }
      if (error.status === 400 || error.status === 409) {
        const reason: Refusal =
          code === 'answer.timeUp' || code === 'answer.locked' ? code : error.fields.some((f) => f.code === 'answer.value') ? 'answer.value' : 'other';
        const indices = new Set(
          error.fields
            .map((f) => /^answers\.(\d+)/.exec(pathOf(f.path))?.[1])
            .filter((i): i is string => i !== undefined)
            .map(Number),
        );
        const named = batch.filter((_, i) => indices.has(i));
        if (named.length) await refuse(named, reason);
        else if (!batch.length)
          options.apply((r) => ({ ...r, positionSent: true })); // the position alone: not worth insisting
        else if (batch.length > 1)
          size = 1; // find the refused ones one by one
        else if (position && error.fields.some((f) => pathOf(f.path).startsWith('position')))
          options.apply((r) => ({ ...r, position: null, positionSent: true }));
        else await refuse(batch, reason);
        return 'more';
      }
      options.onConnection('failing');
      return 'wait';
    }
  }

  function flush(): Promise<boolean> {
    if (disposed) return Promise.resolve(false);
    if (running) {
      again = true;
      return running;
    }
    clearTimeout(timer);
    renewals = 0;
    running = (async () => {
      for (;;) {
        const next = await step();
        if (disposed) return false;
        if (next === 'more') continue;
        if (next === 'done') {
          if (again) {
            again = false;
            continue;
          }
          size = BATCH;
          return true;
        }
        if (next === 'wait') {
          timer = setTimeout(() => void flush(), delay);
          delay = Math.min(delay * 2, LONGEST_DELAY);
        }
        again = false;
        return false;
      }
    })()
      .finally(() => {
        running = null;
      })
      .then((ok) => {
        if (ok && !disposed) options.onSynced();
        return ok;
      });
    return running;
  }

  return {
    flush,
    retryNow: () => {
      delay = FIRST_DELAY;
      return flush();
    },
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
    },
  };
}
