/**
 * One result row of a centre's desktop test database, checked value by value (pure, no Strapi):
 * the dates people and spreadsheets write, scores with a decimal point or comma, phones as people
 * write them. A row that passes has a key: the same result sent twice, from a file or a push, has
 * the same key, and so does its statement id, which is how nothing is ever stored twice.
 */
import { keyedHash, uuidFrom } from './crypto';
import { KZ_OFFSET_MINUTES, normalizeKzMobile, parseOffset, wallClockInstant } from '@qabilet/domain';
import { scaled, type PartnerTest } from './store';
import type { Problem } from './errors';

export const ROW_FIELDS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt', 'scores'] as const;

export type ScoreValue = { from: string; scale: string; raw: number; score: number; min: number; max: number };
export type CheckedRow = {
  externalId: string | null;
  phone: string | null;
  email: string | null;
  bookingRef: string | null;
  test: PartnerTest;
  takenAt: Date;
  scores: ScoreValue[];
};
export type Checked = { ok: true; row: CheckedRow } | { ok: false; problems: Problem[] };

/** The values kept of a row (`data`): what staff need to review it; phone and e-mail only while queued. */
export type RowValues = {
  externalId: string | null;
  phone: string | null;
  email: string | null;
  bookingRef: string | null;
  test: string;
  takenAt: string;
  scores: Record<string, number>;
};

const EARLIEST = Date.UTC(2000, 0, 1) - KZ_OFFSET_MINUTES * 60_000;
/** A desktop PC's clock may run a little ahead of ours. */
const CLOCK_SKEW_MS = 10 * 60_000;
const DAY_MS = 86_400_000;
/** Excel's day 0 (1899-12-30, which absorbs its 1900 leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

const blank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined);

/**
 * A wall-clock time (Kazakhstan's unless an offset is written), or undefined when no such day, time
 * or offset exists: the domain's strict calendar, so 30 February is a refused row, never 2 March.
 */
const localInstant = (offsetMinutes: number | undefined, y: number, mo: number, d: number, h = 0, mi = 0, s = 0) =>
  offsetMinutes === undefined ? undefined : wallClockInstant(y, mo, d, h, mi, s, offsetMinutes);

// Looser than the API's date-times (a space for the T, no zone, `+0500`): people and spreadsheets write these.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:,? (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

const offsetOf = (zone: string | undefined): number | undefined => (zone ? parseOffset(zone, true) : KZ_OFFSET_MINUTES);

/** When the test was taken: an ISO or dotted date (Kazakhstan time unless an offset is given), a spreadsheet date or an Excel serial. */
export function parseTakenAt(value: unknown): Date | undefined {
  if (value instanceof Date) {
    // A spreadsheet date has no zone: its UTC fields are the wall clock of the centre.
    return Number.isNaN(value.getTime()) ? undefined : new Date(value.getTime() - KZ_OFFSET_MINUTES * 60_000);
  }
  if (typeof value === 'number' || (typeof value === 'string' && /^\d{5}(\.\d+)?$/.test(value.trim()))) {
    const serial = Number(value);
    // Excel's serial dates run from 1 (1900-01-01) to 2958465 (9999-12-31).
    if (!Number.isFinite(serial) || serial <= 0 || serial > 2958465) return undefined;
    return new Date(EXCEL_EPOCH + Math.round((serial * DAY_MS) / 1000) * 1000 - KZ_OFFSET_MINUTES * 60_000);
  }
  if (typeof value !== 'string') return undefined;
  const s = value.trim();
  const iso = ISO.exec(s);
  if (iso) {
    const [, y, mo, d, h, mi, sec, zone] = iso;
    return localInstant(offsetOf(zone), +y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0));
  }
  const dotted = DOTTED.exec(s);
  if (dotted) {
    const [, d, mo, y, h, mi, sec] = dotted;
    return localInstant(KZ_OFFSET_MINUTES, +y!, +mo!, +d!, +(h ?? 0), +(mi ?? 0), +(sec ?? 0));
  }
  return undefined;
}

/** A score as written: a number, or text with a decimal point or comma; undefined when it is not one. */
export function parseScore(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const s = value.replace(/[\s\u00a0]/g, '');
  return /^[+-]?\d+(?:[.,]\d+)?$/.test(s) ? Number(s.replace(',', '.')) : undefined;
}

export const normaliseEmail = (v: string) => v.trim().toLowerCase();
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type IdField = 'externalId' | 'phone' | 'email' | 'bookingRef';
const READERS: Record<IdField, (s: string) => string | undefined> = {
  externalId: (s) => (s.length <= 100 ? s : undefined),
  phone: (s) => {
    const p = normalizeKzMobile(s);
    return p.ok ? p.e164 : undefined;
  },
  email: (s) => (s.length <= 254 && EMAIL.test(s) ? normaliseEmail(s) : undefined),
  bookingRef: (s) => (/^[A-Za-z0-9_-]{1,64}$/.test(s) ? s : undefined),
};

/** One identifier as written, normalised: null when blank, undefined when it is not one. */
export function identifierOf(field: IdField, value: unknown): string | null | undefined {
  if (blank(value)) return null;
  const s = text(value);
  return s === undefined ? undefined : READERS[field](s);
}

