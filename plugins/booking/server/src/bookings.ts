/**
 * Bookings: made, cancelled and rescheduled by users; confirmed, completed, marked no-show or
 * cancelled by staff. Every change is one transaction that updates the booking and its history,
 * takes or frees the specialist's occupancy cells and queues the news for the outbox.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import {
  canMove, cellsOf, isLanguage, decodeSlotId, FORMATS, freeSlots, kzDate, kzTime, SERVICES, userMayChange,
  type BookingStatus, type BookingView, type Format, type Service,
} from '@qabilet/domain';
import { BookingError, invalid, type Problem } from './errors';
import { BOOKING, busyOf, exceptionsOf, holidays, policyOf, SPECIALIST, type CentrePolicy, type Specialist } from './schedule';
import { forgetSlots, nearestSlots } from './slots';
import { enqueue, type NewsKind } from './notify';
import { CELLS, IDEMPOTENCY, isUniqueViolation, lockPerson, OUTBOX } from './tables';
import type { Language } from './messages';
import { changedAfter, changedInside, changeOf, type BookingChange } from './events';
import { forgetWaitlist } from './waitlist-store';

const USER = 'plugin::users-permissions.user';
export const LIVE: BookingStatus[] = ['requested', 'confirmed'];

export type Actor = { by: 'user' | 'staff' | 'system'; id?: number };
export type HistoryEntry = { at: string; by: Actor['by']; actor?: number; action: string; status: BookingStatus; reason?: string; from?: string };

export type Row = {
  id: number; documentId: string; centre: string; service: Service; format: Format; status: BookingStatus; start: string; end: string;
  videoLink: string | null; history: HistoryEntry[]; createdAt: string;
  /** A caller without an account, booked for by the call centre (no user then). */
  lead?: { name: string; phone: string; language: string } | null;
  /** Staff lists also read the person's name and phone. */
  user?: { id: number; surname?: string; firstName?: string; phone?: string | null } | null; child?: { id: number; documentId: string; firstName: string; surname?: string } | null; specialist?: Specialist | null;
};

export const accounts = (strapi: Core.Strapi) => strapi.service('api::account.account') as unknown as {
  consentState(user: unknown): Promise<{ own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean }>;
  findOwnChild(parentId: number, documentId: unknown): Promise<{ id: number; documentId: string; firstName: string } | null>;
  childConsentGiven(parentId: number, childId: number): Promise<boolean>;
  audit(entry: Record<string, unknown>): Promise<void>;
};

export const siteUrl = () => (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '');

export const populate = { specialist: true, child: { select: ['id', 'documentId', 'firstName', 'surname'] }, user: { select: ['id'] } } as const;

export async function loadBooking(strapi: Core.Strapi, where: Record<string, unknown>): Promise<Row | null> {
  return strapi.db.query(BOOKING).findOne({ where, populate });
}

/** Centres' public details in a language, by slug. */
export async function centreNames(strapi: Core.Strapi, slugs: string[], language: Language) {
  const rows = await strapi.db.query('api::centre.centre').findMany({ where: { slug: { $in: [...new Set(slugs)] }, locale: language }, select: ['slug', 'name', 'address', 'phone'] });
  type Centre = { slug: string; name: string; address: string; phone: string };
  return new Map<string, Centre>(rows.map((r: Centre) => [r.slug, r]));
}

export async function viewsOf(strapi: Core.Strapi, rows: Row[], language: Language, now: Date): Promise<BookingView[]> {
  const centres = await centreNames(strapi, rows.map((r) => r.centre), language);
  const policies = new Map<string, CentrePolicy | undefined>();
  for (const r of rows) if (!policies.has(r.centre)) policies.set(r.centre, await policyOf(strapi, r.centre));
  return rows.map((r) => {
    const start = new Date(r.start);
    const notice = policies.get(r.centre)?.changeNoticeMinutes ?? 0;
    return {
      id: r.documentId,
      status: r.status,
      service: r.service,
      format: r.format,
      start: start.toISOString(),
      end: new Date(r.end).toISOString(),
      date: kzDate(start),
      time: kzTime(start),
      centre: centres.get(r.centre) ?? { slug: r.centre, name: r.centre, address: '', phone: '' },
      specialist: { name: r.specialist?.name ?? '' },
      child: r.child ? { id: r.child.documentId, firstName: r.child.firstName } : null,
      videoLink: r.format === 'online' && r.status === 'confirmed' ? r.videoLink : null,
      changeUntil: new Date(start.getTime() - notice * 60_000).toISOString(),
      canChange: LIVE.includes(r.status) && userMayChange(start, now, notice),
    };
  });
}

