/**
 * Attempts and their answers. The runner may send a batch twice, out of order, or long after it
 * was answered offline (R-NFR-6): every answer carries the runner's sequence number, the table's
 * key stores it once per item, and the highest sequence wins. A batch is stored whole or not at
 * all. Scoring happens once, at finish, on the version the attempt started with.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  EXTRA_TIME,
  TIME_GRACE_MS,
  isValidAnswer,
  itemsOf,
  mergeAnswer,
  parseDateTime,
  scaledSeconds,
  scoreAttempt,
  type AnswerValue,
  type AttemptScore,
  type GivenAnswer,
  type Item,
  type TestDefinition,
} from '@qabilet/domain';
import { AssessmentError, allowOnly, conflict, invalid, unknownAttempt, type Problem } from './errors';
import { ageNow, type Person } from './people';
import { ANSWERS, ATTEMPTS, PREFERENCES, isUniqueViolation, json, ms } from './tables';
import { currentVersion, versionById, type Version } from './versions';
import { recordInProfile } from './profiles';
import { resultRecorded } from './statements';

export type AttemptRow = {
  id: number;
  version_id: number;
  test_slug: string;
  user_id: number;
  child_id: number | null;
  person_key: string;
  status: 'running' | 'finished';
  age: number;
  extra_time: number;
  started_at: unknown;
  deadline: unknown;
  finished_at: unknown;
  position: string | null;
  last_seq: number;
  result: unknown;
};
export type StoredResult = { score: AttemptScore; items: Array<{ item: string; timeMs: number }>; durationMs: number };
export type AnswerIn = { item: string; value: AnswerValue; seq: number; timeMs: number; answeredAt: number };

export const MAX_BATCH = 200;
/** How far the device's clock may run ahead of the server's. */
const CLOCK_SKEW_MS = 5 * 60_000;
/**
 * How long after a timed attempt's deadline answers made offline before it may still arrive. The
 * device's timestamps are trusted within this window only: past it, the attempt takes no answers.
 */
export const OFFLINE_ALLOWANCE_MS = 24 * 3600_000;

/** The extra time of the person who takes the test (a child's is their own, set by the parent). */
export async function extraTimeOf(strapi: Core.Strapi, person: Person): Promise<number> {
  const row = await strapi.db.connection(PREFERENCES).where({ person_key: person.key }).first('extra_time');
  return row ? Number(row.extra_time) : 0;
}

export async function setExtraTime(strapi: Core.Strapi, person: Person, value: unknown): Promise<number> {
  if (!(EXTRA_TIME as readonly unknown[]).includes(value))
    throw invalid({ field: 'extraTimePercent', code: 'preferences.extraTime', values: { allowed: EXTRA_TIME.join(', ') } });
  const knex = strapi.db.connection;
  await knex(PREFERENCES).insert({ person_key: person.key, user_id: person.userId, extra_time: value }).onConflict('person_key').merge();
  return value as number;
}

/** The person's running attempt of the test, or a new one on its current version. */
export async function startAttempt(strapi: Core.Strapi, person: Person, slug: unknown, now: Date): Promise<{ row: AttemptRow; created: boolean }> {
  if (typeof slug !== 'string' || !slug) throw invalid({ field: 'test', code: 'test.unknown' });
  const runningKey = `${person.key}:${slug}`;
  const knex = strapi.db.connection;
  const running = await knex(ATTEMPTS).where({ running_key: runningKey }).first();
  if (running) return { row: running, created: false };
  const version = await currentVersion(strapi, slug);
  if (!version) throw invalid({ field: 'test', code: 'test.unknown' });
  const age = ageNow(person, now);
  const { ageFrom, ageTo, timeLimitSeconds } = version.definition;
  if (age < ageFrom || age > ageTo) throw invalid({ field: 'test', code: 'test.age', values: { from: ageFrom, to: ageTo } });
  const extra = await extraTimeOf(strapi, person);
  const started = now.getTime();
  try {
    const [inserted] = await knex(ATTEMPTS)
      .insert({
        version_id: version.id,
        test_slug: slug,
        user_id: person.userId,
        child_id: person.childId,
        person_key: person.key,
        running_key: runningKey,
        status: 'running',
        age,
        extra_time: extra,
        started_at: started,
        deadline: timeLimitSeconds ? started + scaledSeconds(timeLimitSeconds, extra) * 1000 : null,
        last_seq: 0,
      })
      .returning('id');
    const id = typeof inserted === 'object' ? inserted.id : inserted;
    return { row: await knex(ATTEMPTS).where({ id }).first(), created: true };
  } catch (error) {
    // Two tabs started it at once: the other one's attempt is this one.
    if (!isUniqueViolation(error)) throw error;
    return { row: await knex(ATTEMPTS).where({ running_key: runningKey }).first(), created: false };
  }
}

