/**
 * The applications registry's rules (R-BOOK-2, R-NFR-7, R-NFR-8): what a consultation request can
 * be, how its status follows its booking, the registry's filters, the export's columns and cells,
 * and the call-centre webhook's lines and IVR choices.
 */
import { FORMATS, type Format } from './schedule.ts';
import { SERVICES, type Service } from './slots.ts';
import { isLocalDate } from './time.ts';
import { LANGUAGES, type Language } from './language.ts';
import type { BookingStatus } from './slots.ts';

export const REQUEST_STATUSES = ['open', 'booked', 'confirmed', 'completed', 'cancelled', 'no_show', 'no_answer'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_SOURCES = ['site', 'call_centre', 'staff'] as const;
export type RequestSource = (typeof REQUEST_SOURCES)[number];
export const PERSON_KINDS = ['user', 'child', 'lead'] as const;
export type PersonKind = (typeof PERSON_KINDS)[number];

/** Statuses after which nothing more happens to a request. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['completed', 'cancelled', 'no_show', 'no_answer'];
export const isClosed = (status: RequestStatus) => CLOSED_STATUSES.includes(status);

/** A request's status from its booking's. */
export function statusOfBooking(status: BookingStatus): RequestStatus {
  return status === 'requested' ? 'booked' : status;
}

/** How staff may close a request by hand, from where it is now. */
export const CLOSINGS = ['completed', 'no_show', 'no_answer', 'cancelled'] as const;
export type Closing = (typeof CLOSINGS)[number];

/**
 * `no_answer` is for a request nobody could reach (no slot yet); `completed` and `no_show` for one
 * whose consultation was held or missed (it has a booking); anything open may be cancelled.
 */
export function mayClose(status: RequestStatus, to: Closing, hasBooking: boolean): boolean {
  if (isClosed(status)) return false;
  if (to === 'no_answer') return status === 'open';
  if (to === 'completed' || to === 'no_show') return hasBooking && status === 'confirmed';
  return true;
}

export type FieldProblem = { field: string; code: string; values?: Record<string, string | number> };

export type RegistryFilters = {
  status?: RequestStatus[];
  source?: RequestSource[];
  service?: Service[];
  format?: Format[];
  centre?: string[];
  specialist?: number[];
  from?: string;
  to?: string;
  phone?: string;
};

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function listOf<T extends string>(value: unknown, allowed: readonly T[]): T[] | null {
  if (typeof value !== 'string') return null;
  const items = value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  return items.length && items.every((v) => (allowed as readonly string[]).includes(v)) ? (items as T[]) : null;
}

/**
 * The registry's filters from a query string, field by field. Empty values mean "any". The phone
 * filter is checked and normalised by the caller (it needs the mobile rules).
 */
export function checkRegistryFilters(query: Record<string, unknown>): { filters: RegistryFilters; problems: FieldProblem[] } {
  const filters: RegistryFilters = {};
  const problems: FieldProblem[] = [];
  const given = (k: string) => query[k] !== undefined && query[k] !== '';
  const enumerated = [
    ['status', REQUEST_STATUSES],
    ['source', REQUEST_SOURCES],
    ['service', SERVICES],
    ['format', FORMATS],
  ] as const;
  for (const [key, allowed] of enumerated) {
    if (!given(key)) continue;
    const items = listOf(query[key], allowed as readonly string[]);
    if (items) (filters as Record<string, unknown>)[key] = items;
    else problems.push({ field: key, code: `filter.${key}` });
  }
  if (given('centre')) {
    const items = typeof query.centre === 'string' ? query.centre.split(',').filter(Boolean) : [];
    if (items.length && items.every((c) => SLUG.test(c) && c.length <= 80)) filters.centre = items;
    else problems.push({ field: 'centre', code: 'filter.centre' });
  }
  if (given('specialist')) {
    const items = typeof query.specialist === 'string' ? query.specialist.split(',').map(Number) : [];
    if (items.length && items.every((n) => Number.isInteger(n) && n > 0)) filters.specialist = items;
    else problems.push({ field: 'specialist', code: 'filter.specialist' });
  }
  for (const key of ['from', 'to'] as const) {
    if (!given(key)) continue;
    if (isLocalDate(query[key])) filters[key] = query[key] as string;
    else problems.push({ field: key, code: 'date.malformed' });
  }
  if (filters.from && filters.to && filters.to < filters.from) problems.push({ field: 'to', code: 'range.order' });
  if (given('phone')) filters.phone = String(query.phone);
  return { filters, problems };
}

/** Page and page size, 1-based; at most 100 rows a page. */
export function checkPage(query: Record<string, unknown>): { page: number; pageSize: number; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const page = query.page === undefined || query.page === '' ? 1 : Number(query.page);
  const pageSize = query.pageSize === undefined || query.pageSize === '' ? 25 : Number(query.pageSize);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) problems.push({ field: 'page', code: 'page.malformed' });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) problems.push({ field: 'pageSize', code: 'pageSize.malformed', values: { max: 100 } });
  return { page, pageSize, problems };
}