export const objectBody = (body: unknown): Record<string, unknown> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid({ field: 'body', code: 'body.notObject' });
  return body as Record<string, unknown>;
};

export const allowOnly = (body: Record<string, unknown>, fields: string[]): Problem[] =>
  Object.keys(body).filter((k) => !fields.includes(k)).map((field) => ({ field, code: 'field.notAllowed' }));

/** Whether `start` is a slot of the specialist's schedule for the service, and whether it is free now. */
export async function slotState(strapi: Core.Strapi, specialist: Specialist, policy: CentrePolicy, service: Service, start: Date, now: Date, ignoreBooking?: number) {
  const timing = specialist.timings?.[service];
  if (!timing) return 'unknown' as const;
  const date = kzDate(start);
  const [exceptions, days] = await Promise.all([exceptionsOf(strapi, [specialist.id], date, date), holidays(strapi)]);
  const query = { hours: specialist.hours, exceptions: exceptions.get(specialist.id) ?? [], holidays: days, timing, policy, now, from: date, to: date };
  // Whether the schedule has this slot at all, seen from the day before it (so that a past slot exists, but is past).
  const dayBefore = new Date(start.getTime() - 86_400_000);
  const exists = freeSlots({ ...query, busy: [], now: dayBefore, policy: { horizonDays: 2, minNoticeMinutes: 0 } }).some((s) => s.start.getTime() === start.getTime());
  if (!exists) return 'unknown' as const;
  if (!freeSlots({ ...query, busy: [] }).some((s) => s.start.getTime() === start.getTime())) return 'past' as const;
  const busy = (await busyOf(strapi, [specialist.id], date, date, ignoreBooking)).get(specialist.id) ?? [];
  return freeSlots({ ...query, busy }).some((s) => s.start.getTime() === start.getTime()) ? ('free' as const) : ('taken' as const);
}

export const takenError = async (strapi: Core.Strapi, specialist: Specialist, service: Service, format: Format, start: Date, now: Date) =>
  new BookingError(409, { field: 'slot', code: 'slot.taken' }, { nearest: await nearestSlots(strapi, specialist.centre, service, format, start, now) });

/** Takes the cells of [start, end + buffer) for the booking; the primary key refuses a second holder. */
export async function takeCells(trx: Knex.Transaction, specialistId: number, bookingId: number, start: Date, heldUntil: Date) {
  const rows = cellsOf(start, heldUntil).map((cell) => ({ specialist_id: specialistId, cell, booking_id: bookingId }));
  await trx(CELLS).insert(rows);
}

