/** Reading raw rows the same on SQLite and PostgreSQL. */

/** An instant stored as milliseconds: PostgreSQL answers bigint columns as strings. */
export const ms = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** A JSON column: PostgreSQL answers it parsed, SQLite as text. */
export const json = <T>(v: unknown, fallback: T): T => (v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
