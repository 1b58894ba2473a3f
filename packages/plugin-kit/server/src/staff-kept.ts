/**
 * What is worked out from a staff member's profile (their regions, their centre, the centres
 * serving their region), kept a few seconds per staff member. The admin asks its RBAC conditions
 * for every permission a role holds on each request — a coordinator's content permissions call
 * them dozens of times — and the dashboards and the lists ask the scope on every request; each is
 * half a dozen look-ups. A change of a staff profile or a centre (its regions) in this CMS instance
 * empties every such cache at once; another instance sees it within `keepMs`.
 */
import type { Core } from '@strapi/strapi';
import { followModels } from './follow-models';

const MODELS = ['api::staff-profile.staff-profile', 'api::centre.centre'];
const caches = new Set<Map<string, unknown>>();
const following = new WeakSet<object>();

function follow(strapi: Core.Strapi): void {
  if (following.has(strapi)) return;
  following.add(strapi);
  const forget = () => {
    for (const cache of caches) cache.clear();
  };
  followModels(strapi, MODELS, { written: forget, deleted: forget });
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
