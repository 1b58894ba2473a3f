/**
 * The common result model for results from outside Qabilet (R-TEST-1, R-TEST-2, R-PART-1): a
 * partner's test or a centre's desktop test database. Each result is kept as an xAPI-style
 * statement — actor, verb, object, result with scores, timestamp, a UUID — and projected onto the
 * person's profile next to Qabilet's own attempts, marked with its source, so recommendations,
 * cards and the cabinet read every result alike.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { levelOf, type Language, type StatementView, type Text } from '@qabilet/domain';
import { PROFILES, STATEMENTS, VERSIONS, isUniqueViolation, json, ms } from './tables';
import type { ProfileEntry, StoredProfile } from './profiles';

export type Source = { kind: 'partner' | 'desktop'; partnerId: number; name: string };
export type StatementScale = { scale: string; score: number; raw: number; min: number; max: number };
export type StatementInput = {
  id: string;
  person: { key: string; userId: number; childId: number | null };
  source: Source;
  object: { test: string; name: Text };
  scales: StatementScale[];
  timestamp: Date;
};

const COMPLETED = 'http://adlnet.gov/expapi/verbs/completed';
const SCALES_EXTENSION = 'https://qabilet.kz/xapi/extensions/scales';
const SOURCE_EXTENSION = 'https://qabilet.kz/xapi/extensions/source';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const base = () => (process.env.PUBLIC_URL || 'http://localhost:1337').replace(/\/$/, '');

/** The scales a source may map its scores to: those of Qabilet's published tests, by key. */
export async function knownScales(strapi: Core.Strapi, knex: Knex = strapi.db.connection): Promise<Array<{ key: string; name: Text }>> {
  // Read through the caller's transaction when there is one (SQLite has a single connection).
  const rows: Array<{ kind: string; definition: string }> = await knex(VERSIONS)
    .where({ active: true })
    .whereNot({ kind: 'profession' })
    .orderBy('test_slug')
    .orderBy('number', 'desc')
    .select('kind', 'definition');
  const found = new Map<string, Text>();
  for (const row of rows)
    for (const s of json<{ scales: Array<{ key: string; name: Text }> }>(row.definition, { scales: [] }).scales)
      if (!found.has(s.key)) found.set(s.key, s.name);
  return [...found].map(([key, name]) => ({ key, name }));
}

type ResultListener = (personKey: string) => void;
const resultListeners: ResultListener[] = [];
/** Another plugin (the talent registry) hears of every new result — a finished attempt, a stored statement — once it is committed. */
export const onResult = (listener: ResultListener) => void resultListeners.push(listener);
export function resultRecorded(personKey: string): void {
  for (const listener of resultListeners) listener(personKey);
}

function statementOf(input: StatementInput, stored: Date) {
  const mean = input.scales.length ? input.scales.reduce((sum, s) => sum + s.score, 0) / input.scales.length : 0;
  return {
    id: input.id,
    actor: { objectType: 'Agent', account: { homePage: base(), name: input.person.key } },
    verb: { id: COMPLETED, display: { en: 'completed', ru: 'завершил', kk: 'аяқтады' } },
    object: {
      objectType: 'Activity',
      id: `${base()}/xapi/activities/${input.source.kind}/${input.source.partnerId}/${input.object.test}`,
      definition: { name: input.object.name },
    },
    result: { completion: true, score: { scaled: Math.round(mean) / 100 }, extensions: { [SCALES_EXTENSION]: input.scales } },
    context: { platform: input.source.name, extensions: { [SOURCE_EXTENSION]: { kind: input.source.kind, id: input.source.partnerId } } },
    timestamp: input.timestamp.toISOString(),
    stored: stored.toISOString(),
  };
}

/**
 * Stores the statement once (a second one with its id changes nothing) and projects its scales onto
 * the profile: a scale takes the result unless the profile holds a newer one.
 */
