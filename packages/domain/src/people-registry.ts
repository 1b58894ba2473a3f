/**
 * The registry of users' rules (R-REG-1): what the list of people can be filtered by, checked
 * field by field, and the age groups as ranges of birth dates on a given day (ages are never
 * stored: they change every day).
 */
import { AGE_GROUPS, type AgeGroup } from './statistics.ts';
import { EDUCATION, USER_TYPES, type UserType } from './person.ts';
import { PERSON_KINDS, type FieldProblem, type PersonKind } from './registry.ts';
import { isLocalDate } from './time.ts';

/** What a person has used of Qabilet (the user card's "activated options"). */
export const PERSON_SERVICES = ['request', 'booking', 'test', 'partner', 'desktop', 'waitlist'] as const;
export type PersonService = (typeof PERSON_SERVICES)[number];
export const CONSENT_STATES = ['given', 'pending', 'none'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
export const TALENT_STATUSES = ['none', 'candidate', 'confirmed'] as const;
export type TalentStatus = (typeof TALENT_STATUSES)[number];

export type PeopleFilters = {
  q?: string;
  kind?: PersonKind[];
  region?: string[];
  locality?: string;
  ageGroup?: AgeGroup[];
  education?: string[];
  userType?: UserType[];
  consent?: ConsentState[];
  service?: PersonService[];
  talent?: TalentStatus[];
  activeFrom?: string;
  activeTo?: string;
};

export const PEOPLE_FILTER_KEYS = [
  'q',
  'kind',
  'region',
  'locality',
  'ageGroup',
  'education',
  'userType',
  'consent',
  'service',
  'talent',
  'activeFrom',
  'activeTo',
] as const;

const REGION = /^[A-Z]{2,3}(-[A-Z0-9]{1,3})?$/;

function listOf(value: unknown, allowed?: readonly string[], pattern?: RegExp): string[] | null {
  if (typeof value !== 'string') return null;
  const items = [
    ...new Set(
      value
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean),
    ),
  ];
  if (!items.length || items.length > 40) return null;
  return items.every((v) => (allowed ? allowed.includes(v) : pattern!.test(v))) ? items : null;
}

/** The filters from a query string; empty values mean "any". */
export function checkPeopleFilters(query: Record<string, unknown>): { filters: PeopleFilters; problems: FieldProblem[] } {
  const filters: PeopleFilters = {};
  const problems: FieldProblem[] = [];
  const given = (k: string) => query[k] !== undefined && query[k] !== '';
  const lists: Array<[keyof PeopleFilters, readonly string[] | RegExp]> = [
    ['kind', PERSON_KINDS],
    ['region', REGION],
    ['ageGroup', AGE_GROUPS],
    ['education', EDUCATION],
    ['userType', USER_TYPES],
    ['consent', CONSENT_STATES],
    ['service', PERSON_SERVICES],
    ['talent', TALENT_STATUSES],
  ];
  for (const [key, allowed] of lists) {
    if (!given(key)) continue;
    const items = allowed instanceof RegExp ? listOf(query[key], undefined, allowed) : listOf(query[key], allowed);
    if (items) (filters as Record<string, unknown>)[key] = items;
    else problems.push({ field: key, code: `filter.${key}` });
  }
  if (given('q')) {
    if (typeof query.q !== 'string' || query.q.length > 120) problems.push({ field: 'q', code: 'filter.q' });
    else filters.q = query.q;
  }
  if (given('locality')) {
    if (typeof query.locality !== 'string' || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(query.locality) || query.locality.length > 80)
      problems.push({ field: 'locality', code: 'filter.locality' });
    else filters.locality = query.locality;
  }
  for (const key of ['activeFrom', 'activeTo'] as const) {
    if (!given(key)) continue;
    if (isLocalDate(query[key])) filters[key] = query[key] as string;
    else problems.push({ field: key, code: 'date.malformed' });
  }
  if (filters.activeFrom && filters.activeTo && filters.activeTo < filters.activeFrom) problems.push({ field: 'activeTo', code: 'range.order' });
  return { filters, problems };
}

const AGE_RANGES: Record<AgeGroup, [number, number]> = {
  'age-6-11': [6, 11],
  'age-12-15': [12, 15],
  'age-16-18': [16, 18],
  'age-19-29': [19, 29],
  'age-30-plus': [30, 150],
};

const shiftYears = (day: string, years: number) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const year = y - years;
  // 29 February in a year without it: the last day of February.
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/**
 * The birth dates of the people in an age group on `today` (YYYY-MM-DD): born after the day they
 * would have turned `to + 1`, and no later than the day they turned `from`.
 */
export function birthDatesOf(group: AgeGroup, today: string): { from: string; to: string } {
  const [from, to] = AGE_RANGES[group];
  return { from: dayAfter(shiftYears(today, to + 1)), to: shiftYears(today, from) };
}
