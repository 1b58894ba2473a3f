/**
 * What the card reads of the records other parts of Qabilet own, here and nowhere else: the CRM's
 * requests (and their history), the booking plugin's bookings and waitlist, the assessment
 * plugin's attempts, test versions, statements from outside and specialists' notes (it registers
 * no service that reads them for staff), the CMS's centres, admin users' roles and audit log.
 * One person at a time, each read bounded; ids and fields only, never another person's rows.
 */
import type { Core } from '@strapi/strapi';
import { json, ms } from '@qabilet/plugin-kit/server';
import type { Language, Text } from '@qabilet/domain';
import type { PersonRow } from '../scope';
import { REQUESTS, ATTEMPTS, VERSIONS, STATEMENTS, NOTES, USER, CHILD, BOOKING, WAITLIST, AUDIT, SCALES_EXTENSION } from '../sources';

/** What the card lists of each kind: the latest so many. */
export const LIMIT = 100;

/** An instant as the databases answer it (epoch ms, a number string, a Date, an ISO string), as ISO. */
export function isoOf(v: unknown): string | null {
  if (v === null || v === undefined || v === '') return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || /^\d+$/.test(String(v))) return new Date(ms(v)!).toISOString();
  const t = Date.parse(String(v));
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

export type RequestRow = {
  id: number;
  document_id: string;
  created_at: unknown;
  status: string;
  service: string;
  format: string;
  centre: string | null;
  outcome: string | null;
  history: unknown;
};
export type HistoryLine = { at: string; by: { kind: 'user' | 'staff' | 'system' | 'call'; id?: number }; action: string };

/** The person's requests in the CRM, newest first. */
export async function requestsOf(strapi: Core.Strapi, person: PersonRow): Promise<RequestRow[]> {
  const where =
    person.kind === 'child'
      ? { person_kind: 'child', child_id: person.child_id }
      : person.kind === 'user'
        ? { person_kind: 'user', user_id: person.user_id }
        : { person_kind: 'lead', phone: person.phone };
  return strapi.db
    .connection(REQUESTS)
    .where(where)
    .orderBy('id', 'desc')
    .limit(LIMIT)
    .select('id', 'document_id', 'created_at', 'status', 'service', 'format', 'centre', 'outcome', 'history');
}

export const historyOf = (row: RequestRow) => json<HistoryLine[]>(row.history, []);

/** Whose bookings and waitlist places: a user's own (not their children's), or a child's. */
const owner = (person: PersonRow) =>
  person.kind === 'child' ? { child: { id: person.child_id } } : { user: { id: person.user_id }, child: { id: { $null: true } } };

/** The latest rows of a booking content type (bookings, waitlist places) the person owns. */
async function owned<T>(
  strapi: Core.Strapi,
  uid: typeof BOOKING | typeof WAITLIST,
  person: PersonRow,
  select: string[],
  orderBy: Record<string, 'desc'>,
): Promise<T[]> {
  if (person.kind === 'lead') return [];
  return (await strapi.db.query(uid).findMany({ where: owner(person), select, orderBy, limit: LIMIT })) as T[];
}

export type BookingRow = { documentId: string; start: string; status: string; service: string; format: string; centre: string };
export const bookingsOf = (strapi: Core.Strapi, person: PersonRow) =>
  owned<BookingRow>(strapi, BOOKING, person, ['documentId', 'start', 'status', 'service', 'format', 'centre'], { start: 'desc' });

export type WaitlistRow = { from: string; to: string; status: string; service: string; format: string; centre: string };
export const waitlistOf = (strapi: Core.Strapi, person: PersonRow) =>
  owned<WaitlistRow>(strapi, WAITLIST, person, ['from', 'to', 'status', 'service', 'format', 'centre'], { id: 'desc' });

type StoredScale = { scale: string; score: number; answered?: number };
export type AttemptRow = {
  id: number;
  test_slug: string;
  status: string;
  started_at: unknown;
  finished_at: unknown;
  scales: StoredScale[];
  title: Text | null;
  scaleNames: Map<string, Text>;
};

/** The person's attempts of Qabilet's tests, newest first, each with its version's title and scale names and, when finished, its scale scores. */
export async function attemptsOf(strapi: Core.Strapi, person: PersonRow): Promise<AttemptRow[]> {
  if (person.kind === 'lead') return [];
  const knex = strapi.db.connection;
  const rows = await knex(ATTEMPTS)
    .where({ person_key: person.person_key })
    .orderBy('started_at', 'desc')
    .limit(LIMIT)
    .select('id', 'version_id', 'test_slug', 'status', 'started_at', 'finished_at', 'result');
  const versionIds = [...new Set(rows.map((r: { version_id: number }) => r.version_id))];
  const versions = versionIds.length ? await knex(VERSIONS).whereIn('id', versionIds).select('id', 'definition') : [];
  type Definition = { title?: Text; scales?: Array<{ key: string; name: Text }> };
  const definitions = new Map<number, Definition>(versions.map((v: { id: number; definition: unknown }) => [v.id, json<Definition>(v.definition, {})]));
  return rows.map((r: { id: number; version_id: number; test_slug: string; status: string; started_at: unknown; finished_at: unknown; result: unknown }) => {
    const definition = definitions.get(r.version_id) ?? {};
    const scales = json<{ score?: { scales?: StoredScale[] } }>(r.result, {}).score?.scales ?? [];
    return {
      id: r.id,
      test_slug: r.test_slug,
      status: r.status,
      started_at: r.started_at,
      finished_at: r.finished_at,
      // A scale none of whose items was answered was not measured.
      scales: scales.filter((s) => s.answered === undefined || s.answered > 0),
      title: definition.title ?? null,
      scaleNames: new Map((definition.scales ?? []).map((s) => [s.key, s.name])),
    };
  });
}

