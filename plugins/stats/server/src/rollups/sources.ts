/**
 * What the rollups count, read by person key in batches, and the names of what they read of other
 * parts of Qabilet, declared once: the bookings (their table and relation link tables, named by the
 * CMS's own metadata), the CRM's requests, the assessment plugin's attempts, answers, statements
 * and written recommendations, the registry of users (`talent_people`: where a person lives, born
 * when, who they are) and of talents (`talent_entries`). Nothing here writes to them.
 *
 * Person keys are the registry's: `u:<user id>`, `c:<child id>`, `l:<phone digits>` (a caller known
 * only to the CRM); a booking with neither a person nor a lead's request is its own `b:<id>`.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { PersonRecords, StatsAttempt } from '@qabilet/domain';
import { json, ms, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';

export const BOOKING = 'plugin::booking.booking';
export const SPECIALIST = 'plugin::booking.specialist';
export const STAFF_PROFILE = 'api::staff-profile.staff-profile';
export const REQUEST = 'plugin::crm.request';
export const REQUESTS = 'crm_requests';
export const ATTEMPTS = 'assessment_attempts';
export const ANSWERS = 'assessment_answers';
export const NOTES = 'assessment_notes';
export const PEOPLE = 'talent_people';
export const TALENTS = 'talent_entries';

const when = (v: unknown): number | null => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' || /^\d+$/.test(String(v))) return ms(v as string | number);
  const t = Date.parse(String(v));
  return Number.isNaN(t) ? null : t;
};
const digits = (phone: unknown) => String(phone ?? '').replace(/\D/g, '');

type Link = { table: string; own: string; other: string };
export type BookingTables = { table: string; user: Link; child: Link; specialist: Link };

/** The booking table and its relations' link tables, as the CMS names them. */
export function bookingTables(strapi: Core.Strapi): BookingTables {
  const meta = strapi.db.metadata.get(BOOKING) as unknown as {
    tableName: string;
    attributes: Record<string, { joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } } }>;
  };
  const link = (name: string): Link => {
    const jt = meta.attributes[name]?.joinTable;
    if (!jt) throw new Error(`stats: the booking's ${name} has no link table`);
    return { table: jt.name, own: jt.joinColumn.name, other: jt.inverseJoinColumn.name };
  };
  return { table: meta.tableName, user: link('user'), child: link('child'), specialist: link('specialist') };
}

/** Bookings with whom they are for: the user, the child, the lead's phone (through the CRM's request). */
export function bookingRows(knex: Knex, t: BookingTables) {
  return knex(`${t.table} as b`)
    .leftJoin(`${t.user.table} as bu`, `bu.${t.user.own}`, 'b.id')
    .leftJoin(`${t.child.table} as bc`, `bc.${t.child.own}`, 'b.id')
    .leftJoin(`${t.specialist.table} as bs`, `bs.${t.specialist.own}`, 'b.id')
    .leftJoin(`${REQUESTS} as lr`, (j) => j.on('lr.booking_id', 'b.id').andOnVal('lr.person_kind', 'lead'));
}
export const BOOKING_COLUMNS = (t: BookingTables) => [
  'b.id',
  'b.service',
  'b.format',
  'b.status',
  'b.start',
  'b.created_at',
  'b.centre',
  `bu.${t.user.other} as user_id`,
  `bc.${t.child.other} as child_id`,
  `bs.${t.specialist.other} as specialist_id`,
  'lr.phone as lead_phone',
];
type BookingRow = {
  id: number;
  service: string;
  format: string;
  status: string;
  start: unknown;
  created_at: unknown;
  centre: string;
  user_id: number | null;
  child_id: number | null;
  specialist_id: number | null;
  lead_phone: string | null;
};

/** Whom a booking counts for. */
export const bookingKey = (r: Pick<BookingRow, 'id' | 'user_id' | 'child_id' | 'lead_phone'>) =>
  r.child_id ? `c:${r.child_id}` : r.user_id ? `u:${r.user_id}` : r.lead_phone ? `l:${digits(r.lead_phone)}` : `b:${r.id}`;

/** Whom a CRM request counts for. */
export const requestKey = (r: { person_kind: string; user_id: number | null; child_id: number | null; phone: string | null; id: number }) =>
  r.person_kind === 'child' && r.child_id
    ? `c:${r.child_id}`
    : r.person_kind === 'user' && r.user_id
      ? `u:${r.user_id}`
      : r.phone
        ? `l:${digits(r.phone)}`
        : `q:${r.id}`;

