/**
 * The checks of what staff send about talents: new rules over the current ones, and the registry's
 * filters — each field on its own, so that every problem is named beside its field.
 */
import type { FieldProblem } from './registry.ts';
import { AGE_GROUPS, type AgeGroup } from './statistics.ts';
import { TALENT_DOMAIN, TALENT_ENTRY_STATUSES, TALENT_TRENDS, type TalentEntryStatus, type TalentRules, type TalentTrend } from './talent.ts';

export const TALENT_RULE_KEYS = ['threshold', 'thresholds', 'minAnsweredShare', 'acceptUnnormed', 'windowMonths', 'confirmGapDays'] as const;

const wholeIn = (v: unknown, min: number, max: number) => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** New rules from an admin's input over the current ones: every given field checked on its own. */
export function checkTalentRules(input: unknown, current: TalentRules): { rules: TalentRules | null; problems: FieldProblem[] } {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return { rules: null, problems: [{ field: 'body', code: 'body.notObject' }] };
  const body = input as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(body)
    .filter((k) => !(TALENT_RULE_KEYS as readonly string[]).includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' }));
  const rules: TalentRules = { ...current, thresholds: { ...current.thresholds } };
  const has = (k: string) => body[k] !== undefined;
  if (has('threshold')) {
    if (wholeIn(body.threshold, 50, 100)) rules.threshold = body.threshold as number;
    else problems.push({ field: 'threshold', code: 'rules.threshold' });
  }
  if (has('thresholds')) {
    const t = body.thresholds;
    if (!t || typeof t !== 'object' || Array.isArray(t) || Object.keys(t).length > 100) problems.push({ field: 'thresholds', code: 'rules.thresholds' });
    else {
      rules.thresholds = {};
      for (const [domain, value] of Object.entries(t)) {
        if (!TALENT_DOMAIN.test(domain) || domain.length > 90) problems.push({ field: `thresholds.${domain.slice(0, 90)}`, code: 'rules.domain' });
        else if (!wholeIn(value, 50, 100)) problems.push({ field: `thresholds.${domain}`, code: 'rules.threshold' });
        else rules.thresholds[domain] = value as number;
      }
    }
  }
  if (has('minAnsweredShare')) {
    const v = body.minAnsweredShare;
    if (typeof v === 'number' && Number.isFinite(v) && v >= 0.5 && v <= 1) rules.minAnsweredShare = Math.round(v * 100) / 100;
    else problems.push({ field: 'minAnsweredShare', code: 'rules.minAnsweredShare' });
  }
  if (has('acceptUnnormed')) {
    if (typeof body.acceptUnnormed === 'boolean') rules.acceptUnnormed = body.acceptUnnormed;
    else problems.push({ field: 'acceptUnnormed', code: 'rules.acceptUnnormed' });
  }
  if (has('windowMonths')) {
    if (wholeIn(body.windowMonths, 1, 120)) rules.windowMonths = body.windowMonths as number;
    else problems.push({ field: 'windowMonths', code: 'rules.windowMonths' });
  }
  if (has('confirmGapDays')) {
    if (wholeIn(body.confirmGapDays, 0, 365)) rules.confirmGapDays = body.confirmGapDays as number;
    else problems.push({ field: 'confirmGapDays', code: 'rules.confirmGapDays' });
  }
  return problems.length ? { rules: null, problems } : { rules, problems };
}

export type TalentFilters = {
  domain?: string[];
  status?: TalentEntryStatus[];
  region?: string[];
  ageGroup?: AgeGroup[];
  strengthMin?: number;
  trend?: TalentTrend[];
};

/** The registry of talents' filters from a query string (several values comma-separated); empty means "any". */
export function checkTalentFilters(query: Record<string, unknown>): { filters: TalentFilters; problems: FieldProblem[] } {
  const filters: TalentFilters = {};
  const problems: FieldProblem[] = [];
  const listOf = (v: unknown, ok: (s: string) => boolean) => {
    const items = typeof v === 'string' ? v.split(',').filter(Boolean) : [];
    return items.length && items.length <= 40 && items.every(ok) ? items : null;
  };
  const lists: Array<[keyof TalentFilters, (s: string) => boolean]> = [
    ['domain', (s) => TALENT_DOMAIN.test(s) && s.length <= 90],
    ['status', (s) => (TALENT_ENTRY_STATUSES as readonly string[]).includes(s)],
    ['region', (s) => /^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/.test(s)],
    ['ageGroup', (s) => (AGE_GROUPS as readonly string[]).includes(s)],
    ['trend', (s) => (TALENT_TRENDS as readonly string[]).includes(s)],
  ];
  for (const [key, ok] of lists) {
    if (query[key] === undefined || query[key] === '') continue;
    const items = listOf(query[key], ok);
    if (items) (filters as Record<string, unknown>)[key] = items;
    else problems.push({ field: key, code: `talents.filter.${key}` });
  }
  if (query.strengthMin !== undefined && query.strengthMin !== '') {
    if (typeof query.strengthMin === 'string' && /^\d{1,3}$/.test(query.strengthMin) && Number(query.strengthMin) <= 100)
      filters.strengthMin = Number(query.strengthMin);
    else problems.push({ field: 'strengthMin', code: 'talents.filter.strengthMin' });
  }
  return { filters, problems };
}