export class SlotTaken extends Error {}
class Replayed extends Error {}
class OverLimit extends Error {
  constructor(readonly count: number) {
    super('booking.limit');
  }
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

export type Contact = { id: number; email: string; phone: string | null; confirmed: boolean; language: string | null; birthDate: string; deletionRequestedAt: string | null };

export async function contactOf(strapi: Core.Strapi, userId: number): Promise<Contact | null> {
  return strapi.db.query(USER).findOne({ where: { id: userId }, select: ['id', 'email', 'phone', 'confirmed', 'language', 'birthDate', 'deletionRequestedAt', 'blocked'] });
}

/** Queues the news of a change to `row` for its user (a parent for a child's booking). */
export async function tell(strapi: Core.Strapi, trx: Knex.Transaction, row: Row, kind: NewsKind, tag: string, reason?: string, known?: Contact) {
  // A caller without an account (a lead the call centre booked for) is told by SMS only.
  const user = row.lead ? null : known ?? (row.user ? await contactOf(strapi, row.user.id) : null);
  if (!user && !row.lead) return;
  const spoken = user ? user.language : row.lead!.language;
  const language: Language = isLanguage(spoken) ? spoken : 'kk';
  const centre = (await centreNames(strapi, [row.centre], language)).get(row.centre);
  await enqueue(trx, {
    kind, tag, bookingId: row.id, language, service: row.service, format: row.format, start: new Date(row.start),
    centre: { name: centre?.name ?? row.centre, address: centre?.address ?? '', phone: centre?.phone },
    videoLink: row.videoLink, childName: row.child?.firstName, reason,
    contact: user ? { phone: user.phone, email: user.confirmed ? user.email : null } : { phone: row.lead!.phone, email: null },
    cabinetUrl: `${siteUrl()}/${language}/account/bookings/`,
  });
}

export function videoRoom(policy: CentrePolicy): string {
  const base = (policy.videoBase || process.env.JITSI_BASE_URL || 'https://meet.jit.si').replace(/\/$/, '');
  return `${base}/qabilet-${crypto.randomBytes(12).toString('hex')}`;
}

// ── A user's booking in parts, shared by createBooking and the waitlist (waitlist.ts, waitlist-actions.ts),
// so that an accepted offer is booked exactly as a slot picked from the list. ──

export type OwnChild = { id: number; documentId: string; firstName: string };

/** Whom a user books for — themselves or their own child — with every consent checked (BookingError otherwise). */
export async function checkPerson(strapi: Core.Strapi, userId: number, childInput: unknown): Promise<{ user: Contact; child: OwnChild | null }> {
  const user = await contactOf(strapi, userId);
  let child: OwnChild | null = null;
  if (childInput !== undefined && childInput !== null) {
    child = await accounts(strapi).findOwnChild(userId, childInput);
    if (!child) throw invalid({ field: 'child', code: 'child.unknown' });
  }
  const consent = await accounts(strapi).consentState(user);
  if (!consent.own) throw new BookingError(403, { code: 'consent.missing' });
  if (consent.parentalNeeded && !consent.parental) throw new BookingError(403, { code: 'consent.parental' });
  if (!consent.servicesAllowed) throw new BookingError(403, { code: 'consent.missing' });
  if (child && !(await accounts(strapi).childConsentGiven(userId, child.id))) throw new BookingError(403, { field: 'child', code: 'consent.child' });
  return { user: user!, child };
}

/** The person's (the user's, or their child's) live future bookings of `service`. */
export const upcomingOf = (strapi: Core.Strapi, userId: number, childId: number | null, service: Service, now: Date): Promise<number> =>
  strapi.db.query(BOOKING).count({ where: { user: userId, child: childId ?? { id: { $null: true } }, service, status: { $in: LIVE }, start: { $gt: now.toISOString() } } });

/**
 * The same count, inside `trx` and under the person's lock (tables.ts): taken first in the
 * transaction that inserts a user's own booking, so that no two of their bookings both see room.
 */
export async function upcomingLocked(strapi: Core.Strapi, trx: Knex.Transaction, userId: number, childId: number | null, service: Service, now: Date): Promise<number> {
  await lockPerson(strapi, trx, userId);
  return upcomingOf(strapi, userId, childId, service, now);
}

export type UserBooking = { userId: number; user: Contact; child: OwnChild | null; specialist: Specialist; policy: CentrePolicy; service: Service; format: Format; start: Date; now: Date };

/** A booking to write: for a user (or their child) or a lead, by whom, in which status. */
export type NewBooking = Omit<UserBooking, 'userId' | 'user' | 'child'> & {
  person: { userId: number; user?: Contact; child: Row['child'] } | { lead: NonNullable<Row['lead']> };
  actor: Actor & { id: number };
  status: 'requested' | 'confirmed';
  /** The registry request a staff member booked this for (passed on to the listeners). */
  requestId?: number;
};

/**
 * Within `trx`: the booking row, its cells, its news, the `inside` listeners and the audit entry.
 * Throws SlotTaken when another holder has the cells. The caller runs `forgetSlots` and
 * `changedAfter` once `trx` is committed.
 */
export async function insertBooking(strapi: Core.Strapi, trx: Knex.Transaction, b: NewBooking): Promise<Row> {
  const { specialist, policy, service, format, start, now, status, actor, person } = b;
  const timing = specialist.timings[service]!;
  const end = new Date(start.getTime() + timing.slotMinutes * 60_000);
  const heldUntil = new Date(end.getTime() + timing.bufferMinutes * 60_000);
  const user = 'userId' in person ? person.userId : null;
  const child = 'userId' in person ? person.child : null;
  const created = await strapi.db.query(BOOKING).create({
    data: {
      user, child: child?.id ?? null, lead: 'lead' in person ? person.lead : null, specialist: specialist.id, centre: specialist.centre, service, format, status,
      start: start.toISOString(), end: end.toISOString(), videoLink: format === 'online' ? videoRoom(policy) : null,
      history: [{ at: now.toISOString(), by: actor.by, actor: actor.id, action: 'created', status }],
    },
  });
  try {
    await takeCells(trx, specialist.id, created.id, start, heldUntil);
  } catch (error) {
    if (isUniqueViolation(error)) throw new SlotTaken();
    throw error;
  }
  // Everything the news and the answer need is at hand: no reading back what was just written.
  const row: Row = { ...created, user: user === null ? null : { id: user }, child, specialist };
  await tell(strapi, trx, row, status, '0', undefined, 'userId' in person ? person.user : undefined);
  await changedInside(strapi, changeOf(row, 'created', actor, { requestId: b.requestId }));
  await accounts(strapi).audit({ actorType: actor.by === 'staff' ? 'admin' : 'user', actorId: actor.id, action: 'booking.create', subjectType: BOOKING, subjectId: created.documentId });
  return row;
}

/** A user's own booking: requested, or confirmed where the centre confirms automatically. */
export const insertUserBooking = (strapi: Core.Strapi, trx: Knex.Transaction, b: UserBooking): Promise<Row> =>
  insertBooking(strapi, trx, { ...b, person: { userId: b.userId, user: b.user, child: b.child }, actor: { by: 'user', id: b.userId }, status: b.policy.autoConfirm ? 'confirmed' : 'requested' });

// ── End of the shared parts. ──

export async function createBooking(strapi: Core.Strapi, userId: number, input: unknown, key: string | undefined, now: Date) {
  const body = objectBody(input);
  const problems = allowOnly(body, ['slot', 'service', 'format', 'child']);
  const slot = decodeSlotId(body.slot);
  const service = body.service as Service;
  const format = body.format as Format;
  if (body.slot === undefined) problems.push({ field: 'slot', code: 'field.required' });
  else if (!slot) problems.push({ field: 'slot', code: 'slot.unknown' });
  if (!SERVICES.includes(service)) problems.push({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(format)) problems.push({ field: 'format', code: 'format.unknown' });
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) problems.push({ field: 'Idempotency-Key', code: 'idempotency.malformed' });
  if (problems.length) throw invalid(problems);

  const requestHash = crypto.createHash('sha256').update(JSON.stringify([body.slot, service, format, body.child ?? null])).digest('hex');
  if (key) {
    const earlier = await strapi.db.connection(IDEMPOTENCY).where({ user_id: userId, key }).first();
    if (earlier) return replay(strapi, earlier, requestHash);
  }

  const specialist: Specialist | null = await strapi.db.query(SPECIALIST).findOne({ where: { id: slot!.specialistId, active: true } });
  const policy = specialist ? await policyOf(strapi, specialist.centre) : undefined;
  if (!specialist || !policy) throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (!specialist.services.includes(service) || !specialist.formats.includes(format)) throw invalid({ field: 'slot', code: 'slot.mismatch' });
  if (!policy.formats.includes(format)) throw invalid({ field: 'format', code: 'format.notOffered' });

  const { user, child } = await checkPerson(strapi, userId, body.child);

  const start = slot!.start;
  const state = await slotState(strapi, specialist, policy, service, start, now);
  if (state === 'unknown') throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (state === 'past') throw invalid({ field: 'slot', code: 'slot.past' });
  // Taken — perhaps by this very request's first try, still in flight when we looked above.
  const replayIfRetried = async () => {
    const earlier = key ? await strapi.db.connection(IDEMPOTENCY).where({ user_id: userId, key }).first() : undefined;
    return earlier ? replay(strapi, earlier, requestHash) : undefined;
  };
  if (state === 'taken') return (await replayIfRetried()) ?? Promise.reject(await takenError(strapi, specialist, service, format, start, now));

  try {
    const booked = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }): Promise<Row> => {
      const upcoming = await upcomingLocked(strapi, trx, userId, child?.id ?? null, service, now);
      if (upcoming >= policy.maxFuturePerService) throw new OverLimit(upcoming);
      if (key) {
        try {
          await trx(IDEMPOTENCY).insert({ user_id: userId, key, request_hash: requestHash, booking_id: 0, created_at: now.getTime() });
        } catch (error) {
          if (isUniqueViolation(error)) throw new Replayed();
          throw error;
        }
      }
      const row = await insertUserBooking(strapi, trx, { userId, user, child, specialist, policy, service, format, start, now });
      if (key) await trx(IDEMPOTENCY).where({ user_id: userId, key }).update({ booking_id: row.id });
      return row;
    });
    forgetSlots();
    changedAfter(strapi, changeOf(booked, 'created', { by: 'user', id: userId }));
    return { replayed: false, row: booked };
  } catch (error) {
    // Over the limit — perhaps with this very request's first try, committed while we waited.
    if (error instanceof SlotTaken || error instanceof Replayed || error instanceof OverLimit) {
      const replayed = await replayIfRetried();
      if (replayed) return replayed;
    }
    if (error instanceof OverLimit) throw invalid({ field: 'slot', code: 'booking.limit', values: { count: error.count } });
    // Taken, or our first try's transaction rolled back after we waited on its key: either way, 409.
    if (error instanceof SlotTaken || error instanceof Replayed) throw await takenError(strapi, specialist, service, format, start, now);
    throw error;
  }
}

