/**
 * Whose requests a staff member sees, from their admin role and staff profile (never from the
 * request): a specialist those assigned to them and the unassigned ones of their centre; a regional
 * coordinator those of the centres serving their region (and of the region itself while no centre
 * is chosen); a call-centre operator, project curator or super admin every request. What they may
 * do within it is the admin permissions `plugin::crm.*`.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

export type Role = 'admin' | 'coordinator' | 'curator' | 'operator' | 'specialist' | 'none';

export type Scope = {
  role: Role;
  all: boolean;
  /** Coordinator: the centres serving their region, and the region codes. */
  centres: string[];
  regions: string[];
  /** Specialist: their specialist rows and their centre. */
  specialistIds: number[];
  centre?: string;
};

export type AdminUser = { id: number; roles?: Array<{ code: string }> };

const ROLE_OF: Array<[string, Role]> = [
  ['strapi-super-admin', 'admin'],
  ['qabilet-regional-coordinator', 'coordinator'],
  ['qabilet-project-curator', 'curator'],
  ['qabilet-call-centre-operator', 'operator'],
  ['qabilet-specialist', 'specialist'],
];

const NOTHING: Omit<Scope, 'role'> = { all: false, centres: [], regions: [], specialistIds: [] };

export async function scopeOf(strapi: Core.Strapi, user: AdminUser): Promise<Scope> {
  const codes = new Set((user.roles ?? []).map((r) => r.code));
  const role = ROLE_OF.find(([code]) => codes.has(code))?.[1] ?? 'none';
  if (role === 'admin' || role === 'curator' || role === 'operator') return { role, ...NOTHING, all: true };
  const profile = await strapi.db.query('api::staff-profile.staff-profile').findOne({
    where: { user: { id: user.id } },
    populate: { centre: { select: ['slug'], populate: { regions: { select: ['code'] } } }, region: { select: ['code'] } },
  });
  if (!profile || role === 'none') return { role, ...NOTHING };
  if (role === 'coordinator') {
    const regions = new Set<string>();
    if (profile.region?.code) regions.add(profile.region.code);
    for (const r of profile.centre?.regions ?? []) regions.add(r.code);
    const centres = regions.size
      ? await strapi.db.query('api::centre.centre').findMany({ where: { regions: { code: { $in: [...regions] } } }, select: ['slug'] })
      : [];
    return { role, ...NOTHING, regions: [...regions], centres: [...new Set(centres.map((c: { slug: string }) => c.slug))] };
  }
  const mine = await strapi.db.query('plugin::booking.specialist').findMany({ where: { staffProfile: profile.id }, select: ['id'] });
  return { role, ...NOTHING, specialistIds: mine.map((s: { id: number }) => s.id), centre: profile.centre?.slug };
}

/** Narrows a query of `crm_requests` to the scope. */
export function applyScope(q: Knex.QueryBuilder, scope: Scope): Knex.QueryBuilder {
  if (scope.all) return q;
  if (scope.role === 'coordinator') {
    return q.where((w) => {
      w.whereIn('centre', scope.centres.length ? scope.centres : ['']);
      if (scope.regions.length) w.orWhere((r) => r.whereNull('centre').whereIn('region', scope.regions));
    });
  }
  if (scope.role === 'specialist') {
    return q.where((w) => {
      w.whereIn('specialist_id', scope.specialistIds.length ? scope.specialistIds : [-1]);
      if (scope.centre) w.orWhere((u) => u.whereNull('specialist_id').where('centre', scope.centre!));
    });
  }
  return q.whereRaw('1 = 0');
}

/** Whether a request (its centre, region and specialist) is within the scope. */
export function inScope(scope: Scope, r: { centre: string | null; region: string | null; specialist_id: number | null }): boolean {
  if (scope.all) return true;
  if (scope.role === 'coordinator') return r.centre ? scope.centres.includes(r.centre) : !!r.region && scope.regions.includes(r.region);
  if (scope.role === 'specialist')
    return r.specialist_id !== null ? scope.specialistIds.includes(r.specialist_id) : !!scope.centre && r.centre === scope.centre;
  return false;
}

/** Whether a centre may be given to a request by this staff member. */
export const centreInScope = (scope: Scope, centre: string) =>
  scope.all || (scope.role === 'coordinator' ? scope.centres.includes(centre) : scope.role === 'specialist' ? scope.centre === centre : false);
