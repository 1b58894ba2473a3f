/**
 * The runner's copy of an attempt on this device (R-NFR-6): the test, the answers, the outbox of
 * answers not yet acknowledged by the server, the position and the time spent per item. Every
 * change is written to localStorage at once, so a lost connection, a reload (offline too, with
 * runner-sw.js) or a second tab loses nothing. Everything lives under `qabilet.runner.`; an
 * attempt's copy is removed when it is finished (other attempts, perhaps running in another tab,
 * stay), and everything on logging out: nothing personal stays on the device.
 *
 * A copy belongs to the account that made it (`owner`, the user's id). A session may end without
 * logging out (it expires, "log out everywhere", a new password) and someone else log in on the
 * same browser, so a copy is shown only to its owner: the runner asks the server who is logged in
 * (GET /api/accounts/me) and drops every copy of another account (`claimDevice`). Without a way to
 * ask (offline, session ended), a copy is shown only if its owner is the account last seen on this
 * device (`qabilet.runner.user`, set on logging in and whenever the runner reaches the server;
 * only the id, removed on logging out with the rest).
 */
import { sameAnswer } from '@qabilet/domain';
import type { AnswerIn, AnswerValue, Attempt, PublicTest } from './assessment-api';

export const PREFIX = 'qabilet.runner.';
const RECORD = `${PREFIX}attempt.`;
const POINTER = `${PREFIX}current.`;
const USER = `${PREFIX}user`;

export type LocalAnswer = { value: AnswerValue; seq: number; timeMs: number };
/** A choice not sent yet, with when it was made (a timed task's answer counts from then). */
export type Draft = { value: AnswerValue; timeMs: number; answeredAt: string };

export type RunnerRecord = {
  v: 1;
  id: number;
  /** The account (user id) the attempt belongs to: the copy is shown to it alone. */
  owner: number;
  slug: string;
  child: string | null;
  test: PublicTest;
  version: number;
  startedAt: string;
  /** The server's deadline (extra time included), or null. */
  deadline: string | null;
  extraTimePercent: number;
  /** Server clock minus this device's clock, for the deadline. */
  skewMs: number;
  answers: Record<string, LocalAnswer>;
  /** Choices in sections without going back, not yet committed (they are on leaving the item), as made. */
  drafts: Record<string, Draft>;
  /** Answers the server has not acknowledged yet, the latest per item. */
  outbox: AnswerIn[];
  /** The last sequence number used (monotonic per attempt, after the server's lastSeq). */
  seq: number;
  /** The item shown, and whether the server knows it. */
  position: string | null;
  positionSent: boolean;
  /** Milliseconds spent on each item while it was shown. */
  times: Record<string, number>;
  updatedAt: string;
  /** When the server last acknowledged everything. */
  syncedAt: string | null;
  /** The person chose to finish while the server could not be reached: finish when it can. */
  finishRequested?: boolean;
};

const storage = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled by the browser's settings
  }
};

export const pointerKey = (slug: string, child: string | null) => `${POINTER}${slug}${child ? `.${child}` : ''}`;
export const recordKey = (id: number) => `${RECORD}${id}`;

