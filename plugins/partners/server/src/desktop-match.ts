/**
 * Whose result a desktop row is (README "Desktop test databases"): a booking reference at the
 * partner's centre names its person (the child when the booking is for a child); else the phone
 * or e-mail names an account holder. Nothing is guessed: two people, an account with children or
 * nobody at all leave the row in the review queue with the reason and the people staff may choose
 * from, and so does a person who has not given the consents every test needs.
 */
import type { Core } from '@strapi/strapi';
import { PluginError, servicesOf } from '@qabilet/plugin-kit/server';
import type { BookingServices } from '@qabilet/strapi-plugin-booking/strapi-server';
import type { AssessmentServices, Person } from '@qabilet/strapi-plugin-assessment/strapi-server';

const USER = 'plugin::users-permissions.user';
const CHILD = 'api::child.child';
const BOOKING = 'plugin::booking.booking';

export type Identifiers = { phone: string | null; email: string | null; bookingRef: string | null };
export type Candidate = { kind: 'user' | 'child'; id: number; name: string };
export type QueueReason = 'match.none' | 'match.ambiguous' | 'match.hasChildren' | 'consent.missing';
export type Match = { ok: true; person: Person } | { ok: false; reason: QueueReason; candidates: Candidate[] };

type Named = { id: number; firstName?: string; surname?: string };
const nameOf = (p: Named) => [p.firstName, p.surname].filter(Boolean).join(' ');
const FIELDS = ['id', 'firstName', 'surname'];

/** The person a booking at the centre was for, if it was for someone with an account. */
async function byBooking(strapi: Core.Strapi, centre: string, ref: string): Promise<Candidate | undefined> {
  const booking = await strapi.db.query(BOOKING).findOne({
    where: { documentId: ref, centre },
    populate: { user: { select: [...FIELDS, 'anonymisedAt'] }, child: { select: FIELDS } },
  });
  if (!booking?.user || booking.user.anonymisedAt) return undefined;
  return booking.child
    ? { kind: 'child', id: booking.child.id, name: nameOf(booking.child) }
    : { kind: 'user', id: booking.user.id, name: nameOf(booking.user) };
}

/** Account holders (not anonymised) with this phone or e-mail. */
async function holders(strapi: Core.Strapi, where: Record<string, unknown>): Promise<Candidate[]> {
  const users: Named[] = await strapi.db.query(USER).findMany({ where: { ...where, anonymisedAt: { $null: true } }, select: FIELDS, limit: 10 });
  return users.map((u) => ({ kind: 'user', id: u.id, name: nameOf(u) }));
}

/** The account holders the phone and e-mail point at: one when they agree (or only one is known). */
async function byContacts(strapi: Core.Strapi, ids: Identifiers): Promise<Candidate[]> {
  const [byPhone, byEmail] = await Promise.all([
    ids.phone ? holders(strapi, { phone: ids.phone }) : [],
    ids.email ? holders(strapi, { email: { $eqi: ids.email } }) : [],
  ]);
  if (byPhone.length && byEmail.length) {
    const both = byPhone.filter((p) => byEmail.some((e) => e.id === p.id));
    return both.length ? both : [...byPhone, ...byEmail];
  }
  return byPhone.length ? byPhone : byEmail;
}

async function childrenOf(strapi: Core.Strapi, userId: number): Promise<Candidate[]> {
  const children: Named[] = await strapi.db.query(CHILD).findMany({ where: { parent: userId }, select: FIELDS, orderBy: { id: 'asc' } });
  return children.map((c) => ({ kind: 'child', id: c.id, name: nameOf(c) }));
}

/** The candidate as a person, if they (and, for a child, their parent) gave every consent. */
export async function consentedCandidate(strapi: Core.Strapi, candidate: Pick<Candidate, 'kind' | 'id'>): Promise<Person | undefined> {
  const person = await servicesOf<AssessmentServices>(
    strapi,
    'assessment',
  )('people')
    .byId(candidate.kind, candidate.id)
    .catch(() => undefined);
  if (!person?.userId) return undefined;
  const child = person.childId ? await strapi.db.query(CHILD).findOne({ where: { id: person.childId }, select: ['documentId'] }) : null;
  try {
    await servicesOf<BookingServices>(strapi, 'booking')('people').check(person.userId, child?.documentId);
    return person;
  } catch (error) {
    // The booking plugin's refusal: a consent missing (or the child not theirs).
    if (error instanceof PluginError) return undefined;
    throw error;
  }
}

/** Who the row is about, or why staff must decide. */
export async function matchRow(strapi: Core.Strapi, centre: string, ids: Identifiers): Promise<Match> {
  const booked = ids.bookingRef ? await byBooking(strapi, centre, ids.bookingRef) : undefined;
  let chosen: Candidate;
  if (booked) chosen = booked;
  else {
    const found = await byContacts(strapi, ids);
    if (!found.length) return { ok: false, reason: 'match.none', candidates: [] };
    if (found.length > 1) return { ok: false, reason: 'match.ambiguous', candidates: found };
    chosen = found[0]!;
    const children = await childrenOf(strapi, chosen.id);
    if (children.length) return { ok: false, reason: 'match.hasChildren', candidates: [chosen, ...children] };
  }
  const person = await consentedCandidate(strapi, chosen);
  return person ? { ok: true, person } : { ok: false, reason: 'consent.missing', candidates: [chosen] };
}

/** Remembers the answers for one import: a file often holds many rows of the same person. */
export function matcher(strapi: Core.Strapi, centre: string): (ids: Identifiers) => Promise<Match> {
  const seen = new Map<string, Promise<Match>>();
  return (ids) => {
    const key = JSON.stringify([ids.phone, ids.email, ids.bookingRef]);
    if (!seen.has(key)) seen.set(key, matchRow(strapi, centre, ids));
    return seen.get(key)!;
  };
}

/**
 * The candidates a centre's staff may see by name: people living in a region the centre serves, or
 * with a request or booking at the centre. A phone or e-mail typed while resolving a row must not
 * tell staff who any account holder in the country is, or which children they have.
 */
export async function knownToCentre(strapi: Core.Strapi, centre: string, candidates: Candidate[]): Promise<Candidate[]> {
  if (!candidates.length) return [];
  const served = await strapi.db
    .query('api::centre.centre')
    .findOne({ where: { slug: centre }, select: ['slug'], populate: { regions: { select: ['code'] } } });
  const regions = new Set<string>((served?.regions ?? []).map((r: { code: string }) => r.code));
  const knex = strapi.db.connection;
  const known = await Promise.all(
    candidates.map(async (c) => {
      const row = c.kind === 'child' ? await knex('children').where({ id: c.id }).first('region') : await knex('up_users').where({ id: c.id }).first('region');
      if (row && regions.has(row.region)) return true;
      const request = await knex('crm_requests')
        .where({ centre })
        .whereNot({ status: 'cancelled' })
        .where(c.kind === 'child' ? { child_id: c.id } : { user_id: c.id, person_kind: 'user' })
        .first('id');
      return !!request;
    }),
  );
  return candidates.filter((_, i) => known[i]);
}