export type StatementRow = {
  kind: 'partner' | 'desktop';
  sourceId: number;
  source: string;
  test: string;
  title: Text | null;
  at: unknown;
  scales: StoredScale[];
};

/** Results from outside Qabilet (partners' tests, the centres' desktop databases), newest first. */
export async function statementsOf(strapi: Core.Strapi, person: PersonRow): Promise<StatementRow[]> {
  if (person.kind === 'lead') return [];
  const rows = await strapi.db
    .connection(STATEMENTS)
    .where({ person_key: person.person_key })
    .orderBy('timestamp', 'desc')
    .limit(LIMIT)
    .select('source_kind', 'source_id', 'source_name', 'test_key', 'statement', 'timestamp');
  type Statement = { object?: { definition?: { name?: Text } }; result?: { extensions?: Record<string, StoredScale[]> } };
  return rows.map((r: { source_kind: string; source_id: number; source_name: string; test_key: string; statement: unknown; timestamp: unknown }) => {
    const s = json<Statement>(r.statement, {});
    return {
      kind: r.source_kind === 'desktop' ? 'desktop' : 'partner',
      sourceId: Number(r.source_id),
      source: r.source_name,
      test: r.test_key,
      title: s.object?.definition?.name ?? null,
      at: r.timestamp,
      scales: s.result?.extensions?.[SCALES_EXTENSION] ?? [],
    };
  });
}

export type NoteRow = { id: number; text: string; author_name: string; created_at: unknown; professions: unknown };
/** Specialists' written recommendations for the person (the person reads them in their profile too), newest first. */
export async function notesOf(strapi: Core.Strapi, person: PersonRow): Promise<NoteRow[]> {
  if (person.kind === 'lead') return [];
  return strapi.db
    .connection(NOTES)
    .where({ person_key: person.person_key })
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(LIMIT)
    .select('id', 'text', 'author_name', 'created_at', 'professions');
}

/** Names of centres and professions in the reader's language. */
export async function centreNames(strapi: Core.Strapi, language: Language): Promise<Map<string, string>> {
  const rows = await strapi.db.query('api::centre.centre').findMany({ where: { locale: language }, select: ['slug', 'name'] });
  return new Map(rows.map((c: { slug: string; name: string }) => [c.slug, c.name]));
}
export async function professionNames(strapi: Core.Strapi, language: Language): Promise<Map<string, string>> {
  const rows = await strapi.db.query('api::profession.profession').findMany({ where: { locale: language }, select: ['slug', 'name'] });
  return new Map(rows.map((p: { slug: string; name: string }) => [p.slug, p.name]));
}

export type AuditRow = { action: string; actorType: 'user' | 'admin' | 'system'; actorId: string | null; createdAt: unknown };
/** The audit log's lines whose subject is one of these (type, id) pairs, newest first. */
export async function auditOf(strapi: Core.Strapi, subjects: Array<{ type: string; id: string | number }>): Promise<AuditRow[]> {
  if (!subjects.length) return [];
  return (await strapi.db.query(AUDIT).findMany({
    where: { $or: subjects.map((s) => ({ subjectType: s.type, subjectId: String(s.id) })) },
    select: ['action', 'actorType', 'actorId', 'createdAt'],
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    limit: LIMIT * 2,
  })) as AuditRow[];
}

/** What the audit log names the person by: their account or child record, and the registry's id. */
export const personSubjects = (person: PersonRow) => [
  ...(person.kind === 'user' ? [{ type: USER, id: person.user_id as number }] : []),
  ...(person.kind === 'child' ? [{ type: CHILD, id: person.child_id as number }] : []),
  { type: PERSON_SUBJECT, id: person.id },
];
/** The audit log's subject type of a registry person (card views). */
export const PERSON_SUBJECT = 'plugin::talent.person';

/** The role (its code) of each staff member, by admin user id: what the history names them by. */
export async function staffRoles(strapi: Core.Strapi, ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const users = await strapi.db.query('admin::user').findMany({ where: { id: { $in: ids } }, select: ['id'], populate: { roles: { select: ['code'] } } });
  return new Map(users.map((u: { id: number; roles?: Array<{ code: string }> }) => [u.id, u.roles?.[0]?.code ?? 'staff']));
}
