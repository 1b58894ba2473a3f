/** Whether a database error is a broken uniqueness (primary key or unique index), on SQLite or PostgreSQL. */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return e?.code === '23505' || /^SQLITE_CONSTRAINT_(PRIMARYKEY|UNIQUE)$/.test(e?.code ?? '') || /UNIQUE constraint failed/.test(e?.message ?? '');
}