function parse<T>(text: string | null | undefined): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function readPointer(slug: string, child: string | null): number | null {
  const id = Number(storage()?.getItem(pointerKey(slug, child)));
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function readRecord(id: number): RunnerRecord | null {
  const record = parse<RunnerRecord>(storage()?.getItem(recordKey(id)));
  return record && record.v === 1 && record.id === id ? record : null;
}

/** The account last logged in on this device, as far as the runner knows (null: none, or logged out). */
export function rememberedUser(): number | null {
  const id = Number(storage()?.getItem(USER));
  return Number.isInteger(id) && id > 0 ? id : null;
}

/** This device's copy of the test, if it belongs to the account last logged in here (see above). */
export function ownRecord(slug: string, child: string | null): RunnerRecord | null {
  const id = readPointer(slug, child);
  const record = id ? readRecord(id) : null;
  const user = rememberedUser();
  return record && user !== null && record.owner === user ? record : null;
}

/**
 * `user` is the account logged in now: copies of any other account leave this device (theirs
 * can no longer be sent from here, and must not be shown), and `user` is remembered.
 */
export function claimDevice(user: number): void {
  const store = storage();
  if (!store) return;
  for (const key of keys()) {
    if (!key.startsWith(RECORD)) continue;
    const record = parse<RunnerRecord>(store.getItem(key));
    if (record?.owner !== user) {
      store.removeItem(key);
      if (record) forgetAttempt(record.id);
    }
  }
  // Pointers whose copy is gone lead nowhere.
  for (const key of keys()) if (key.startsWith(POINTER) && !store.getItem(recordKey(Number(store.getItem(key))))) store.removeItem(key);
  try {
    store.setItem(USER, String(user));
  } catch {
    /* storage full: nothing is kept then either */
  }
}

/** Parses a record as a `storage` event carries it. */
export const recordFrom = (text: string | null): RunnerRecord | null => parse<RunnerRecord>(text);

/** Writes the record and its pointer; false if this device cannot keep it (storage full or off). */
export function writeRecord(record: RunnerRecord): boolean {
  const store = storage();
  if (!store) return false;
  try {
    store.setItem(recordKey(record.id), JSON.stringify(record));
    store.setItem(pointerKey(record.slug, record.child), String(record.id));
    return true;
  } catch {
    return false;
  }
}

/** The newer of the stored copy (another tab may have written since) and the one in memory. */
export function freshest(mine: RunnerRecord): RunnerRecord {
  const stored = readRecord(mine.id);
  return stored && stored.updatedAt >= mine.updatedAt ? stored : mine;
}

/** Applies `change` to the freshest copy and stores the result; `kept` is false if the device could not keep it. */
export function updateRecord(mine: RunnerRecord, change: (record: RunnerRecord) => RunnerRecord): { record: RunnerRecord; kept: boolean } {
  const record = { ...change(freshest(mine)), updatedAt: new Date().toISOString() };
  return { record, kept: writeRecord(record) };
}

/** The present moment on the server's clock, which judges answers against the attempt's start and deadline. */
export const serverNow = (record: RunnerRecord) => new Date(Date.now() + record.skewMs).toISOString();

/** Records a change of an answer with the next sequence number and puts it in the outbox. */
export function withAnswer(record: RunnerRecord, item: string, value: AnswerValue, timeMs: number, answeredAt = serverNow(record)): RunnerRecord {
  const seq = record.seq + 1;
  const { [item]: _draft, ...drafts } = record.drafts;
  return {
    ...record,
    seq,
    drafts,
    answers: { ...record.answers, [item]: { value, seq, timeMs } },
    outbox: [...record.outbox.filter((a) => a.item !== item), { item, value, seq, timeMs, answeredAt }],
  };
}

/** Removes the answers the server acknowledged (a newer change of the same item stays). */
export function withoutSent(record: RunnerRecord, sent: readonly AnswerIn[]): RunnerRecord {
  const outbox = record.outbox.filter((a) => !sent.some((s) => s.item === a.item && s.seq === a.seq));
  return { ...record, outbox, syncedAt: outbox.length ? record.syncedAt : new Date().toISOString() };
}

/** Drops answers the server refused for good: the server's answer (if any) stands for them. */
export function withoutRefused(record: RunnerRecord, refused: readonly AnswerIn[], server: Attempt | null): RunnerRecord {
  const answers = { ...record.answers };
  for (const a of refused) {
    if (answers[a.item]?.seq !== a.seq) continue;
    const kept = server?.answers.find((s) => s.item === a.item);
    if (kept) answers[a.item] = { value: kept.value, seq: kept.seq, timeMs: kept.timeMs };
    else delete answers[a.item];
  }
  return { ...withoutSent(record, refused), answers };
}

/**
 * Takes the server's answers that are later than this device's (sent from another device since:
 * a batch answered `stale`), so that the screen shows what the server holds.
 */
export function withLaterFromServer(record: RunnerRecord, server: Attempt): RunnerRecord {
  const answers = { ...record.answers };
  const drafts = { ...record.drafts };
  let seq = Math.max(record.seq, server.lastSeq);
  for (const s of server.answers) {
    seq = Math.max(seq, s.seq);
    if ((answers[s.item]?.seq ?? 0) >= s.seq) continue;
    answers[s.item] = { value: s.value, seq: s.seq, timeMs: s.timeMs };
    delete drafts[s.item];
  }
  const outbox = record.outbox.filter((a) => (answers[a.item]?.seq ?? 0) <= a.seq);
  return { ...record, answers, drafts, outbox, seq };
}

/**
 * This device's copy merged with the server's attempt: of two answers to an item the one with the
 * higher sequence wins; local answers the server lacks are (re)queued; the position on this device
 * is kept (it is where the person was).
 */
export function mergeWithServer(local: RunnerRecord | null, attempt: Attempt, slug: string, child: string | null, owner: number): RunnerRecord {
  const skewMs = Date.parse(attempt.now) - Date.now();
  const server = new Map(attempt.answers.map((a) => [a.item, a]));
  const answers: Record<string, LocalAnswer> = {};
  for (const a of attempt.answers) answers[a.item] = { value: a.value, seq: a.seq, timeMs: a.timeMs };
  const outbox: AnswerIn[] = [];
  let seq = Math.max(attempt.lastSeq, ...attempt.answers.map((a) => a.seq), 0);
  if (local && local.id === attempt.id) {
    seq = Math.max(seq, local.seq);
    for (const [item, mine] of Object.entries(local.answers)) {
      const theirs = server.get(item);
      if (theirs && (theirs.seq >= mine.seq || sameAnswer(theirs.value, mine.value))) continue;
      answers[item] = mine;
      const queued = local.outbox.find((a) => a.item === item && a.seq === mine.seq);
      outbox.push(queued ?? { item, value: mine.value, seq: mine.seq, timeMs: mine.timeMs, answeredAt: local.updatedAt });
    }
  }
  const items = new Set(attempt.test.sections.flatMap((s) => s.items.map((i) => i.key)));
  const keep = (key: string | null | undefined) => (key && items.has(key) ? key : null);
  const firstItem = attempt.test.sections.flatMap((s) => s.items)[0]?.key ?? null;
  const position = keep(local?.id === attempt.id ? local.position : null) ?? keep(attempt.position?.item) ?? firstItem;
  return {
    v: 1,
    id: attempt.id,
    owner,
    slug,
    child,
    test: attempt.test,
    version: attempt.version,
    startedAt: attempt.startedAt,
    deadline: attempt.deadline,
    extraTimePercent: attempt.extraTimePercent,
    skewMs,
    answers,
    drafts: local?.id === attempt.id ? local.drafts : {},
    outbox: outbox.sort((a, b) => a.seq - b.seq),
    seq,
    position,
    positionSent:
      local?.id === attempt.id ? local.positionSent && position === local.position && attempt.position?.item === position : attempt.position?.item === position,
    times: local?.id === attempt.id ? local.times : Object.fromEntries(attempt.answers.map((a) => [a.item, a.timeMs])),
    updatedAt: new Date().toISOString(),
    syncedAt: outbox.length ? null : new Date().toISOString(),
    finishRequested: local?.id === attempt.id ? local.finishRequested : undefined,
  };
}

/** Removes one attempt's copy and the pointers to it. */
export function forgetAttempt(id: number): void {
  const store = storage();
  if (!store) return;
  for (const key of keys()) if (key === recordKey(id) || (key.startsWith(POINTER) && store.getItem(key) === String(id))) store.removeItem(key);
}

function keys(): string[] {
  const store = storage();
  if (!store) return [];
  return Array.from({ length: store.length }, (_, i) => store.key(i)).filter((k): k is string => !!k && k.startsWith(PREFIX));
}

/** Logging out: everything the runner kept on this device goes (the remembered account too). */
export function clearRunnerData(): void {
  const store = storage();
  for (const key of keys()) store?.removeItem(key);
}

export const isRecordKey = (key: string | null, id: number) => key === recordKey(id);