/** The catalogue the facts name staff and centres by: specialist → admin user, admin user → centre (a minute's cache). */
export type Staffing = { adminOfSpecialist: Map<number, string>; centreOfAdmin: Map<string, string> };
let staffing: { at: number; value: Staffing } | undefined;
export async function staffingOf(strapi: Core.Strapi): Promise<Staffing> {
  if (staffing && Date.now() - staffing.at < 60_000) return staffing.value;
  const profiles = (await strapi.db
    .query(STAFF_PROFILE)
    .findMany({ select: ['id'], populate: { user: { select: ['id'] }, centre: { select: ['slug'] } } })) as Array<{
    id: number;
    user?: { id: number } | null;
    centre?: { slug: string } | null;
  }>;
  const adminOfProfile = new Map(profiles.filter((p) => p.user).map((p) => [p.id, String(p.user!.id)]));
  const centreOfAdmin = new Map(profiles.filter((p) => p.user && p.centre).map((p) => [String(p.user!.id), p.centre!.slug]));
  const specialists = (await strapi.db.query(SPECIALIST).findMany({ select: ['id'], populate: { staffProfile: { select: ['id'] } } })) as Array<{
    id: number;
    staffProfile?: { id: number } | null;
  }>;
  const adminOfSpecialist = new Map<number, string>();
  for (const s of specialists) {
    const admin = s.staffProfile ? adminOfProfile.get(s.staffProfile.id) : undefined;
    if (admin) adminOfSpecialist.set(s.id, admin);
  }
  staffing = { at: Date.now(), value: { adminOfSpecialist, centreOfAdmin } };
  return staffing.value;
}
/** Forgets the catalogue (a test that adds a specialist reads it at once). */
export const forgetStaffing = () => void (staffing = undefined);

