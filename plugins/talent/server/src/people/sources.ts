/**
 * What the registry of users summarises, read in batches: the accounts, children and consents of
 * the CMS; the requests of the CRM (leads are callers known only there); the attempts and the
 * results from outside of the assessment plugin; the booking plugin's waitlist. These are the
 * tables and content types those parts own; the registry only reads them, here and nowhere else.
 */
import type { Core } from '@strapi/strapi';
import { ms } from '@qabilet/plugin-kit/server';
import type { ConsentState, PersonService } from '@qabilet/domain';
import { REQUESTS, ATTEMPTS, STATEMENTS, USER, CHILD, CONSENT, WAITLIST } from '../sources';

/** A person's details besides their name, as the accounts hold them (and the registry's export names its columns). */
export const DETAILS = ['phone', 'email', 'birthDate', 'region', 'locality', 'education', 'userType'] as const;

export type Fields = { surname: string; firstName: string; patronymic: string | null } & Record<(typeof DETAILS)[number], string | null>;

/** A person as the sources tell it; `gone` when they must not be in the registry (consent withdrawn, account deleted or being deleted). */
export type Source = {
  key: string;
  kind: 'user' | 'child' | 'lead';
  userId: number | null;
  childId: number | null;
  fields: Fields;
  consent: ConsentState;
  gone: boolean;
};

export type Activity = { services: Set<PersonService>; last: number | null; centres: Set<string> };

type UserRow = Fields & { id: number; deletionRequestedAt: string | null; anonymisedAt: string | null };

const USER_FIELDS = ['id', 'surname', 'firstName', 'patronymic', ...DETAILS, 'deletionRequestedAt', 'anonymisedAt'];
const dateOf = (v: unknown) => (v ? String(v).slice(0, 10) : null);

/** The latest consent's state of each user (own) and child, and the keys whose latest consent was given and withdrawn. */
async function consentsOf(strapi: Core.Strapi, userIds: number[], childIds: number[]): Promise<Map<string, ConsentState | 'withdrawn'>> {
  const or: unknown[] = [];
  if (userIds.length) or.push({ user: { id: { $in: userIds } }, child: { id: { $null: true } } });
  if (childIds.length) or.push({ child: { id: { $in: childIds } } });
  const states = new Map<string, ConsentState | 'withdrawn'>();
  if (!or.length) return states;
  const rows = await strapi.db.query(CONSENT).findMany({
    where: { $or: or },
    select: ['id', 'status', 'givenAt'],
    populate: { user: { select: ['id'] }, child: { select: ['id'] } },
    orderBy: { id: 'asc' },
  });
  for (const r of rows as Array<{ status: string; givenAt: string | null; user?: { id: number }; child?: { id: number } }>) {
    // A request superseded before anyone gave it (a second parental code asked for) is no withdrawal.
    if (r.status === 'withdrawn' && !r.givenAt) continue;
    const key = r.child?.id ? `c:${r.child.id}` : r.user?.id ? `u:${r.user.id}` : null;
    if (key) states.set(key, r.status === 'given' ? 'given' : r.status === 'withdrawn' ? 'withdrawn' : 'pending');
  }
  return states;
}

export async function usersOf(strapi: Core.Strapi, ids: number[]): Promise<Source[]> {
  if (!ids.length) return [];
  const users = (await strapi.db.query(USER).findMany({ where: { id: { $in: ids } }, select: USER_FIELDS })) as UserRow[];
  const consents = await consentsOf(
    strapi,
    users.map((u) => u.id),
    [],
  );
  return users.map((u) => {
    const consent = consents.get(`u:${u.id}`) ?? 'none';
    return {
      key: `u:${u.id}`,
      kind: 'user',
      userId: u.id,
      childId: null,
      fields: {
        surname: u.surname ?? '',
        firstName: u.firstName ?? '',
        patronymic: u.patronymic ?? null,
        phone: u.phone ?? null,
        email: u.email ?? null,
        birthDate: dateOf(u.birthDate),
        region: u.region ?? null,
        locality: u.locality ?? null,
        education: u.education ?? null,
        userType: u.userType ?? null,
      },
      consent: consent === 'withdrawn' ? 'none' : consent,
      gone: consent === 'withdrawn' || !!u.deletionRequestedAt || !!u.anonymisedAt,
    };
  });
}

type ChildRow = Omit<UserRow, 'phone' | 'email' | 'userType' | 'deletionRequestedAt' | 'anonymisedAt'> & { parent?: UserRow | null };

export async function childrenOf(strapi: Core.Strapi, ids: number[]): Promise<Source[]> {
  if (!ids.length) return [];
  const children = (await strapi.db.query(CHILD).findMany({
    where: { id: { $in: ids } },
    select: ['id', 'surname', 'firstName', 'patronymic', 'birthDate', 'region', 'locality', 'education'],
    populate: { parent: { select: ['id', 'phone', 'email', 'deletionRequestedAt', 'anonymisedAt'] } },
  })) as ChildRow[];
  const consents = await consentsOf(
    strapi,
    [],
    children.map((c) => c.id),
  );
  return children.map((c) => {
    const consent = consents.get(`c:${c.id}`) ?? 'none';
    return {
      key: `c:${c.id}`,
      kind: 'child',
      userId: c.parent?.id ?? null,
      childId: c.id,
      // A child is reached through their parent: the parent's phone and e-mail.
      fields: {
        surname: c.surname ?? '',
        firstName: c.firstName ?? '',
        patronymic: c.patronymic ?? null,
        phone: c.parent?.phone ?? null,
        email: c.parent?.email ?? null,
        birthDate: dateOf(c.birthDate),
        region: c.region ?? null,
        locality: c.locality ?? null,
        education: c.education ?? null,
        userType: 'pupil',
      },
      consent: consent === 'withdrawn' ? 'none' : consent,
      gone: consent === 'withdrawn' || !c.parent || !!c.parent.deletionRequestedAt || !!c.parent.anonymisedAt,
    };
  });
}