/** The registry number people read out on the phone. */
export const requestNumber = (id: number) => `Q-${String(id).padStart(6, '0')}`;

// ---------------------------------------------------------------- export

/** Every column an export template may name, in the default template's order. */
export const EXPORT_COLUMNS = [
  'number',
  'createdAt',
  'source',
  'status',
  'service',
  'format',
  'personKind',
  'personName',
  'phone',
  'region',
  'centre',
  'specialist',
  'bookingDate',
  'bookingTime',
  'wish',
  'outcome',
  'callId',
] as const;
export type ExportColumn = (typeof EXPORT_COLUMNS)[number];
export type TemplateColumn = { key: ExportColumn; header: Record<Language, string> };

/** Checks a template's `columns` as staff edit them in the admin: known keys, once each, headers in all three languages. */
export function checkTemplateColumns<Key extends string = ExportColumn>(
  value: unknown,
  columns: readonly Key[] = EXPORT_COLUMNS as readonly string[] as readonly Key[],
): { ok: true; value: Array<{ key: Key; header: Record<Language, string> }> } | { ok: false; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const EXPORT_COLUMNS = columns;
  if (!Array.isArray(value) || value.length === 0 || value.length > EXPORT_COLUMNS.length)
    return { ok: false, problems: [{ field: 'columns', code: 'template.columns' }] };
  const seen = new Set<string>();
  value.forEach((column: unknown, i) => {
    const c = column as { key?: unknown; header?: Record<string, unknown> } | null;
    if (!c || typeof c !== 'object' || !(EXPORT_COLUMNS as readonly unknown[]).includes(c.key))
      problems.push({ field: `columns.${i}.key`, code: 'template.key', values: { keys: EXPORT_COLUMNS.join(', ') } });
    else if (seen.has(String(c.key))) problems.push({ field: `columns.${i}.key`, code: 'template.repeated' });
    else seen.add(String(c.key));
    for (const l of LANGUAGES) {
      const h = c?.header?.[l];
      if (typeof h !== 'string' || !h.trim() || h.length > 80) problems.push({ field: `columns.${i}.header.${l}`, code: 'template.header' });
    }
  });
  return problems.length ? { ok: false, problems } : { ok: true, value: value as Array<{ key: Key; header: Record<Language, string> }> };
}

/**
 * A cell's text made safe for spreadsheets: text that a spreadsheet would read as a formula
 * (starting with =, +, -, @, or a tab or carriage return that hides one) gets a leading apostrophe,
 * which Excel and LibreOffice show as text (OWASP "CSV injection").
 */
export function neutralizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** One CSV line (RFC 4180): every cell neutralised, quoted when it must be. */
export function csvLine(cells: string[]): string {
  return cells
    .map((raw) => {
      const v = neutralizeCell(raw);
      return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
    })
    .join(',');
}

// ---------------------------------------------------------------- call-centre webhook

/** A Kazakhstan phone line (mobile or landline) in E.164, or undefined. */
export function normalizeKzLine(input: unknown): string | undefined {
  if (typeof input !== 'string' || !/^\+?[\d\s()\-.]{10,20}$/.test(input.trim())) return undefined;
  const digits = input.replace(/\D/g, '');
  if (digits.length === 11 && (digits.startsWith('7') || (digits.startsWith('8') && !input.trim().startsWith('+')))) return `+7${digits.slice(1)}`;
  if (digits.length === 10 && !input.trim().startsWith('+')) return `+7${digits}`;
  return undefined;
}

/** The IVR choice the telephony passes, as the service asked for. */
export const serviceOfIvr = (ivr: unknown): Service | undefined =>
  ivr === 'testing' || ivr === '2' ? 'testing' : ivr === 'consultation' || ivr === '1' ? 'consultation' : undefined;