/** The user's attempt (their own or their child's); anyone else's is not found. */
export async function attemptOf(strapi: Core.Strapi, userId: number, id: unknown): Promise<{ row: AttemptRow; version: Version }> {
  const n = Number(id);
  if (!Number.isInteger(n) || n <= 0 || n > 2_147_483_647) throw unknownAttempt();
  const row: AttemptRow | undefined = await strapi.db.connection(ATTEMPTS).where({ id: n, user_id: userId }).first();
  if (!row) throw unknownAttempt();
  return { row, version: (await versionById(strapi, row.version_id))! };
}

export const answersOf = async (db: Knex | Knex.Transaction, attemptId: number) =>
  (await db(ANSWERS).where({ attempt_id: attemptId }).select('item_key', 'value', 'seq', 'time_ms')).map(
    (a: { item_key: string; value: string; seq: number; time_ms: number }) => ({
      item: a.item_key,
      value: json<AnswerValue>(a.value, null),
      seq: Number(a.seq),
      timeMs: Number(a.time_ms),
    }),
  );

const whole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** A batch checked field by field against the version; the latest change of an item kept. */
export function checkBatch(test: TestDefinition, row: AttemptRow, input: unknown, now: Date, required: boolean): AnswerIn[] {
  // An empty batch may carry the position alone (the runner moved without answering).
  if (input === undefined && !required) return [];
  if (!Array.isArray(input)) throw invalid({ field: 'answers', code: 'answers.required', values: { max: MAX_BATCH } });
  if (input.length > MAX_BATCH) throw invalid({ field: 'answers', code: 'answers.tooMany', values: { max: MAX_BATCH } });
  const items = new Map(itemsOf(test).map((i) => [i.key, i]));
  const started = ms(row.started_at)!;
  const problems: Problem[] = [];
  const batch: AnswerIn[] = [];
  input.forEach((a: unknown, i) => {
    const at = `answers.${i}`;
    if (!a || typeof a !== 'object' || Array.isArray(a)) return void problems.push({ field: at, code: 'body.invalid' });
    const answer = a as Record<string, unknown>;
    problems.push(...allowOnly(answer, ['item', 'value', 'seq', 'timeMs', 'answeredAt'], `${at}.`));
    const item = typeof answer.item === 'string' ? items.get(answer.item) : undefined;
    if (!item) problems.push({ field: `${at}.item`, code: 'item.unknown' });
    else if (!('value' in answer) || !isValidAnswer(item, answer.value)) problems.push({ field: `${at}.value`, code: 'answer.value' });
    if (!whole(answer.seq, 1, 1_000_000_000)) problems.push({ field: `${at}.seq`, code: 'answer.seq' });
    if (!whole(answer.timeMs, 0, 86_400_000)) problems.push({ field: `${at}.timeMs`, code: 'answer.timeMs' });
    const answeredAt = parseDateTime(answer.answeredAt)?.getTime() ?? NaN;
    if (!Number.isFinite(answeredAt) || answeredAt < started - CLOCK_SKEW_MS || answeredAt > now.getTime() + CLOCK_SKEW_MS)
      problems.push({ field: `${at}.answeredAt`, code: 'answer.time' });
    batch.push({
      item: typeof answer.item === 'string' ? answer.item : '',
      value: answer.value as AnswerValue,
      seq: answer.seq as number,
      timeMs: answer.timeMs as number,
      answeredAt,
    });
  });
  if (problems.length) throw invalid(problems);
  const latest = new Map<string, AnswerIn>();
  for (const a of batch) if ((latest.get(a.item)?.seq ?? 0) < a.seq) latest.set(a.item, a);
  return [...latest.values()];
}

