/**
 * What is worked out from a staff member's profile and roles (their regions, their centre, the
 * centres serving their region, the admin's ability), kept a few seconds per staff member. The
 * admin builds an ability from every permission of the user's roles and asks its RBAC conditions
 * for each on every request — a coordinator's content permissions call them dozens of times — and
 * the dashboards and the lists ask the scope on every request; each is half a dozen look-ups.
 * A change of a staff profile, a centre (its regions), an admin user, a role or a permission
 * empties every such cache at once in this CMS instance and, on PostgreSQL, in every other one
 * once the change commits (`listenForStaffChanges`); `keepMs` bounds what a lost notice costs.
 */
import type { Core } from '@strapi/strapi';
import { followModels } from './follow-models';
import { listenTo, notify, type Listening } from './pg-listen';

const MODELS = ['api::staff-profile.staff-profile', 'api::centre.centre', 'admin::user', 'admin::role', 'admin::permission'];
const CHANNEL = 'qabilet_staff_changed';
const caches = new Set<Map<string, unknown>>();
const following = new WeakSet<object>();

const forget = () => {
  for (const cache of caches) cache.clear();
};

function follow(strapi: Core.Strapi): void {
  if (following.has(strapi)) return;
  following.add(strapi);
  // Awaited by the lifecycle: the notice goes out within the writing transaction, before it commits.
  const changed = async () => {
    forget();
    await notify(strapi, CHANNEL, '').catch((e: Error) => strapi.log.warn(`staff caches: cannot tell the other instances: ${e.name}`));
  };
  followModels(strapi, MODELS, { changed });
}

/** On PostgreSQL, empties the caches when another instance changed what they were worked out from (and on each (re)connection). */
export function listenForStaffChanges(strapi: Core.Strapi): Listening {
  follow(strapi);
  return listenTo(strapi, CHANNEL, { what: 'staff caches', heard: forget, connected: forget });
}

/**
 * `work(strapi, user)` kept per `keyOf(user)` for `keepMs`; a failed one is not kept, and
 * concurrent asks share one. Call it once at module level; the first call subscribes to the changes.
 */
export function keptPerStaff<U, T>(work: (strapi: Core.Strapi, user: U) => Promise<T>, keyOf: (user: U) => string, keepMs = 10_000) {
  const kept = new Map<string, { at: number; value: Promise<T> }>();
  caches.add(kept as Map<string, unknown>);
  return (strapi: Core.Strapi, user: U, now = Date.now()): Promise<T> => {
    follow(strapi);
    const key = keyOf(user);
    const hit = kept.get(key);
    if (hit && now - hit.at < keepMs) return hit.value;
    for (const [k, v] of kept) if (now - v.at >= keepMs) kept.delete(k);
    const value = work(strapi, user);
    kept.set(key, { at: now, value });
    value.catch(() => {
      if (kept.get(key)?.value === value) kept.delete(key);
    });
    return value;
  };
}