function identifiers(raw: Record<string, unknown>, problems: Problem[]) {
  const read = (field: IdField): string | null => {
    const value = identifierOf(field, raw[field]);
    if (value === undefined) problems.push({ field, code: `row.${field}` });
    return value ?? null;
  };
  const ids = { externalId: read('externalId'), phone: read('phone'), email: read('email'), bookingRef: read('bookingRef') };
  if (blank(raw.phone) && blank(raw.email) && blank(raw.bookingRef)) problems.push({ code: 'row.noIdentifier' });
  return ids;
}

/** The row's test: named by its key, or the partner's only test when the row names none. */
export function testOf(value: unknown, tests: PartnerTest[]): { test?: PartnerTest; problem?: Problem } {
  if (blank(value)) return tests.length === 1 ? { test: tests[0] } : { problem: { field: 'test', code: 'row.testMissing' } };
  const key = text(value)?.toLowerCase();
  const test = tests.find((t) => t.key === key);
  return test ? { test } : { problem: { field: 'test', code: 'row.testUnknown' } };
}

function takenAtOf(value: unknown, now: Date, problems: Problem[]): Date | null {
  if (blank(value)) return (problems.push({ field: 'takenAt', code: 'row.dateMissing' }), null);
  const at = parseTakenAt(value);
  if (!at || Number.isNaN(at.getTime())) return (problems.push({ field: 'takenAt', code: 'row.dateFormat' }), null);
  else if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) problems.push({ field: 'takenAt', code: 'row.dateFuture' });
  else if (at.getTime() < EARLIEST) problems.push({ field: 'takenAt', code: 'row.dateOld' });
  else return at;
  return null;
}

function scoresOf(value: unknown, test: PartnerTest, problems: Problem[]): ScoreValue[] {
  if (blank(value)) return (problems.push({ field: 'scores', code: 'row.noScores' }), []);
  if (typeof value !== 'object' || Array.isArray(value)) return (problems.push({ field: 'scores', code: 'row.scores' }), []);
  const given = value as Record<string, unknown>;
  const known = new Set(test.scales.map((s) => s.from));
  for (const name of Object.keys(given)) if (!known.has(name)) problems.push({ field: `scores.${name}`, code: 'row.scoreUnknown' });
  const scores: ScoreValue[] = [];
  for (const map of test.scales) {
    if (blank(given[map.from])) continue;
    const raw = parseScore(given[map.from]);
    const score = raw === undefined ? null : scaled(map, raw);
    if (raw === undefined) problems.push({ field: `scores.${map.from}`, code: 'row.scoreFormat' });
    else if (score === null) problems.push({ field: `scores.${map.from}`, code: 'row.scoreRange', values: { min: map.min, max: map.max } });
    else scores.push({ from: map.from, scale: map.to, raw, score, min: map.min, max: map.max });
  }
  if (!scores.length && !problems.some((p) => p.field?.startsWith('scores'))) problems.push({ field: 'scores', code: 'row.noScores' });
  return scores;
}

/** Checks one row, every field at once so a centre fixes a row in one go. */
export function checkRow(raw: Record<string, unknown>, tests: PartnerTest[], now: Date): Checked {
  const problems: Problem[] = Object.keys(raw)
    .filter((k) => !(ROW_FIELDS as readonly string[]).includes(k))
    .map((k) => ({ field: k, code: 'field.notAllowed' as const }));
  const ids = identifiers(raw, problems);
  const { test, problem } = testOf(raw.test, tests);
  if (problem) problems.push(problem);
  const takenAt = takenAtOf(raw.takenAt, now, problems);
  const scores = test ? scoresOf(raw.scores, test, problems) : [];
  if (problems.length || !test || !takenAt) return { ok: false, problems };
  return { ok: true, row: { ...ids, test, takenAt, scores } };
}

/**
 * The row's key: its id in the desktop database when it has one, else its values. Keyed with the
 * deployment's secret, so that a key kept after the person is forgotten cannot be turned back into
 * their phone number by trying every number.
 */
export function rowKeyOf(row: CheckedRow): string {
  if (row.externalId) return keyedHash(`x:${row.externalId}`);
  const scores = [...row.scores].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0)).map((s) => [s.from, s.raw]);
  return keyedHash(`v:${JSON.stringify([row.test.key, row.takenAt.toISOString(), row.phone, row.email, row.bookingRef, scores])}`);
}

/** A UUID-shaped id from sha256(`partnerId:rowKey`): the same row always makes the same statement. */
export const statementIdOf = (partnerId: number, rowKey: string): string => uuidFrom(`${partnerId}:${rowKey}`);

export function valuesOf(row: CheckedRow, keepContacts: boolean): RowValues {
  return {
    externalId: row.externalId,
    phone: keepContacts ? row.phone : null,
    email: keepContacts ? row.email : null,
    bookingRef: row.bookingRef,
    test: row.test.key,
    takenAt: row.takenAt.toISOString(),
    scores: Object.fromEntries(row.scores.map((s) => [s.from, s.raw])),
  };
}