export function checkPosition(test: TestDefinition, position: unknown): string | null | undefined {
  if (position === undefined) return undefined;
  if (position === null) return null;
  const item = (position as { item?: unknown })?.item;
  if (typeof position !== 'object' || typeof item !== 'string' || !itemsOf(test).some((i) => i.key === item))
    throw invalid({ field: 'position.item', code: 'item.unknown' });
  return item;
}

export type SaveOutcome = { stored: number; unchanged: number; stale: number; answered: number; lastSeq: number };

/** Stores a checked batch within `trx`; refusals (time up, locked, finished) refuse the whole batch. */
async function storeBatch(
  trx: Knex.Transaction,
  test: TestDefinition,
  row: AttemptRow,
  batch: AnswerIn[],
  position: string | null | undefined,
  now: Date,
): Promise<SaveOutcome> {
  const sectionOf = new Map(test.sections.flatMap((s) => s.items.map((i): [string, boolean] => [i.key, s.allowBack])));
  const existing = new Map(
    (
      await trx(ANSWERS)
        .where({ attempt_id: row.id })
        .whereIn(
          'item_key',
          batch.map((a) => a.item),
        )
        .select('item_key', 'value', 'seq')
    ).map((a: { item_key: string; value: string; seq: number }) => [a.item_key, { value: json<AnswerValue>(a.value, null), seq: Number(a.seq) }]),
  );
  const deadline = ms(row.deadline);
  const problems: Problem[] = [];
  const outcome = { stored: 0, unchanged: 0, stale: 0 };
  const writes: Array<{ answer: AnswerIn; insert: boolean }> = [];
  batch.forEach((answer, i) => {
    const decision = mergeAnswer(existing.get(answer.item), answer, sectionOf.get(answer.item) ?? true);
    if (decision === 'unchanged' || decision === 'stale') return void (outcome[decision] += 1);
    if (row.status === 'finished') return void problems.push({ field: `answers.${i}`, code: 'attempt.finished' });
    if (decision === 'locked') return void problems.push({ field: `answers.${i}.value`, code: 'answer.locked' });
    if (deadline !== null && (answer.answeredAt > deadline + TIME_GRACE_MS || now.getTime() > deadline + OFFLINE_ALLOWANCE_MS))
      return void problems.push({ field: `answers.${i}.answeredAt`, code: 'answer.timeUp' });
    writes.push({ answer, insert: decision === 'insert' });
  });
  if (problems.length) throw conflict(problems);
  const values = (answer: AnswerIn) => ({
    value: JSON.stringify(answer.value),
    seq: answer.seq,
    time_ms: answer.timeMs,
    answered_at: answer.answeredAt,
    received_at: now.getTime(),
  });
  const inserts = writes.filter((w) => w.insert).map(({ answer }) => ({ attempt_id: row.id, item_key: answer.item, ...values(answer) }));
  // One statement for the new answers: a concurrent batch that inserted one of them first fails it whole, and it is retried.
  if (inserts.length) await trx(ANSWERS).insert(inserts);
  for (const { answer } of writes.filter((w) => !w.insert)) {
    await trx(ANSWERS).where({ attempt_id: row.id, item_key: answer.item }).where('seq', '<', answer.seq).update(values(answer));
  }
  outcome.stored = writes.length;
  const lastSeq = Math.max(row.last_seq, ...batch.map((a) => a.seq));
  if (row.status === 'running' && (writes.length || position !== undefined || lastSeq !== row.last_seq)) {
    await trx(ATTEMPTS)
      .where({ id: row.id })
      .update({ last_seq: lastSeq, ...(position !== undefined ? { position } : {}) });
  }
  const [{ count }] = await trx(ANSWERS).where({ attempt_id: row.id }).count({ count: '*' });
  return { ...outcome, answered: Number(count), lastSeq };
}