const REQUEST_COLUMNS = ['id', 'person_kind', 'user_id', 'child_id', 'phone', 'status', 'service', 'centre', 'created_at'];
const ids = (keys: string[], prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((k) => Number(k.slice(prefix.length)));

/**
 * The bookings of these people (and `b:` keys' own): their ids found first by each relation's own
 * index (the link tables', the requests' phone), then the rows by id — one OR across joined tables
 * would make PostgreSQL scan every booking for each batch.
 */
async function bookingsOf(strapi: Core.Strapi, knex: Knex, keys: string[]): Promise<BookingRow[]> {
  const t = bookingTables(strapi);
  const found = new Set<number>(ids(keys, 'b:'));
  const users = ids(keys, 'u:');
  const children = ids(keys, 'c:');
  const phones = keys.filter((k) => k.startsWith('l:')).map((k) => `+${k.slice(2)}`);
  if (users.length) for (const r of await knex(t.user.table).whereIn(t.user.other, users).select(`${t.user.own} as id`)) found.add(r.id);
  if (children.length) for (const r of await knex(t.child.table).whereIn(t.child.other, children).select(`${t.child.own} as id`)) found.add(r.id);
  if (phones.length)
    for (const r of await knex(REQUESTS).where({ person_kind: 'lead' }).whereIn('phone', phones).whereNotNull('booking_id').select('booking_id as id'))
      found.add(r.id);
  if (!found.size) return [];
  const asked = new Set(keys);
  const rows: BookingRow[] = [];
  for (let i = 0, all = [...found]; i < all.length; i += 1000)
    rows.push(
      ...(await bookingRows(knex, t)
        .whereIn('b.id', all.slice(i, i + 1000))
        .select(BOOKING_COLUMNS(t))),
    );
  // A parent's link finds their children's bookings too: each counts for whom it is for.
  return rows.filter((b) => asked.has(bookingKey(b)));
}

const scalesOf = (result: unknown): Record<string, number> =>
  Object.fromEntries(
    (json<{ score?: { scales?: Array<{ scale: string; percent: number }> } }>(result, {}).score?.scales ?? []).map((s) => [s.scale, Number(s.percent)]),
  );

/**
 * Everything counted about these people. `knex` is the transaction the facts are written in on
 * PostgreSQL (after the people's locks, so that it reads what the last writer committed); the
 * partners' results come through the assessment plugin's own reader.
 */
export async function recordsOf(strapi: Core.Strapi, knex: Knex, keys: string[], staff: Staffing): Promise<PersonRecords[]> {
  const records = new Map<string, PersonRecords>(
    keys.map((key) => [
      key,
      {
        key,
        place: { region: '', locality: '', birthDate: null, userType: '' },
        bookings: [],
        requests: [],
        attempts: [],
        statements: [],
        notes: [],
        talents: [],
      },
    ]),
  );
  const of = (key: string) => records.get(key);
  const people = await knex(PEOPLE).whereIn('person_key', keys).select('person_key', 'region', 'locality', 'birth_date', 'user_type');
  for (const p of people)
    of(p.person_key)!.place = { region: p.region ?? '', locality: p.locality ?? '', birthDate: p.birth_date ?? null, userType: p.user_type ?? '' };

  for (const b of await bookingsOf(strapi, knex, keys))
    of(bookingKey(b))?.bookings.push({
      id: b.id,
      service: b.service as 'consultation',
      format: b.format as 'online',
      status: b.status as 'requested',
      start: when(b.start)!,
      createdAt: when(b.created_at) ?? when(b.start)!,
      centre: b.centre ?? '',
      staff: (b.specialist_id && staff.adminOfSpecialist.get(b.specialist_id)) || '',
    });

  const users = ids(keys, 'u:');
  const children = ids(keys, 'c:');
  const phones = keys.filter((k) => k.startsWith('l:')).map((k) => `+${k.slice(2)}`);
  // One query per kind of person, each on its own index (the CRM's requests by user, child, phone).
  const requests = [
    ...(users.length ? await knex(REQUESTS).where({ person_kind: 'user' }).whereIn('user_id', users).select(REQUEST_COLUMNS) : []),
    ...(children.length ? await knex(REQUESTS).where({ person_kind: 'child' }).whereIn('child_id', children).select(REQUEST_COLUMNS) : []),
    ...(phones.length ? await knex(REQUESTS).where({ person_kind: 'lead' }).whereIn('phone', phones).select(REQUEST_COLUMNS) : []),
  ];
  for (const r of requests)
    of(requestKey(r))?.requests.push({ id: r.id, status: r.status, service: r.service, createdAt: when(r.created_at)!, centre: r.centre ?? '' });

  const attempts = await knex(ATTEMPTS)
    .whereIn('person_key', keys)
    .where({ status: 'finished' })
    .whereNotNull('finished_at')
    .select('id', 'person_key', 'test_slug', 'age', 'started_at', 'finished_at', 'result');
  const byId = new Map<number, StatsAttempt>();
  for (const a of attempts) {
    const attempt: StatsAttempt = {
      id: a.id,
      test: a.test_slug,
      age: a.age === null || a.age === undefined ? null : Number(a.age),
      startedAt: ms(a.started_at)!,
      finishedAt: ms(a.finished_at)!,
      scales: scalesOf(a.result),
      items: [],
    };
    byId.set(a.id, attempt);
    of(a.person_key)?.attempts.push(attempt);
  }
  const attemptIds = [...byId.keys()];
  for (let i = 0; i < attemptIds.length; i += 2000) {
    const answers = await knex(ANSWERS)
      .whereIn('attempt_id', attemptIds.slice(i, i + 2000))
      .select('attempt_id', 'item_key', 'time_ms');
    for (const x of answers) byId.get(x.attempt_id)?.items.push({ item: x.item_key, ms: Number(x.time_ms) });
  }

  const personal = keys.filter((k) => k.startsWith('u:') || k.startsWith('c:'));
  for (const s of await servicesOf<AssessmentServices>(strapi, 'assessment')('results').statementsSince(personal, 0))
    of(s.personKey)?.statements.push({
      id: s.id,
      test: s.test,
      source: s.sourceKind,
      at: s.at,
      scales: Object.fromEntries(s.scales.map((x) => [x.scale, x.score])),
    });

  for (const n of await knex(NOTES).whereIn('person_key', personal).select('id', 'person_key', 'author_id', 'created_at')) {
    const author = String(n.author_id);
    of(n.person_key)?.notes.push({ id: n.id, at: ms(n.created_at)!, author, centre: staff.centreOfAdmin.get(author) ?? '' });
  }
  for (const t of await knex(TALENTS).whereIn('person_key', keys).select('person_key', 'domain', 'status', 'updated_at'))
    of(t.person_key)?.talents.push({ domain: t.domain, status: t.status, at: ms(t.updated_at)! });
  return [...records.values()];
}
