/**
 * The column mapping a centre saves once (`config.columns`): which header of its export holds the
 * person's phone, e-mail or booking reference, the test and when it was taken, while each test's
 * scales name the headers of their scores (`scales[].from`). Pure: checks a mapping, checks a
 * file's header against it, and turns a file's record into the row the push API takes.
 */
import type { DesktopColumns, PartnerTest } from './store';
import type { Problem } from './errors';
import type { Cell, TableRecord } from './desktop-parse';

export const COLUMN_FIELDS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt'] as const;
type ColumnField = (typeof COLUMN_FIELDS)[number];

export type Mapping = { ok: true; columns: DesktopColumns } | { ok: false; problems: Problem[] };

/** A mapping checked field by field (`columns.takenAt`, …). */
export function checkColumns(input: unknown, tests: PartnerTest[]): Mapping {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { ok: false, problems: [{ field: 'columns', code: 'desktop.columns' }] };
  const given = input as Record<string, unknown>;
  const problems: Problem[] = Object.keys(given)
    .filter((k) => !(COLUMN_FIELDS as readonly string[]).includes(k))
    .map((k) => ({ field: `columns.${k}`, code: 'field.notAllowed' as const }));
  const columns: Partial<Record<ColumnField, string>> = {};
  for (const field of COLUMN_FIELDS) {
    const v = given[field];
    if (v === undefined || v === null || v === '') continue;
    if (typeof v !== 'string' || !v.trim() || v.trim().length > 100)
      problems.push({ field: `columns.${field}`, code: 'desktop.columnName', values: { max: 100 } });
    else columns[field] = v.trim();
  }
  if (!columns.takenAt && !problems.some((p) => p.field === 'columns.takenAt')) problems.push({ field: 'columns.takenAt', code: 'desktop.columnRequired' });
  if (!columns.phone && !columns.email && !columns.bookingRef) problems.push({ field: 'columns.phone', code: 'desktop.columnIdentifier' });
  if (tests.length > 1 && !columns.test) problems.push({ field: 'columns.test', code: 'desktop.columnTest' });
  const scoreColumns = new Set(tests.flatMap((t) => t.scales.map((s) => s.from)));
  const seen = new Map<string, ColumnField>();
  for (const field of COLUMN_FIELDS) {
    const name = columns[field];
    if (!name) continue;
    if (seen.has(name) || scoreColumns.has(name)) problems.push({ field: `columns.${field}`, code: 'desktop.columnTwice', values: { column: name } });
    seen.set(name, field);
  }
  return problems.length ? { ok: false, problems } : { ok: true, columns: columns as DesktopColumns };
}

/**
 * The mapped columns a file's header lacks: every column of the mapping, and the score columns of
 * at least one test (a file may hold one test's results only).
 */
export function missingColumns(header: string[], columns: DesktopColumns, tests: PartnerTest[]): Problem[] {
  const has = new Set(header);
  const problems: Problem[] = COLUMN_FIELDS.filter((f) => columns[f] && !has.has(columns[f]!)).map((f) => ({
    field: `columns.${f}`,
    code: 'import.columnMissing' as const,
    values: { column: columns[f]! },
  }));
  const gaps = tests.map((t, i) => t.scales.map((s, j) => ({ i, j, column: s.from })).filter((s) => !has.has(s.column)));
  if (gaps.length && !gaps.some((g) => g.length === 0)) {
    const fewest = gaps.reduce((a, b) => (b.length < a.length ? b : a));
    for (const g of fewest) problems.push({ field: `tests.${g.i}.scales.${g.j}.from`, code: 'import.columnMissing', values: { column: g.column } });
  }
  return problems;
}

const present = (c: Cell | undefined) => (c === null || c === undefined ? undefined : c);

/** A file's record as a pushed row: the mapped values, and the scores of the row's test. */
export function rowOfRecord(record: TableRecord, columns: DesktopColumns, tests: PartnerTest[]): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const field of COLUMN_FIELDS) {
    const value = columns[field] ? present(record.cells[columns[field]!]) : undefined;
    if (value !== undefined) row[field] = value;
  }
  const key = typeof row.test === 'string' || typeof row.test === 'number' ? String(row.test).trim().toLowerCase() : undefined;
  const test = key === undefined ? (tests.length === 1 ? tests[0] : undefined) : tests.find((t) => t.key === key);
  if (test) {
    const scores: Record<string, unknown> = {};
    for (const s of test.scales) {
      const value = present(record.cells[s.from]);
      if (value !== undefined) scores[s.from] = value;
    }
    if (Object.keys(scores).length) row.scores = scores;
  }
  return row;
}
