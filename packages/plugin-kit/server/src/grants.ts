/**
 * Gives a users-permissions role a plugin's actions once per database — the authenticated role its
 * cabinet actions, the public role what anyone may read — remembering what was given in the
 * plugin's store: an action an administrator later revokes stays revoked, and an action a new
 * version adds is given on its first start.
 */
import type { Core } from '@strapi/strapi';

export async function grantOnce(
  strapi: Core.Strapi,
  plugin: string,
  actions: readonly string[],
  legacy: (stored: unknown) => string[] = () => [],
  roleType: 'authenticated' | 'public' = 'authenticated',
): Promise<void> {
  const store = strapi.store({ type: 'plugin', name: plugin, key: 'granted' });
  const stored = await store.get();
  const granted = new Set<string>(Array.isArray(stored) ? stored : legacy(stored));
  // The public role's grants are remembered apart: one action may be given to both roles.
  const mark = (action: string) => (roleType === 'public' ? `public:${action}` : action);
  const missing = actions.filter((a) => !granted.has(mark(a)));
  if (!missing.length) return;
  const role = await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: roleType } });
  if (!role) return;
  for (const action of missing) {
    if (!(await strapi.db.query('plugin::users-permissions.permission').findOne({ where: { action, role: role.id } }))) {
      await strapi.db.query('plugin::users-permissions.permission').create({ data: { action, role: role.id } });
    }
  }
  await store.set({ value: [...granted, ...missing.map(mark)] });
}