async function replay(strapi: Core.Strapi, earlier: { request_hash: string; booking_id: number }, requestHash: string) {
  if (earlier.request_hash !== requestHash) throw new BookingError(422, { field: 'Idempotency-Key', code: 'idempotency.mismatch' });
  const row = await loadBooking(strapi, { id: earlier.booking_id });
  if (!row) throw new BookingError(404, { code: 'booking.notFound' });
  return { replayed: true, row };
}

const isDocumentId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9]{10,40}$/.test(id);

/** The user's own booking (theirs or a child's), or 404 — the same answer whether it exists or not. */
async function ownBooking(strapi: Core.Strapi, userId: number, documentId: unknown): Promise<Row> {
  const row = isDocumentId(documentId) ? await loadBooking(strapi, { documentId, user: userId }) : null;
  if (!row) throw new BookingError(404, { code: 'booking.notFound' });
  return row;
}

export const entry = (now: Date, actor: Actor, action: string, status: BookingStatus, extra: Partial<HistoryEntry> = {}): HistoryEntry =>
  ({ at: now.toISOString(), by: actor.by, ...(actor.id !== undefined ? { actor: actor.id } : {}), action, status, ...extra });

function checkReason(value: unknown, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) throw invalid({ field: 'reason', code: 'reason.required' });
    return undefined;
  }
  if (typeof value !== 'string') throw invalid({ field: 'reason', code: 'reason.required' });
  if (value.length > 500) throw invalid({ field: 'reason', code: 'reason.tooLong' });
  const reason = value.trim();
  if (required && !reason) throw invalid({ field: 'reason', code: 'reason.required' });
  return reason || undefined;
}

