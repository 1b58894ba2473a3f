import type { Core } from '@strapi/strapi';

/**
 * The partners plugin's admin permission for the centres' desktop test databases
 * (`plugin::partners.import`): specialists and regional coordinators import their centres'
 * results and review the unmatched rows; the plugin narrows it to the centres in their scope.
 * Configuring partners (`plugin::partners.manage`) stays the super admin's.
 */
const IMPORTERS = ['qabilet-specialist', 'qabilet-regional-coordinator'];
const IMPORT = 'plugin::partners.import';

/** Adds the permission to the roles that lack it (roles made before the plugin existed); idempotent. */
export async function grantPartnersToRoles(strapi: Core.Strapi, ids: Map<string, number>): Promise<void> {
  for (const [code, roleId] of ids) {
    if (!IMPORTERS.includes(code)) continue;
    const have = await strapi.db.query('admin::permission').count({ where: { role: roleId, action: IMPORT } });
    if (!have) await strapi.service('admin::role').addPermissions(roleId, [{ action: IMPORT }]);
  }
}