/** Callers known only by the CRM, one person per phone: the name and region of their latest request; consent as they gave it on the call. */
export async function leadsOf(strapi: Core.Strapi, phones: string[]): Promise<Source[]> {
  if (!phones.length) return [];
  const rows = await strapi.db
    .connection(REQUESTS)
    .where({ person_kind: 'lead' })
    .whereIn('phone', phones)
    .orderBy('id', 'asc')
    .select('phone', 'lead_name', 'region', 'consent');
  const latest = new Map<string, { lead_name: string; region: string | null; consent: unknown }>();
  for (const r of rows) latest.set(r.phone, r);
  return [...latest].map(([phone, r]) => {
    const [surname = '', ...rest] = String(r.lead_name ?? '')
      .trim()
      .split(/\s+/);
    return {
      key: `l:${phone.replace(/\D/g, '')}`,
      kind: 'lead',
      userId: null,
      childId: null,
      fields: {
        surname,
        firstName: rest.join(' '),
        patronymic: null,
        phone,
        email: null,
        birthDate: null,
        region: r.region ?? null,
        locality: null,
        education: null,
        userType: null,
      },
      consent: r.consent ? 'given' : 'none',
      gone: false,
    };
  });
}

const time = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  const n = ms(v as string | number);
  if (Number.isFinite(n) && String(v).match(/^\d+$/)) return n;
  const parsed = Date.parse(String(v));
  return Number.isNaN(parsed) ? null : parsed;
};

/** What each person (by key) used, when they last did anything, and which centres served them. */
export async function activityOf(strapi: Core.Strapi, people: Source[]): Promise<Map<string, Activity>> {
  const knex = strapi.db.connection;
  const result = new Map<string, Activity>(people.map((p) => [p.key, { services: new Set(), last: null, centres: new Set() }]));
  const touch = (key: string, service: PersonService | null, at: unknown, centre?: string | null) => {
    const a = result.get(key);
    if (!a) return;
    if (service) a.services.add(service);
    const t = time(at);
    if (t !== null && (a.last === null || t > a.last)) a.last = t;
    if (centre) a.centres.add(centre);
  };
  const userIds = people.filter((p) => p.kind === 'user').map((p) => p.userId as number);
  const childIds = people.filter((p) => p.kind === 'child').map((p) => p.childId as number);
  const phones = people.filter((p) => p.kind === 'lead').map((p) => p.fields.phone as string);
  const keys = people.filter((p) => p.kind !== 'lead').map((p) => p.key);

  const requests = await knex(REQUESTS)
    .where((w) => {
      if (userIds.length) w.orWhere((u) => u.where({ person_kind: 'user' }).whereIn('user_id', userIds));
      if (childIds.length) w.orWhere((c) => c.where({ person_kind: 'child' }).whereIn('child_id', childIds));
      if (phones.length) w.orWhere((l) => l.where({ person_kind: 'lead' }).whereIn('phone', phones));
      if (!userIds.length && !childIds.length && !phones.length) w.whereRaw('1 = 0');
    })
    .select('person_kind', 'user_id', 'child_id', 'phone', 'booking_id', 'status', 'centre', 'created_at');
  for (const r of requests) {
    const key = r.person_kind === 'child' ? `c:${r.child_id}` : r.person_kind === 'user' ? `u:${r.user_id}` : `l:${String(r.phone).replace(/\D/g, '')}`;
    touch(key, 'request', r.created_at, r.status === 'cancelled' ? null : r.centre);
    if (r.booking_id) touch(key, 'booking', null);
  }
  if (keys.length) {
    const attempts = await knex(ATTEMPTS)
      .whereIn('person_key', keys)
      .where({ status: 'finished' })
      .groupBy('person_key')
      .select('person_key')
      .max({ at: 'finished_at' });
    for (const r of attempts as Array<{ person_key: string; at: unknown }>) touch(r.person_key, 'test', r.at);
    const statements = await knex(STATEMENTS)
      .whereIn('person_key', keys)
      .groupBy('person_key', 'source_kind')
      .select('person_key', 'source_kind')
      .max({ at: 'timestamp' });
    for (const r of statements as Array<{ person_key: string; source_kind: string; at: unknown }>)
      touch(r.person_key, r.source_kind === 'desktop' ? 'desktop' : 'partner', r.at);
    const or: unknown[] = [];
    if (userIds.length) or.push({ user: { id: { $in: userIds } }, child: { id: { $null: true } } });
    if (childIds.length) or.push({ child: { id: { $in: childIds } } });
    if (or.length) {
      const waiting = await strapi.db
        .query(WAITLIST)
        .findMany({ where: { $or: or }, select: ['createdAt'], populate: { user: { select: ['id'] }, child: { select: ['id'] } } });
      for (const w of waiting as Array<{ createdAt: string; user?: { id: number }; child?: { id: number } }>)
        touch(w.child?.id ? `c:${w.child.id}` : `u:${w.user?.id}`, 'waitlist', w.createdAt);
    }
  }
  return result;
}
