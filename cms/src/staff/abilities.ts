import type { Core } from '@strapi/strapi';
import { keptPerStaff, listenForStaffChanges, type Listening } from '@qabilet/plugin-kit/server';

type AdminUser = { id: number; roles?: Array<{ id: number }> };
type Engine = { generateUserAbility: (user: AdminUser) => Promise<unknown> };

/**
 * A staff member's admin ability kept a few seconds per user and roles (the kit's `keptPerStaff`).
 * Strapi's admin builds it on every admin request: it reads every permission of the user's roles
 * (a curator holds hundreds), formats each and asks its RBAC conditions — a third of a dashboard
 * request's time. The session and the user (active, roles) are still checked on every request;
 * a change of a permission, a role, an admin user, a staff profile or a centre empties the kept
 * abilities in this instance at once and, on PostgreSQL, in the others on commit. Returns what
 * stops listening to the other instances.
 */
export function keepAbilities(strapi: Core.Strapi): Listening {
  const engine = strapi.service('admin::permission').engine as Engine;
  const generate = engine.generateUserAbility.bind(engine);
  const kept = keptPerStaff(
    (_strapi, user: AdminUser) => generate(user),
    (user) => [user.id, ...(user.roles ?? []).map((r) => r.id).sort((a, b) => a - b)].join('|'),
  );
  engine.generateUserAbility = (user) => kept(strapi, user);
  return listenForStaffChanges(strapi);
}
