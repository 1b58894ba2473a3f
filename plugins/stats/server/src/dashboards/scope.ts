/**
 * Whose figures a staff member sees, from their admin role and staff profile (the CRM's scope, as
 * the registry of users works it out in plugins/talent/server/src/scope.ts), never from the request:
 * - a specialist: the rows of their centre, and of those their own (dim `staff` = their admin id);
 * - a regional coordinator: the rows of people living in their regions or served by the centres
 *   serving them;
 * - the project curator and a super admin: every row;
 * - anyone else (an operator, a content manager): nothing — they hold no `plugin::stats.read` either.
 * A place the request narrows to must lie within the scope, or the request is refused.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PlaceFilter, StatsRole } from '@qabilet/domain';
import { keptPerStaff, servicesOf } from '@qabilet/plugin-kit/server';
import type { CrmServices, Scope } from '@qabilet/strapi-plugin-crm/strapi-server';
import { StatsError } from '../errors';
import type { Names } from './names';

export type AdminUser = { id: number; roles?: Array<{ code: string }> };

export type StatsScope = {
  role: StatsRole;
  adminId: number;
  /** The whole country (curator, admin). */
  all: boolean;
  /** Coordinator: their regions and the centres serving them. */
  regions: string[];
  centres: string[];
  /** Specialist: their centre. */
  centre: string | null;
};

/** Kept a few seconds per admin user and roles (the kit's `keptPerStaff`): every dashboard request asks it. */
export const statsScope = keptPerStaff(scopeOf, (user: AdminUser) => [user.id, ...(user.roles ?? []).map((r) => r.code).sort()].join('|'));

async function scopeOf(strapi: Core.Strapi, user: AdminUser): Promise<StatsScope> {
  const s: Scope = await servicesOf<CrmServices>(strapi, 'crm')('scope').of(user);
  const base = { adminId: user.id, regions: [] as string[], centres: [] as string[], centre: null };
  switch (s.role) {
    case 'admin':
    case 'curator':
      return { ...base, role: s.role, all: true };
    case 'coordinator':
      if (!s.regions.length) break;
      return { ...base, role: 'coordinator', all: false, regions: s.regions, centres: s.centres };
    case 'specialist':
      if (!s.centre) break;
      return { ...base, role: 'specialist', all: false, centre: s.centre };
  }
  throw new StatsError(403, { code: 'staff.noScope' });
}

/**
 * Refuses a place the staff member may not narrow to (403) and one that does not exist (400): a
 * coordinator names their regions, their localities and the centres serving them; a specialist
 * only their own centre.
 */
export function checkPlace(scope: StatsScope, place: PlaceFilter, names: Names): void {
  const unknown = (['region', 'locality', 'centre'] as const).filter((k) => {
    const v = place[k];
    return v !== undefined && !(k === 'region' ? names.regions.has(v) : k === 'locality' ? names.localities.has(v) : names.centres.has(v));
  });
  if (unknown.length)
    throw new StatsError(
      400,
      unknown.map((field) => ({ field, code: `${field}.unknown` as const })),
    );
  if (!withinScope(scope, place, names)) throw new StatsError(403, { code: 'place.outsideScope' });
}

/** Whether every filter of `place` names a place of the scope. */
export function withinScope(scope: StatsScope, place: PlaceFilter, names: Names): boolean {
  if (scope.all) return true;
  if (scope.role === 'specialist') return !place.region && !place.locality && (!place.centre || place.centre === scope.centre);
  const regionOf = (locality: string) => names.localities.get(locality)?.region ?? '';
  return (
    (!place.region || scope.regions.includes(place.region)) &&
    (!place.locality || scope.regions.includes(regionOf(place.locality))) &&
    (!place.centre || scope.centres.includes(place.centre))
  );
}

/** Narrows a query of a rollup table to the scope and the place: the one place that decides which rows a staff member reads. */
export function scoped(q: Knex.QueryBuilder, scope: StatsScope, place: PlaceFilter): Knex.QueryBuilder {
  if (scope.role === 'specialist') q.where('centre', scope.centre as string);
  else if (!scope.all)
    q.where((w) => {
      w.whereIn('region', scope.regions);
      if (scope.centres.length) w.orWhereIn('centre', scope.centres);
    });
  for (const key of ['region', 'locality', 'centre'] as const) if (place[key] !== undefined) q.where(key, place[key] as string);
  return q;
}
