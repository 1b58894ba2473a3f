/**
 * Keeps the registry of users (talent_people) true to its sources: `refreshPeople` rebuilds the
 * rows of the named people (event-driven, idempotent: the same keys twice write the same rows),
 * `reconcilePeople` rebuilds everyone (nightly, and on a new database). A person who is gone — their
 * consent withdrawn, their account deleted or being deleted, their record removed — leaves the
 * registry at once, and every part that keeps something about them is told (`onPersonRemoved`).
 */
import type { Core } from '@strapi/strapi';
import { personSearchText } from '@qabilet/domain';
import { PEOPLE, PERSON_CENTRES, PERSON_REGIONS } from '../scope';
import { activityOf, childrenOf, leadsOf, usersOf, type Source } from './sources';

const BATCH = 400;

type RemovedListener = (strapi: Core.Strapi, keys: string[]) => Promise<void>;
const removedListeners: RemovedListener[] = [];
/** A part that keeps something about people (talent entries, journal drafts) forgets a person who left the registry. */
export const onPersonRemoved = (listener: RemovedListener) => void removedListeners.push(listener);

type ChangedListener = (strapi: Core.Strapi, rows: Array<{ id: number; key: string }>) => Promise<void>;
const changedListeners: ChangedListener[] = [];
/** A part that derives something from a person's records (the talents) hears of every refreshed person. */
export const onPeopleRefreshed = (listener: ChangedListener) => void changedListeners.push(listener);

let centreCache: { at: number; map: Map<string, string[]> } | undefined;
/** The regions each centre serves (the catalogue's, kept a minute). */
async function centreRegions(strapi: Core.Strapi): Promise<Map<string, string[]>> {
  if (centreCache && Date.now() - centreCache.at < 60_000) return centreCache.map;
  const rows = await strapi.db.query('api::centre.centre').findMany({ select: ['slug'], populate: { regions: { select: ['code'] } } });
  const map = new Map<string, string[]>();
  for (const c of rows as Array<{ slug: string; regions?: Array<{ code: string }> }>)
    map.set(c.slug, [...new Set([...(map.get(c.slug) ?? []), ...(c.regions ?? []).map((r) => r.code)])]);
  centreCache = { at: Date.now(), map };
  return map;
}

const chunks = <T>(items: T[], size = BATCH): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

async function remove(strapi: Core.Strapi, keys: string[]): Promise<void> {
  if (!keys.length) return;
  const knex = strapi.db.connection;
  for (const part of chunks(keys))
    await knex.transaction(async (trx) => {
      const ids = (await trx(PEOPLE).whereIn('person_key', part).select('id')).map((r: { id: number }) => r.id);
      if (ids.length) await trx(PERSON_CENTRES).whereIn('person_id', ids).delete();
      if (ids.length) await trx(PERSON_REGIONS).whereIn('person_id', ids).delete();
      await trx(PEOPLE).whereIn('person_key', part).delete();
    });
  for (const listener of removedListeners) await listener(strapi, keys);
}

async function write(strapi: Core.Strapi, sources: Source[], now: number): Promise<void> {
  const knex = strapi.db.connection;
  const activity = await activityOf(strapi, sources);
  const rows = sources.map((s) => {
    const a = activity.get(s.key)!;
    return {
      person_key: s.key,
      kind: s.kind,
      user_id: s.userId,
      child_id: s.childId,
      surname: s.fields.surname.slice(0, 60),
      first_name: s.fields.firstName.slice(0, 60),
      patronymic: s.fields.patronymic?.slice(0, 60) ?? null,
      phone: s.fields.phone,
      email: s.fields.email,
      birth_date: s.fields.birthDate,
      region: s.fields.region,
      locality: s.fields.locality,
      education: s.fields.education,
      user_type: s.fields.userType,
      consent: s.consent,
      services: `,${[...a.services].sort().join(',')},`,
      last_activity_at: a.last ?? 0,
      search: personSearchText(s.fields),
      updated_at: now,
    };
  });
  if (!rows.length) return;
  const columns = Object.keys(rows[0]!).filter((c) => c !== 'person_key');
  const served = await centreRegions(strapi);
  // The row and its scope change together: a list or card read in between never finds a person without one.
  const idOf = await knex.transaction(async (trx) => {
    await trx(PEOPLE).insert(rows).onConflict('person_key').merge(columns);
    const ids = await trx(PEOPLE)
      .whereIn(
        'person_key',
        rows.map((r) => r.person_key),
      )
      .select('id', 'person_key');
    const idOf = new Map(ids.map((r: { id: number; person_key: string }) => [r.person_key, r.id]));
    const personIds = [...idOf.values()];
    await trx(PERSON_CENTRES).whereIn('person_id', personIds).delete();
    await trx(PERSON_REGIONS).whereIn('person_id', personIds).delete();
    const centres = sources.flatMap((s) => [...activity.get(s.key)!.centres].map((centre) => ({ person_id: idOf.get(s.key)!, centre })));
    for (const part of chunks(centres)) await trx(PERSON_CENTRES).insert(part);
    const regions = sources.flatMap((s) => {
      const set = new Set<string>(s.fields.region ? [s.fields.region] : []);
      for (const centre of activity.get(s.key)!.centres) for (const r of served.get(centre) ?? []) set.add(r);
      return [...set].map((region) => ({ person_id: idOf.get(s.key)!, region }));
    });
    for (const part of chunks(regions)) await trx(PERSON_REGIONS).insert(part);
    return idOf;
  });
  const changed = [...idOf].map(([key, id]) => ({ id, key }));
  for (const listener of changedListeners) await listener(strapi, changed);
}

