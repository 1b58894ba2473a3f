import type { Core } from '@strapi/strapi';
import { staffScope } from './scope';

export const MY_REGION = 'plugin::qabilet.belongs-to-my-region';
export const MY_CENTRE = 'plugin::qabilet.belongs-to-my-centre';

type Subject = { id: number; permission?: { subject?: string } };

/**
 * RBAC conditions for the admin panel. A content type is scoped by region when it has a
 * `region` relation (or is the region itself), and by centre when it has a `centre` relation
 * (or is the centre itself); later plugins follow the same convention. No staff profile, no rows.
 */
export async function registerStaffConditions(strapi: Core.Strapi): Promise<void> {
  const provider = strapi.service('admin::permission').conditionProvider;
  if (provider.has(MY_REGION)) return;
  await provider.registerMany([
    {
      displayName: 'Belongs to my region',
      name: 'belongs-to-my-region',
      plugin: 'qabilet',
      async handler(user: Subject) {
        const scope = await staffScope(strapi, user.id);
        if (!scope || scope.regions.length === 0) return false;
        const subject = user.permission?.subject;
        if (subject === 'api::region.region') return { code: { $in: scope.regions } };
        return { 'region.code': { $in: scope.regions } };
      },
    },
    {
      displayName: 'Belongs to my centre',
      name: 'belongs-to-my-centre',
      plugin: 'qabilet',
      async handler(user: Subject) {
        const scope = await staffScope(strapi, user.id);
        if (!scope?.centre) return false;
        if (user.permission?.subject === 'api::centre.centre') return { slug: { $eq: scope.centre } };
        return { 'centre.slug': { $eq: scope.centre } };
      },
    },
  ]);
}
