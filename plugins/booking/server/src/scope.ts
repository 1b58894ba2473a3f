/**
 * Whose bookings and schedules a staff member sees in the admin, from their role and staff
 * profile (never from the request): a specialist their own, a regional coordinator those of the
 * centres serving their region, a super admin, curator or call-centre operator everyone's. What
 * they may do within that scope is the admin permission `plugin::booking.manage`.
 */
import type { Core } from '@strapi/strapi';
import { keptPerStaff } from '@qabilet/plugin-kit/server';
import { SPECIALIST } from './schedule';

export type Scope = { scope: 'own' | 'region' | 'all'; specialistIds: number[] | 'all' };

type AdminUser = { id: number; roles?: Array<{ code: string }> };

export async function scopeOf(strapi: Core.Strapi, user: AdminUser): Promise<Scope> {
  const codes = new Set((user.roles ?? []).map((r) => r.code));
  if (['strapi-super-admin', 'qabilet-project-curator', 'qabilet-call-centre-operator'].some((c) => codes.has(c)))
    return { scope: 'all', specialistIds: 'all' };
  const profile = await strapi.db.query('api::staff-profile.staff-profile').findOne({
    where: { user: { id: user.id } },
    populate: { centre: { select: ['slug'] }, region: { select: ['code'] } },
  });
  if (!profile) return { scope: 'own', specialistIds: [] };
  if (codes.has('qabilet-regional-coordinator')) {
    const slugs = await regionCentres(strapi, profile);
    const specialists = await strapi.db.query(SPECIALIST).findMany({ where: { centre: { $in: slugs } }, select: ['id'] });
    return { scope: 'region', specialistIds: specialists.map((s: { id: number }) => s.id) };
  }
  const mine = await strapi.db.query(SPECIALIST).findMany({ where: { staffProfile: profile.id }, select: ['id'] });
  return { scope: 'own', specialistIds: mine.map((s: { id: number }) => s.id) };
}

export const inScope = (scope: Scope, specialistId: number) => scope.specialistIds === 'all' || scope.specialistIds.includes(specialistId);

type Profile = { centre?: { slug: string } | null; region?: { code: string } | null };

/** The centres serving the regions of a staff profile (its own region and its centre's regions). */
async function regionCentres(strapi: Core.Strapi, profile: Profile): Promise<string[]> {
  const regions = new Set<string>();
  if (profile.region?.code) regions.add(profile.region.code);
  const own = profile.centre?.slug
    ? await strapi.db.query('api::centre.centre').findOne({ where: { slug: profile.centre.slug }, populate: { regions: { select: ['code'] } } })
    : null;
  for (const r of own?.regions ?? []) regions.add(r.code);
  if (!regions.size) return [];
  const centres = await strapi.db.query('api::centre.centre').findMany({ where: { regions: { code: { $in: [...regions] } } }, select: ['slug'] });
  return [...new Set(centres.map((c: { slug: string }) => c.slug))];
}

export const CENTRE_IN_MY_REGION = 'plugin::booking.centre-in-my-region';

/** The centres serving a staff member's region, kept a few seconds (the condition is asked per permission, per request). */
const myRegionCentres = keptPerStaff(
  async (strapi: Core.Strapi, userId: number) => {
    const profile = await strapi.db.query('api::staff-profile.staff-profile').findOne({
      where: { user: { id: userId } },
      populate: { centre: { select: ['slug'] }, region: { select: ['code'] } },
    });
    return profile ? regionCentres(strapi, profile) : [];
  },
  (id: number) => String(id),
);

/**
 * The admin RBAC condition "centre in my region" for the plugin's content types that name a centre
 * (policies, specialists): a coordinator edits those of the centres serving their region in the
 * Content Manager. No staff profile, no rows.
 */
export async function registerConditions(strapi: Core.Strapi): Promise<void> {
  const provider = strapi.service('admin::permission').conditionProvider;
  if (provider.has(CENTRE_IN_MY_REGION)) return;
  await provider.register({
    displayName: 'Centre in my region',
    name: 'centre-in-my-region',
    plugin: 'booking',
    async handler(user: { id: number }) {
      const slugs = await myRegionCentres(strapi, user.id);
      return slugs.length ? { centre: { $in: slugs } } : false;
    },
  });
}
