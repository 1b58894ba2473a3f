/** What every part's admin handlers share: the staff member, their rights and the page. */
import type { Context } from 'koa';
import type { AdminUser } from './scope';
import { invalid, type Problem } from './errors';

export const adminOf = (ctx: Context) => ctx.state.user as AdminUser;

/** Whether the staff member holds `plugin::talent.<action>` (the page adapts; every route checks again). */
export const can = (ctx: Context, action: string) =>
  !!(ctx.state as { userAbility?: { can(a: string): boolean } }).userAbility?.can(`plugin::talent.${action}`);

/** The page and page size of a list, field by field. */
export function pageOf(query: Record<string, unknown>, max: number): { page: number; pageSize: number; problems: Problem[] } {
  const problems: Problem[] = [];
  const whole = (v: unknown, d: number) => (v === undefined || v === '' ? d : typeof v === 'string' && /^\d{1,6}$/.test(v) ? Number(v) : NaN);
  const page = whole(query.page, 1);
  const pageSize = whole(query.pageSize, 20);
  if (!(page >= 1)) problems.push({ field: 'page', code: 'page.malformed' });
  if (!(pageSize >= 1 && pageSize <= max)) problems.push({ field: 'pageSize', code: 'pageSize.malformed', values: { max } });
  return { page, pageSize, problems };
}

/** Refuses query parameters a route does not know, each by name. */
export function knownOnly(query: Record<string, unknown>, known: readonly string[]): Problem[] {
  return Object.keys(query)
    .filter((k) => !known.includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' as const }));
}

export const refuse = (problems: Problem[]) => {
  if (problems.length) throw invalid(problems);
};
