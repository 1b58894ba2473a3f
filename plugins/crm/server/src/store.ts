/**
 * Reading and writing requests. Writes go through Strapi's query engine (document ids, timestamps,
 * the transaction of the caller); lists are read with plain SQL on `crm_requests` so that the
 * registry's filters meet its indexes (tables.ts) without joins.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { kzInstant, addDays, type RegistryFilters, type RequestStatus } from '@qabilet/domain';
import { REQUESTS } from './tables';
import { applyScope, type Scope } from './scope';

export const REQUEST = 'plugin::crm.request';

/** The CMS's audit log (who viewed, exported or changed people's data: ids and counts only). */
export { audit } from '@qabilet/plugin-kit/server';

export type Actor = { kind: 'user' | 'staff' | 'system' | 'call'; id?: number };
export type HistoryEntry = { at: string; by: Actor; action: string; changes?: Record<string, unknown>; note?: string };

/** A request as stored (snake_case columns, as plain SQL reads them). */
export type RequestRow = {
  id: number;
  document_id: string;
  source: string;
  status: RequestStatus;
  service: string;
  format: string;
  person_kind: 'user' | 'child' | 'lead';
  user_id: number | null;
  child_id: number | null;
  lead_name: string | null;
  phone: string | null;
  region: string | null;
  centre: string | null;
  specialist_id: number | null;
  booking_id: number | null;
  call_id: string | null;
  line: string | null;
  called_at: Date | string | number | null;
  operator_id: number | null;
  language: string | null;
  wish: string | null;
  outcome: string | null;
  consent: unknown;
  history: unknown;
  created_at: Date | string | number;
};

const json = <T>(v: unknown, fallback: T): T => (typeof v === 'string' ? (JSON.parse(v) as T) : ((v as T) ?? fallback));
export const historyOf = (row: RequestRow): HistoryEntry[] => json<HistoryEntry[]>(row.history, []);

export const entry = (now: Date, by: Actor, action: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: now.toISOString(),
  by,
  action,
  ...extra,
});

/** The columns a list needs (not the history, which can grow long). */
const LIST_COLUMNS = [
  'id',
  'document_id',
  'source',
  'status',
  'service',
  'format',
  'person_kind',
  'user_id',
  'child_id',
  'lead_name',
  'phone',
  'region',
  'centre',
  'specialist_id',
  'booking_id',
  'call_id',
  'wish',
  'outcome',
  'created_at',
];

/** Applies the registry's filters; `userIds` are the registered people whose phone matched the phone filter. */
export function applyFilters(q: Knex.QueryBuilder, f: RegistryFilters, userIds: number[] = []): Knex.QueryBuilder {
  if (f.status) q.whereIn('status', f.status);
  if (f.source) q.whereIn('source', f.source);
  if (f.service) q.whereIn('service', f.service);
  if (f.format) q.whereIn('format', f.format);
  if (f.centre) q.whereIn('centre', f.centre);
  if (f.specialist) q.whereIn('specialist_id', f.specialist);
  if (f.from) q.where('created_at', '>=', kzInstant(f.from, 0));
  if (f.to) q.where('created_at', '<', kzInstant(addDays(f.to, 1), 0));
  if (f.phone) q.where((w) => (userIds.length ? w.where('phone', f.phone!).orWhereIn('user_id', userIds) : w.where('phone', f.phone!)));
  return q;
}

export async function userIdsByPhone(strapi: Core.Strapi, phone: string | undefined): Promise<number[]> {
  if (!phone) return [];
  const rows = await strapi.db.connection('up_users').select('id').where({ phone }).limit(50);
  return rows.map((r: { id: number }) => r.id);
}

export async function listRows(
  strapi: Core.Strapi,
  scope: Scope,
  f: RegistryFilters,
  page: number,
  pageSize: number,
): Promise<{ rows: RequestRow[]; total: number }> {
  const userIds = await userIdsByPhone(strapi, f.phone);
  const base = () => applyFilters(applyScope(strapi.db.connection(REQUESTS), scope), f, userIds);
  const [rows, counted] = await Promise.all([
    base()
      .select(LIST_COLUMNS)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    base().count({ n: '*' }).first(),
  ]);
  return { rows, total: Number((counted as { n: number | string } | undefined)?.n ?? 0) };
}

/** Every row of a filtered list, up to `max + 1` (so that the caller can tell "too many"). */
export async function allRows(strapi: Core.Strapi, scope: Scope, f: RegistryFilters, max: number): Promise<RequestRow[]> {
  const userIds = await userIdsByPhone(strapi, f.phone);
  return applyFilters(applyScope(strapi.db.connection(REQUESTS), scope), f, userIds)
    .select(LIST_COLUMNS)
    .orderBy([
      { column: 'created_at', order: 'desc' },
      { column: 'id', order: 'desc' },
    ])
    .limit(max + 1);
}

/** Plain SQL in the caller's transaction when there is one (a booking's change), else on the pool. */
export function sql<T>(strapi: Core.Strapi, run: (knex: Knex) => Promise<T>): Promise<T> {
  return strapi.db.inTransaction()
    ? (strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => run(trx)) as unknown as Promise<T>)
    : run(strapi.db.connection);
}

export async function rowBy(strapi: Core.Strapi, where: Record<string, unknown>): Promise<RequestRow | undefined> {
  return sql(strapi, (knex) => knex(REQUESTS).where(where).first());
}

export const isDocumentId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9]{10,40}$/.test(id);

/** Data of a new request, camelCase as Strapi's query engine takes it. */
export type NewRequest = {
  source: string;
  status: RequestStatus;
  service: string;
  format: string;
  personKind: string;
  userId?: number | null;
  childId?: number | null;
  leadName?: string | null;
  phone?: string | null;
  region?: string | null;
  centre?: string | null;
  specialistId?: number | null;
  bookingId?: number | null;
  callId?: string | null;
  line?: string | null;
  calledAt?: string | null;
  operatorId?: number | null;
  language?: string | null;
  wish?: string | null;
  consent?: unknown;
  history: HistoryEntry[];
  isDemo?: boolean;
};

export async function insertRequest(strapi: Core.Strapi, data: NewRequest): Promise<RequestRow> {
  const created = await strapi.db.query(REQUEST).create({ data });
  return (await rowBy(strapi, { id: created.id }))!;
}

/**
 * Changes a request and adds `entry` to its history, if it still has the status it was read with:
 * of two staff members acting at once, one wins and the other is told it moved.
 */
export async function updateRequest(strapi: Core.Strapi, row: RequestRow, data: Record<string, unknown>, add: HistoryEntry): Promise<boolean> {
  const updated = await strapi.db.query(REQUEST).update({ where: { id: row.id, status: row.status }, data: { ...data, history: [...historyOf(row), add] } });
  return !!updated;
}
