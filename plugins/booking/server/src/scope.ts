/**
 * Whose bookings and schedules a staff member sees in the admin, from their role and staff
 * profile (never from the request): a specialist their own, a regional coordinator those of the
 * centres serving their region, a super admin, curator or call-centre operator everyone's. What
 * they may do within that scope is the admin permission `plugin::booking.manage`.
 */
import type { Core } from '@strapi/strapi';
import { SPECIALIST } from './schedule';

export type Scope = { scope: 'own' | 'region' | 'all'; specialistIds: number[] | 'all' };

type AdminUser = { id: number; roles?: Array<{ code: string }> };

export async function scopeOf(strapi: Core.Strapi, user: AdminUser): Promise<Scope> {
  const codes = new Set((user.roles ?? []).map((r) => r.code));
  if (['strapi-super-admin', 'qabilet-project-curator', 'qabilet-call-centre-operator'].some((c) => codes.has(c))) return { scope: 'all', specialistIds: 'all' };
  const profile = await strapi.db.query('api::staff-profile.staff-profile').findOne({
    where: { user: { id: user.id } },
    populate: { centre: { select: ['slug'] }, region: { select: ['code'] } },
  });
  if (!profile) return { scope: 'own', specialistIds: [] };
  if (codes.has('qabilet-regional-coordinator')) {
    const regions = new Set<string>();
    if (profile.region?.code) regions.add(profile.region.code);
    const own = profile.centre?.slug
      ? await strapi.db.query('api::centre.centre').findOne({ where: { slug: profile.centre.slug }, populate: { regions: { select: ['code'] } } })
      : null;
    for (const r of own?.regions ?? []) regions.add(r.code);
    const centres = await strapi.db.query('api::centre.centre').findMany({ where: { regions: { code: { $in: [...regions] } } }, select: ['slug'] });
    const slugs = [...new Set(centres.map((c: { slug: string }) => c.slug))];
    const specialists = await strapi.db.query(SPECIALIST).findMany({ where: { centre: { $in: slugs } }, select: ['id'] });
    return { scope: 'region', specialistIds: specialists.map((s: { id: number }) => s.id) };
  }
  const mine = await strapi.db.query(SPECIALIST).findMany({ where: { staffProfile: profile.id }, select: ['id'] });
  return { scope: 'own', specialistIds: mine.map((s: { id: number }) => s.id) };
}

export const inScope = (scope: Scope, specialistId: number) => scope.specialistIds === 'all' || scope.specialistIds.includes(specialistId);