export async function recordStatement(strapi: Core.Strapi, input: StatementInput, trx?: Knex.Transaction): Promise<{ stored: boolean; id: string }> {
  if (!UUID.test(input.id)) throw new Error('A statement id is a lower-case UUID');
  if (!trx) return strapi.db.connection.transaction((t) => recordStatement(strapi, input, t));
  const now = new Date();
  if (await trx(STATEMENTS).where({ id: input.id }).first('id')) return { stored: false, id: input.id };
  try {
    // A savepoint, so that a racing duplicate leaves the caller's transaction usable on PostgreSQL.
    await trx.transaction(async (sp) => {
      await sp(STATEMENTS).insert({
        id: input.id,
        person_key: input.person.key,
        user_id: input.person.userId,
        child_id: input.person.childId,
        source_kind: input.source.kind,
        source_id: input.source.partnerId,
        source_name: input.source.name.slice(0, 120),
        test_key: input.object.test,
        statement: JSON.stringify(statementOf(input, now)),
        timestamp: input.timestamp.getTime(),
        stored_at: now.getTime(),
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { stored: false, id: input.id };
    throw error;
  }
  await project(strapi, trx, input, now);
  trx.executionPromise.then(
    () => resultRecorded(input.person.key),
    () => undefined,
  );
  return { stored: true, id: input.id };
}

async function project(strapi: Core.Strapi, trx: Knex.Transaction, input: StatementInput, now: Date): Promise<void> {
  // The row exists before it is locked, so that two first results for one person take turns on it
  // (PostgreSQL locks no row that is not there yet).
  await trx(PROFILES)
    .insert({ person_key: input.person.key, user_id: input.person.userId, child_id: input.person.childId, scales: '{}', updated_at: now.getTime() })
    .onConflict('person_key')
    .ignore();
  const q = trx(PROFILES).where({ person_key: input.person.key });
  const row = await (strapi.db.dialect.client === 'postgres' ? q.forUpdate() : q).first();
  const scales: StoredProfile = json<StoredProfile>(row?.scales, {});
  const names = new Map((await knownScales(strapi, trx)).map((s) => [s.key, s.name]));
  const at = input.timestamp.getTime();
  let changed = false;
  for (const s of input.scales) {
    const held = scales[s.scale];
    if (held && held.finishedAt > at) continue;
    const entry: ProfileEntry = {
      score: s.score,
      attemptId: null,
      statementId: input.id,
      finishedAt: at,
      test: input.object.test,
      name: names.get(s.scale) ?? { kk: s.scale, ru: s.scale, en: s.scale },
      source: { kind: input.source.kind, name: input.source.name },
    };
    scales[s.scale] = entry;
    changed = true;
  }
  if (changed)
    await trx(PROFILES)
      .where({ person_key: input.person.key })
      .update({ scales: JSON.stringify(scales), updated_at: now.getTime() });
}

type StatementRow = {
  id: string;
  person_key: string;
  source_kind: 'partner' | 'desktop';
  source_name: string;
  test_key: string;
  statement: string;
  timestamp: unknown;
};

function scalesOf(row: StatementRow): StatementScale[] {
  const s = json<ReturnType<typeof statementOf>>(row.statement, {} as ReturnType<typeof statementOf>);
  return (s.result?.extensions?.[SCALES_EXTENSION] as StatementScale[] | undefined) ?? [];
}

/** A statement as the registry of talents reads it: whose, from which source and test, when (epoch ms) and its scales. */
export type StatementResult = {
  id: string;
  personKey: string;
  sourceKind: 'partner' | 'desktop';
  sourceName: string;
  test: string;
  at: number;
  scales: StatementScale[];
};

/** The people's external results stored since an instant (epoch ms), each with its scales. */
export async function statementsSince(strapi: Core.Strapi, personKeys: string[], since: number): Promise<StatementResult[]> {
  if (!personKeys.length) return [];
  const rows: StatementRow[] = await strapi.db
    .connection(STATEMENTS)
    .whereIn('person_key', personKeys)
    .where('timestamp', '>=', since)
    .select('id', 'person_key', 'source_kind', 'source_name', 'test_key', 'timestamp', 'statement');
  return rows.map((row) => ({
    id: row.id,
    personKey: row.person_key,
    sourceKind: row.source_kind,
    sourceName: row.source_name,
    test: row.test_key,
    at: ms(row.timestamp)!,
    scales: scalesOf(row),
  }));
}

/** A person's external results, latest first, in the reader's language. */
export async function statementsOf(strapi: Core.Strapi, personKey: string, language: Language, limit = 100) {
  const rows: StatementRow[] = await strapi.db.connection(STATEMENTS).where({ person_key: personKey }).orderBy('timestamp', 'desc').limit(limit);
  const names = new Map((await knownScales(strapi)).map((s) => [s.key, s.name]));
  return rows.map((row) => statementView(row, language, names));
}

export async function statementById(strapi: Core.Strapi, personKey: string, id: string, language: Language) {
  if (!UUID.test(id)) return undefined;
  const row: StatementRow | undefined = await strapi.db.connection(STATEMENTS).where({ id, person_key: personKey }).first();
  if (!row) return undefined;
  return statementView(row, language, new Map((await knownScales(strapi)).map((s) => [s.key, s.name])));
}

function statementView(row: StatementRow, language: Language, names: Map<string, Text>): StatementView {
  const s = json<ReturnType<typeof statementOf>>(row.statement, {} as ReturnType<typeof statementOf>);
  return {
    id: row.id,
    test: { key: row.test_key, title: s.object?.definition?.name?.[language] ?? row.test_key },
    source: { kind: row.source_kind, name: row.source_name },
    finishedAt: new Date(ms(row.timestamp)!).toISOString(),
    scales: scalesOf(row).map((x) => ({ scale: x.scale, name: names.get(x.scale)?.[language] ?? x.scale, score: x.score, level: levelOf(x.score) })),
  };
}