function mayChange(row: Row, policy: CentrePolicy | undefined, now: Date) {
  if (!LIVE.includes(row.status)) throw invalid({ code: 'booking.final', values: { status: row.status } });
  const notice = policy?.changeNoticeMinutes ?? 0;
  if (!userMayChange(new Date(row.start), now, notice)) throw invalid({ code: 'booking.tooLate', values: { hours: Math.round(notice / 6) / 10 } });
}

/** Moves a booking to `to`, keeps its history, frees its cells when it no longer holds the time. */
async function move(strapi: Core.Strapi, row: Row, to: BookingStatus, actor: Actor, now: Date, reason?: string) {
  const change: BookingChange = changeOf({ ...row, status: to }, to === 'requested' ? 'created' : to, actor, reason ? { reason } : {});
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    // Re-read inside the transaction: a concurrent change wins once, not twice.
    const current = await strapi.db.query(BOOKING).findOne({ where: { id: row.id }, select: ['status', 'history'] });
    if (!canMove(current.status, to)) throw invalid({ code: 'booking.move', values: { from: current.status, to } });
    const updated = await strapi.db.query(BOOKING).update({
      where: { id: row.id, status: current.status },
      data: { status: to, history: [...(current.history ?? []), entry(now, actor, to, to, reason ? { reason } : {})] },
    });
    if (!updated) throw invalid({ code: 'booking.move', values: { from: current.status, to } });
    if (to === 'cancelled') await trx(CELLS).where({ booking_id: row.id }).delete();
    if (to === 'confirmed' || to === 'cancelled') await tell(strapi, trx, { ...row, status: to }, to, String((current.history ?? []).length), reason);
    await changedInside(strapi, change);
  });
  forgetSlots();
  changedAfter(strapi, change);
  await accounts(strapi).audit({ actorType: actor.by === 'staff' ? 'admin' : actor.by, actorId: actor.id, action: `booking.${to}`, subjectType: BOOKING, subjectId: row.documentId });
  return (await loadBooking(strapi, { id: row.id }))!;
}

