/**
 * The registry follows its sources as they change: the CMS's accounts, children and consents, the
 * CRM's requests and the waitlist (their database lifecycles), and the assessment plugin's results
 * (its `results` events, wired in index.ts). A change queues the person's key; the queue is
 * refreshed after the change commits (never inside the writer's transaction, whose data another
 * connection could not see yet), one refresh at a time, in order.
 */
import type { Core } from '@strapi/strapi';
import { keyQueue } from '@qabilet/plugin-kit/server';
import { refreshPeople } from './project';
import { USER, CHILD, CONSENT, REQUEST, WAITLIST } from '../sources';

type Event = { model: { uid: string }; result?: Record<string, unknown> | null; params?: { where?: Record<string, unknown>; data?: Record<string, unknown> } };

const refreshes = keyQueue('talent', refreshPeople);

/** Queues people for a refresh once the current transaction (if any) commits. */
export const queueRefresh = (strapi: Core.Strapi, keys: Iterable<string>): void => refreshes.queue(strapi, keys);

/** Waits until every queued refresh is done (the tests and the nightly job). */
export async function settled(): Promise<void> {
  while (!(await refreshes.settle()));
}

const idOf = (v: unknown): number | null => {
  if (typeof v === 'number') return v;
  if (v && typeof v === 'object' && 'id' in v && typeof (v as { id: unknown }).id === 'number') return (v as { id: number }).id;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return null;
};

/** The ids a where clause names: `{ id }` or `{ id: { $in: [...] } }` (an updateMany by ids). */
function idsIn(where: Record<string, unknown> | undefined): number[] {
  const id = where?.id;
  const list = id && typeof id === 'object' && Array.isArray((id as { $in?: unknown }).$in) ? (id as { $in: unknown[] }).$in : [id];
  return list.map(idOf).filter((n): n is number => n !== null);
}

/** The keys of the person a relation-holding row (a consent, a waitlist entry) is about. */
async function ownerKeys(strapi: Core.Strapi, uid: string, id: number | null, where?: Record<string, unknown>): Promise<string[]> {
  if (id !== null) {
    const row = await strapi.db.query(uid).findOne({ where: { id }, select: ['id'], populate: { user: { select: ['id'] }, child: { select: ['id'] } } });
    if (!row) return [];
    return row.child?.id ? [`c:${row.child.id}`] : row.user?.id ? [`u:${row.user.id}`] : [];
  }
  // An updateMany by ids (the CMS's updateWhere): each row's owner.
  const byIds = idsIn(where);
  if (byIds.length) {
    const keys: string[] = [];
    for (const n of byIds.slice(0, 500)) keys.push(...(await ownerKeys(strapi, uid, n)));
    return keys;
  }
  const child = idOf(where?.child);
  const user = idOf(where?.user);
  return child ? [`c:${child}`] : user ? [`u:${user}`] : [];
}

async function keysOf(strapi: Core.Strapi, event: Event): Promise<string[]> {
  const r = event.result ?? {};
  const id = idOf(r.id);
  switch (event.model.uid) {
    case USER:
      return id ? [`u:${id}`] : idsIn(event.params?.where).map((n) => `u:${n}`);
    case CHILD:
      return id ? [`c:${id}`] : idsIn(event.params?.where).map((n) => `c:${n}`);
    case REQUEST:
      if (r.personKind === 'child' && r.childId) return [`c:${r.childId}`];
      if (r.personKind === 'user' && r.userId) return [`u:${r.userId}`];
      if (r.personKind === 'lead' && typeof r.phone === 'string') return [`l:${r.phone.replace(/\D/g, '')}`];
      return [];
    default:
      return ownerKeys(strapi, event.model.uid, id, event.params?.where);
  }
}

export function followSources(strapi: Core.Strapi): void {
  // Looked up after the commit too: the row a lifecycle names may not be visible before it.
  const on = (event: Event) => refreshes.queueFound(strapi, () => keysOf(strapi, event));
  // A deleted child or request is gone by afterDelete: its key is taken before.
  const before = (event: Event) => {
    if (event.model.uid !== CHILD) return;
    const keys = idsIn(event.params?.where).map((id) => `c:${id}`);
    if (keys.length) queueRefresh(strapi, keys);
  };
  strapi.db.lifecycles.subscribe({
    models: [USER, CHILD, CONSENT, REQUEST, WAITLIST],
    afterCreate: on,
    afterUpdate: on,
    afterUpdateMany: on,
    beforeDelete: before,
    beforeDeleteMany: before,
    afterDelete: on,
  } as never);
}
