import type { Core } from '@strapi/strapi';
import { keptPerStaff } from '@qabilet/plugin-kit/server';

export type StaffScope = { regions: string[]; centre?: string };

/**
 * Where a staff member works: the regions their centre serves (Abai's coordinator sits in
 * East Kazakhstan's centre) plus the region set on the profile, and the centre's slug. Kept a few
 * seconds per staff member (the kit's `keptPerStaff`): the RBAC conditions ask it per permission,
 * per request.
 */
export const staffScope = keptPerStaff(scopeOf, (id: number) => String(id));

async function scopeOf(strapi: Core.Strapi, adminUserId: number): Promise<StaffScope | undefined> {
  const profile = await strapi.db.query('api::staff-profile.staff-profile').findOne({
    where: { user: { id: adminUserId } },
    populate: { centre: { select: ['slug'], populate: { regions: { select: ['code'] } } }, region: { select: ['code'] } },
  });
  if (!profile) return undefined;
  const regions = new Set<string>(profile.centre?.regions?.map((r: { code: string }) => r.code) ?? []);
  if (profile.region?.code) regions.add(profile.region.code);
  return { regions: [...regions].sort(), centre: profile.centre?.slug };
}