export async function cancelByUser(strapi: Core.Strapi, userId: number, documentId: unknown, input: unknown, now: Date) {
  const body = objectBody(input ?? {});
  const problems = allowOnly(body, ['reason']);
  if (problems.length) throw invalid(problems);
  const reason = checkReason(body.reason, false);
  const row = await ownBooking(strapi, userId, documentId);
  mayChange(row, await policyOf(strapi, row.centre), now);
  return move(strapi, row, 'cancelled', { by: 'user', id: userId }, now, reason);
}

export async function rescheduleByUser(strapi: Core.Strapi, userId: number, documentId: unknown, input: unknown, now: Date) {
  const body = objectBody(input);
  const problems = allowOnly(body, ['slot']);
  const slot = decodeSlotId(body.slot);
  if (!slot) problems.push({ field: 'slot', code: body.slot === undefined ? 'field.required' : 'slot.unknown' });
  if (problems.length) throw invalid(problems);
  const row = await ownBooking(strapi, userId, documentId);
  const policy = await policyOf(strapi, row.centre);
  mayChange(row, policy, now);
  const specialist: Specialist | null = await strapi.db.query(SPECIALIST).findOne({ where: { id: slot!.specialistId, active: true } });
  if (!specialist || !policy || specialist.centre !== row.centre) throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (!specialist.services.includes(row.service) || !specialist.formats.includes(row.format)) throw invalid({ field: 'slot', code: 'slot.mismatch' });
  const start = slot!.start;
  const state = await slotState(strapi, specialist, policy, row.service, start, now, specialist.id === row.specialist?.id ? row.id : undefined);
  if (state === 'unknown') throw invalid({ field: 'slot', code: 'slot.unknown' });
  if (state === 'past') throw invalid({ field: 'slot', code: 'slot.past' });
  if (state === 'taken') throw await takenError(strapi, specialist, row.service, row.format, start, now);

  const timing = specialist.timings[row.service]!;
  const end = new Date(start.getTime() + timing.slotMinutes * 60_000);
  const status: BookingStatus = policy.autoConfirm ? 'confirmed' : 'requested';
  let rescheduled: BookingChange | undefined;
  try {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      const current = await strapi.db.query(BOOKING).findOne({ where: { id: row.id }, select: ['status', 'history', 'start'] });
      if (!LIVE.includes(current.status)) throw invalid({ code: 'booking.final', values: { status: current.status } });
      const history = [...(current.history ?? []), entry(now, { by: 'user', id: userId }, 'rescheduled', status, { from: new Date(current.start).toISOString() })];
      await strapi.db.query(BOOKING).update({ where: { id: row.id }, data: { specialist: specialist.id, start: start.toISOString(), end: end.toISOString(), status, history } });
      await trx(CELLS).where({ booking_id: row.id }).delete();
      try {
        await takeCells(trx, specialist.id, row.id, start, new Date(end.getTime() + timing.bufferMinutes * 60_000));
      } catch (error) {
        if (isUniqueViolation(error)) throw new SlotTaken();
        throw error;
      }
      const moved = (await loadBooking(strapi, { id: row.id }))!;
      await tell(strapi, trx, moved, 'rescheduled', String(history.length));
      rescheduled = changeOf(moved, 'rescheduled', { by: 'user', id: userId }, { from: { specialistId: row.specialist?.id ?? null, start: new Date(row.start).toISOString() } });
      await changedInside(strapi, rescheduled);
    });
    forgetSlots();
    if (rescheduled) changedAfter(strapi, rescheduled);
  } catch (error) {
    // Taken, or our first try's transaction rolled back after we waited on its key: either way, 409.
    if (error instanceof SlotTaken || error instanceof Replayed) throw await takenError(strapi, specialist, row.service, row.format, start, now);
    throw error;
  }
  await accounts(strapi).audit({ actorType: 'user', actorId: userId, action: 'booking.reschedule', subjectType: BOOKING, subjectId: row.documentId });
  return (await loadBooking(strapi, { id: row.id }))!;
}

