/**
 * Whom a staff member sees in the registry, from their admin role and staff profile (the CRM's
 * scope, so that both registries agree), never from the request:
 * - a specialist: the people their centre served (a request or booking there, cancelled ones aside);
 * - a regional coordinator: the people living in their region or served by its centres;
 * - the project curator: everyone, read-only; a super admin: everyone;
 * - a call-centre operator: everyone, but only their name, phone and open requests (`limited`);
 * - anyone else (a content manager): no one — they have no permission on the plugin at all.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { CrmServices, Scope } from '@qabilet/strapi-plugin-crm/strapi-server';
import { TalentError } from './errors';

export type AdminUser = { id: number; firstname?: string; lastname?: string; roles?: Array<{ code: string }> };

export type TalentScope = {
  role: 'admin' | 'curator' | 'operator' | 'coordinator' | 'specialist';
  adminId: number;
  /** Everyone (admin, curator, operator). */
  all: boolean;
  /** Coordinator: their regions and the centres serving them. */
  regions: string[];
  centres: string[];
  /** Specialist: their centre. */
  centre: string | null;
  /** Curator: reads only. */
  readOnly: boolean;
  /** Operator: name, phone and open requests only. */
  limited: boolean;
};

export async function talentScope(strapi: Core.Strapi, user: AdminUser): Promise<TalentScope> {
  const s: Scope = await servicesOf<CrmServices>(strapi, 'crm')('scope').of(user);
  const base = { adminId: user.id, regions: [] as string[], centres: [] as string[], centre: null, readOnly: false, limited: false };
  switch (s.role) {
    case 'admin':
      return { ...base, role: 'admin', all: true };
    case 'curator':
      return { ...base, role: 'curator', all: true, readOnly: true };
    case 'operator':
      return { ...base, role: 'operator', all: true, limited: true };
    case 'coordinator':
      if (!s.regions.length) break;
      return { ...base, role: 'coordinator', all: false, regions: s.regions, centres: s.centres };
    case 'specialist':
      if (!s.centre) break;
      return { ...base, role: 'specialist', all: false, centre: s.centre };
  }
  throw new TalentError(403, { code: 'staff.noScope' });
}

/** Refuses a change to a read-only scope (the curator's). */
export function assertWrites(scope: TalentScope): void {
  if (scope.readOnly) throw new TalentError(403, { code: 'staff.readOnly' });
}

export const PEOPLE = 'talent_people';
export const PERSON_CENTRES = 'talent_person_centres';
/** The regions a person belongs to for coordinators: where they live, and the regions the centres that served them serve. */
export const PERSON_REGIONS = 'talent_person_regions';

/**
 * Narrows a query of `talent_people` (under `alias`) to the scope: the one place that decides
 * which people a staff member reaches, used by every list, card, export and search of every part.
 */
export function inScope(knex: Knex, q: Knex.QueryBuilder, scope: TalentScope, alias = PEOPLE): Knex.QueryBuilder {
  if (scope.all) return q;
  const served = (centres: string[]) => knex(PERSON_CENTRES).whereIn('centre', centres).select('person_id');
  if (scope.role === 'specialist') return q.whereIn(`${alias}.id`, served([scope.centre as string]));
  // The regions where they live or were served, kept per person: one indexed semi-join.
  return q.whereIn(`${alias}.id`, knex(PERSON_REGIONS).whereIn('region', scope.regions).select('person_id'));
}

export type PersonRow = {
  id: number;
  person_key: string;
  kind: 'user' | 'child' | 'lead';
  user_id: number | null;
  child_id: number | null;
  surname: string;
  first_name: string;
  patronymic: string | null;
  phone: string | null;
  email: string | null;
  birth_date: string | null;
  age_group: string | null;
  region: string | null;
  locality: string | null;
  education: string | null;
  user_type: string | null;
  consent: string;
  services: string;
  /** Epoch ms of the person's last activity; 0 when there was none. */
  last_activity_at: number | string;
  talent_status: string;
};

/** One person of the registry within the scope, by the registry's id; out of scope and unknown are one 404. */
export async function personInScope(strapi: Core.Strapi, scope: TalentScope, id: unknown): Promise<PersonRow> {
  const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new TalentError(404, { code: 'person.notFound' });
  const knex = strapi.db.connection;
  const row = await inScope(knex, knex(PEOPLE).where(`${PEOPLE}.id`, n), scope).first();
  if (!row) throw new TalentError(404, { code: 'person.notFound' });
  return row as PersonRow;
}

/** The registry row of a person key (`u:<id>`, `c:<id>`, `l:<digits>`), whatever the scope: for the parts' own bookkeeping. */
export async function personByKey(strapi: Core.Strapi, key: string): Promise<PersonRow | undefined> {
  return (await strapi.db.connection(PEOPLE).where({ person_key: key }).first()) as PersonRow | undefined;
}