/** Runs `fn` in a transaction, again (up to three tries) if a concurrent writer inserted the same row first. */
async function inTransaction<T>(strapi: Core.Strapi, fn: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => fn(trx));
    } catch (error) {
      if (attempt >= 2 || !isUniqueViolation(error) || error instanceof AssessmentError) throw error;
    }
  }
}

/**
 * The attempt's row within `trx`, locked on PostgreSQL so that a finish and a batch of the same
 * attempt take turns (SQLite has one writer at a time anyway, and knex cannot lock there).
 */
export async function lockedAttempt(strapi: Core.Strapi, trx: Knex.Transaction, id: number): Promise<AttemptRow> {
  const q = trx(ATTEMPTS).where({ id });
  return (strapi.db.dialect.client === 'postgres' ? q.forUpdate() : q).first();
}

export async function saveAnswers(strapi: Core.Strapi, row: AttemptRow, version: Version, body: Record<string, unknown>, now: Date): Promise<SaveOutcome> {
  const problems = allowOnly(body, ['answers', 'position']);
  if (problems.length) throw invalid(problems);
  const batch = checkBatch(version.definition, row, body.answers, now, true);
  const position = checkPosition(version.definition, body.position);
  return inTransaction(strapi, async (trx) => storeBatch(trx, version.definition, await lockedAttempt(strapi, trx, row.id), batch, position, now));
}

/** Scores the attempt once; finishing again answers the stored result. */
export async function finishAttempt(strapi: Core.Strapi, row: AttemptRow, version: Version, body: Record<string, unknown>, now: Date): Promise<AttemptRow> {
  const problems = allowOnly(body, ['answers', 'position']);
  if (problems.length) throw invalid(problems);
  const batch = checkBatch(version.definition, row, body.answers, now, false);
  const position = checkPosition(version.definition, body.position);
  let scored = false;
  const finished = await inTransaction(strapi, async (trx) => {
    scored = false;
    const fresh = await lockedAttempt(strapi, trx, row.id);
    if (batch.length) await storeBatch(trx, version.definition, fresh, batch, position, now);
    if (fresh.status === 'finished') return fresh;
    const answers = await answersOf(trx, row.id);
    const given = new Map<string, GivenAnswer>(answers.map((a) => [a.item, { value: a.value, timeMs: a.timeMs }]));
    const score = scoreAttempt(version.definition, given, fresh.age, fresh.extra_time);
    const order = itemsOf(version.definition).map((i: Item) => i.key);
    const result: StoredResult = {
      score,
      items: order.filter((k) => given.has(k)).map((item) => ({ item, timeMs: given.get(item)!.timeMs })),
      durationMs: now.getTime() - ms(fresh.started_at)!,
    };
    const updated = await trx(ATTEMPTS)
      .where({ id: row.id, status: 'running' })
      .update({ status: 'finished', running_key: null, finished_at: now.getTime(), result: JSON.stringify(result) });
    if (updated) await recordInProfile(strapi, trx, fresh, version, score, now);
    scored = !!updated;
    return trx(ATTEMPTS).where({ id: row.id }).first();
  });
  // Committed: whoever follows results (the talent registry) hears of it.
  if (scored) resultRecorded(row.person_key);
  return finished;
}
