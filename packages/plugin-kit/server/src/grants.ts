/**
 * Gives the users-permissions authenticated role a plugin's cabinet actions once per database,
 * remembering what was given in the plugin's store: an action an administrator later revokes
 * stays revoked, and an action a new version adds is given on its first start.
 */
import type { Core } from '@strapi/strapi';

export async function grantOnce(
  strapi: Core.Strapi,
  plugin: string,
  actions: readonly string[],
  legacy: (stored: unknown) => string[] = () => [],
): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: plugin, key: 'granted' });
  const stored = await store.get();
  const granted = new Set<string>(Array.isArray(stored) ? stored : legacy(stored));
  const missing = actions.filter((a) => !granted.has(a));
  if (!missing.length) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'authenticated' } });
  if (!role) return;
  for (const action of missing) {
    if (!(await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } }))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
  await store.set({ value: [...granted, ...missing] });
}