export async function myBookings(strapi: Core.Strapi, userId: number, now: Date): Promise<Row[]> {
  const rows: Row[] = await strapi.db.query(BOOKING).findMany({ where: { user: userId }, populate, orderBy: { start: 'asc' }, limit: 500 });
  const upcoming = rows.filter((r) => new Date(r.end) >= now);
  const past = rows.filter((r) => new Date(r.end) < now).reverse();
  return [...upcoming, ...past];
}

const STAFF_MOVES = { confirm: 'confirmed', complete: 'completed', 'no-show': 'no_show', cancel: 'cancelled' } as const;
export type StaffAction = keyof typeof STAFF_MOVES;
export const isStaffAction = (a: unknown): a is StaffAction => typeof a === 'string' && a in STAFF_MOVES;

/** A staff member's action on a booking of a specialist in their scope (`specialistIds`; 'all' for everyone). */
export async function actAsStaff(strapi: Core.Strapi, adminId: number, specialistIds: number[] | 'all', documentId: unknown, action: StaffAction, input: unknown, now: Date) {
  const body = objectBody(input ?? {});
  const problems = allowOnly(body, ['reason']);
  if (problems.length) throw invalid(problems);
  const reason = checkReason(body.reason, action === 'cancel');
  const row = isDocumentId(documentId) ? await loadBooking(strapi, { documentId }) : null;
  if (!row || (specialistIds !== 'all' && !specialistIds.includes(row.specialist?.id ?? -1))) throw new BookingError(404, { code: 'booking.notFound' });
  const to = STAFF_MOVES[action];
  if (!canMove(row.status, to)) throw invalid({ code: 'booking.move', values: { from: row.status, to } });
  if ((to === 'completed' || to === 'no_show') && new Date(row.start) > now) throw invalid({ code: 'booking.notStarted' });
  return move(strapi, row, to, { by: 'staff', id: adminId }, now, reason);
}

export async function staffBookings(strapi: Core.Strapi, specialistIds: number[] | 'all', from: Date, to: Date): Promise<Row[]> {
  const where: Record<string, unknown> = { start: { $gte: from.toISOString(), $lt: to.toISOString() } };
  if (specialistIds !== 'all') where.specialist = { id: { $in: specialistIds } };
  return strapi.db.query(BOOKING).findMany({
    where,
    populate: { ...populate, user: { select: ['id', 'surname', 'firstName', 'phone'] } },
    orderBy: { start: 'asc' },
    limit: 1000,
  });
}

/** Queues the reminder of a booking (once per start time: the outbox's dedupe key sees to it). */
export async function remind(strapi: Core.Strapi, bookingId: number): Promise<void> {
  const row = await loadBooking(strapi, { id: bookingId });
  if (!row || row.status !== 'confirmed') return;
  await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => tell(strapi, trx, row, 'reminder', new Date(row.start).toISOString()));
}

/**
 * When an account is anonymised: its future bookings are cancelled (their time freed), and the
 * messages queued or kept for them — which hold a phone number and an address — are deleted, as are
 * its idempotency keys. Past bookings stay, tied to the anonymised account, for the statistics.
 */
export async function forgetPerson(strapi: Core.Strapi, userId: number, now: Date): Promise<void> {
  const cancelled: BookingChange[] = [];
  // Joins the caller's transaction when there is one (the anonymisation runs in one).
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    const rows: Row[] = await strapi.db.query(BOOKING).findMany({ where: { user: userId }, populate });
    for (const r of rows.filter((b) => LIVE.includes(b.status) && new Date(b.start) > now)) {
      await strapi.db.query(BOOKING).update({ where: { id: r.id }, data: { status: 'cancelled', history: [...(r.history ?? []), entry(now, { by: 'system' }, 'cancelled', 'cancelled', { reason: 'account deleted' })] } });
      const change = changeOf({ ...r, status: 'cancelled' }, 'cancelled', { by: 'system' }, { reason: 'account deleted' });
      await changedInside(strapi, change);
      cancelled.push(change);
    }
    const ids = rows.map((r) => r.id);
    if (ids.length) {
      await trx(CELLS).whereIn('booking_id', ids).delete();
      await trx(OUTBOX).whereIn('booking_id', ids).delete();
    }
    await trx(IDEMPOTENCY).where({ user_id: userId }).delete();
    // Their places on the waitlist go too; a time held for them is free for the next sweep.
    await forgetWaitlist(strapi, trx, userId);
  });
  forgetSlots();
  for (const change of cancelled) changedAfter(strapi, change);
}