/** Rebuilds the rows of these people (keys `u:<id>`, `c:<id>`, `l:<digits>`); a user's children follow them. */
export async function refreshPeople(strapi: Core.Strapi, keys: Iterable<string>, now = Date.now()): Promise<void> {
  const unique = [...new Set(keys)];
  const userIds = unique.filter((k) => k.startsWith('u:')).map((k) => Number(k.slice(2)));
  const childIds = new Set(unique.filter((k) => k.startsWith('c:')).map((k) => Number(k.slice(2))));
  if (userIds.length) {
    const kids = await strapi.db.query('api::child.child').findMany({ where: { parent: { id: { $in: userIds } } }, select: ['id'] });
    for (const k of kids as Array<{ id: number }>) childIds.add(k.id);
    // And the children the registry still holds for them (deleted with the account, they must leave it too).
    const held = await strapi.db.connection(PEOPLE).where({ kind: 'child' }).whereIn('user_id', userIds).select('child_id');
    for (const k of held as Array<{ child_id: number }>) childIds.add(k.child_id);
  }
  const phones = unique.filter((k) => k.startsWith('l:')).map((k) => `+${k.slice(2)}`);
  const found: Source[] = [];
  for (const part of chunks(userIds)) found.push(...(await usersOf(strapi, part)));
  for (const part of chunks([...childIds])) found.push(...(await childrenOf(strapi, part)));
  for (const part of chunks(phones)) found.push(...(await leadsOf(strapi, part)));
  const present = new Set(found.filter((s) => !s.gone).map((s) => s.key));
  const asked = new Set([...unique, ...[...childIds].map((id) => `c:${id}`)]);
  await remove(
    strapi,
    [...asked].filter((k) => !present.has(k)),
  );
  for (const part of chunks(found.filter((s) => !s.gone))) await write(strapi, part, now);
}

/** Rebuilds the whole registry from its sources, in batches; people no source knows any more leave it. */
export async function reconcilePeople(strapi: Core.Strapi, now = Date.now()): Promise<{ people: number; removed: number }> {
  const knex = strapi.db.connection;
  const seen = new Set<string>();
  let people = 0;
  const sweep = async (load: (part: number[]) => Promise<Source[]>, ids: number[]) => {
    for (const part of chunks(ids)) {
      const found = (await load(part)).filter((s) => !s.gone);
      for (const s of found) seen.add(s.key);
      await write(strapi, found, now);
      people += found.length;
    }
  };
  await sweep(
    (part) => usersOf(strapi, part),
    (await strapi.db.query('plugin::users-permissions.user').findMany({ select: ['id'] })).map((u: { id: number }) => u.id),
  );
  await sweep(
    (part) => childrenOf(strapi, part),
    (await strapi.db.query('api::child.child').findMany({ select: ['id'] })).map((c: { id: number }) => c.id),
  );
  const phones = (await knex('crm_requests').where({ person_kind: 'lead' }).whereNotNull('phone').distinct('phone')).map((r: { phone: string }) => r.phone);
  for (const part of chunks(phones)) {
    const found = await leadsOf(strapi, part);
    for (const s of found) seen.add(s.key);
    await write(strapi, found, now);
    people += found.length;
  }
  const stale = (await knex(PEOPLE).select('person_key')).map((r: { person_key: string }) => r.person_key).filter((k: string) => !seen.has(k));
  await remove(strapi, stale);
  return { people, removed: stale.length };
}
