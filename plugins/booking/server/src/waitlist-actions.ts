/**
 * What a person does with the waitlist: joins it for a centre, service, format and dates, sees
 * their places, leaves one; and, with the link an offer sent them, sees the time held for them,
 * takes it (a booking, made exactly as one picked from the list) or declines it. Who acts is the
 * logged-in user; an entry or offer of someone else's answers 404, as one that does not exist.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { checkRange, FORMATS, kzDate, kzTime, SERVICES, type Format, type OfferSlot, type OfferView, type Service, type WaitlistView } from '@qabilet/domain';
import { insertUserBooking } from './booking/insert';
import { upcomingOf } from './booking/limit';
import { checkPerson } from './booking/person';
import { allowOnly, objectBody } from './booking/request';
import { activeSpecialist } from './booking/resolve-slot';
import { loadBooking, type Row } from './booking/rows';
import { freeCells, SlotTaken } from './booking/take-cells';
import { centreNames } from './booking/views';
import { BookingError, invalid, type Problem } from './errors';
import { changedAfter, changeOf } from './events';
import type { Language } from './messages';
import { policyOf, SPECIALIST } from './schedule';
import { forgetSlots } from './slots';
import { isUniqueViolation, lockPerson, OFFERS } from './tables';
import { offerFreedTime, type SweepScope } from './waitlist';
import {
  endOffer,
  entryPopulate,
  hashToken,
  heldOffers,
  keyEntry,
  LIVE_ENTRY,
  MAX_LIVE_ENTRIES,
  moveEntry,
  offerOf,
  WAITLIST,
  type Entry,
  type Offer,
} from './waitlist-store';

export type { OfferSlot, OfferView, WaitlistView } from '@qabilet/domain';

/** Runs the sweep for the time a person's action freed; its failure is logged (by code), never theirs. */
export async function sweepAfter(strapi: Core.Strapi, scope: SweepScope): Promise<void> {
  try {
    await offerFreedTime(strapi, scope, new Date());
  } catch (error) {
    strapi.log.warn(`booking waitlist: sweep failed: ${(error as { code?: string }).code ?? (error as Error).name}`);
  }
}

export async function joinWaitlist(strapi: Core.Strapi, userId: number, input: unknown, now: Date): Promise<Entry> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['centre', 'service', 'format', 'from', 'to', 'child']);
  const service = body.service as Service;
  const format = body.format as Format;
  if (!SERVICES.includes(service)) problems.push({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(format)) problems.push({ field: 'format', code: 'format.unknown' });
  const policy = typeof body.centre === 'string' ? await policyOf(strapi, body.centre) : undefined;
  if (body.centre === undefined || body.centre === '') problems.push({ field: 'centre', code: 'field.required' });
  else if (!policy) problems.push({ field: 'centre', code: 'centre.unknown' });
  else if (FORMATS.includes(format) && !policy.formats.includes(format)) problems.push({ field: 'format', code: 'format.notOffered' });
  const horizonDays = policy?.horizonDays ?? 30;
  const range: Problem[] = checkRange(body.from, body.to, now, { horizonDays, minNoticeMinutes: 0 }).map((p) => ({ ...p, values: { days: horizonDays } }));
  if (!range.some((p) => p.field === 'from') && (body.from as string) < kzDate(now)) range.push({ field: 'from', code: 'range.past' });
  problems.push(...range);
  if (problems.length) throw new BookingError(400, problems, { horizonDays });

  const { child } = await checkPerson(strapi, userId, body.child);
  const duplicate = () => new BookingError(409, { code: 'waitlist.duplicate' });
  let created: Entry;
  try {
    created = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      // Two joins of one person at once count their places one after the other (tables.ts: the person's lock).
      await lockPerson(strapi, trx, userId);
      const live: Array<{ centre: string; service: Service }> = await strapi.db.query(WAITLIST).findMany({
        where: { user: userId, child: child?.id ?? { id: { $null: true } }, status: { $in: LIVE_ENTRY } },
        select: ['centre', 'service'],
      });
      if (live.some((e) => e.centre === body.centre && e.service === service)) throw duplicate();
      if (live.length >= MAX_LIVE_ENTRIES) throw invalid({ code: 'waitlist.limit', values: { count: MAX_LIVE_ENTRIES } });
      const made: Entry = await strapi.db.query(WAITLIST).create({
        data: {
          user: userId,
          child: child?.id ?? null,
          centre: body.centre,
          service,
          format,
          from: body.from,
          to: body.to,
          status: 'waiting',
          history: [{ at: now.toISOString(), by: 'user', actor: userId, action: 'joined', status: 'waiting' }],
        },
      });
      await keyEntry(trx, made.id, userId, child?.id);
      return made;
    });
  } catch (error) {
    // The database's own word on a second live place (the unique index): the same answer.
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
  // Time already free is offered at once: the answer may well say `offered`.
  await sweepAfter(strapi, { centre: created.centre, service, format });
  return (await strapi.db.query(WAITLIST).findOne({ where: { id: created.id }, populate: entryPopulate }))!;
}

const isDocumentId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9]{10,40}$/.test(id);

export async function myWaitlist(strapi: Core.Strapi, userId: number): Promise<Entry[]> {
  return strapi.db.query(WAITLIST).findMany({ where: { user: userId }, populate: entryPopulate, orderBy: { id: 'desc' }, limit: 100 });
}

export async function leaveWaitlist(strapi: Core.Strapi, userId: number, documentId: unknown, now: Date): Promise<Entry> {
  const entry: Entry | null = isDocumentId(documentId)
    ? await strapi.db.query(WAITLIST).findOne({ where: { documentId, user: userId }, populate: entryPopulate })
    : null;
  if (!entry) throw new BookingError(404, { code: 'waitlist.notFound' });
  const released = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    if (!(await moveEntry(trx, entry.id, LIVE_ENTRY, 'left', { at: now.toISOString(), by: 'user', actor: userId, action: 'left' })))
      throw invalid({ code: 'waitlist.final' });
    let freed = 0;
    for (const offer of await heldOffers(trx, [entry.id])) if (await endOffer(trx, offer.id, 'void')) freed++;
    return freed;
  });
  if (released) {
    forgetSlots();
    await sweepAfter(strapi, { centre: entry.centre });
  }
  return (await strapi.db.query(WAITLIST).findOne({ where: { id: entry.id }, populate: entryPopulate }))!;
}

/** Each entry as its owner sees it, with the time held for it (if any). */
export async function waitlistViews(strapi: Core.Strapi, entries: Entry[], language: Language, now: Date): Promise<WaitlistView[]> {
  const centres = await centreNames(
    strapi,
    entries.map((e) => e.centre),
    language,
  );
  const offers = (
    await heldOffers(
      strapi.db.connection,
      entries.filter((e) => e.status === 'offered').map((e) => e.id),
    )
  ).filter((o) => o.expires_at > now.getTime());
  const names = await specialistNames(strapi, offers);
  return entries.map((e) => {
    const offer = offers.find((o) => o.entry_id === e.id);
    return {
      id: e.documentId,
      status: e.status,
      service: e.service,
      format: e.format,
      from: e.from,
      to: e.to,
      createdAt: new Date(e.createdAt).toISOString(),
      centre: { slug: e.centre, name: centres.get(e.centre)?.name ?? e.centre },
      child: e.child ? { id: e.child.documentId, firstName: e.child.firstName } : null,
      offer: offer ? slotOf(offer, names.get(offer.specialist_id) ?? '') : null,
    };
  });
}

async function specialistNames(strapi: Core.Strapi, offers: Offer[]): Promise<Map<number, string>> {
  if (!offers.length) return new Map();
  const rows: Array<{ id: number; name: string }> = await strapi.db
    .query(SPECIALIST)
    .findMany({ where: { id: { $in: offers.map((o) => o.specialist_id) } }, select: ['id', 'name'] });
  return new Map(rows.map((r) => [r.id, r.name]));
}

const slotOf = (offer: Offer, specialist: string): OfferSlot => {
  const start = new Date(offer.start);
  return {
    date: kzDate(start),
    time: kzTime(start),
    start: start.toISOString(),
    end: new Date(offer.end).toISOString(),
    expiresAt: new Date(offer.expires_at).toISOString(),
    specialist: { name: specialist },
  };
};

/** The offer a link's token names, if it is this user's (404 otherwise, whichever it is). */
async function ownOffer(strapi: Core.Strapi, userId: number, input: unknown): Promise<{ offer: Offer; entry: Entry }> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['token']);
  if (body.token === undefined || body.token === '') problems.push({ field: 'token', code: 'field.required' });
  if (problems.length) throw invalid(problems);
  const token = body.token;
  const row =
    typeof token === 'string' && /^[A-Za-z0-9_-]{20,100}$/.test(token)
      ? await strapi.db
          .connection(OFFERS)
          .where({ token_hash: hashToken(token) })
          .first()
      : undefined;
  const offer = row ? offerOf(row) : undefined;
  const entry: Entry | null = offer ? await strapi.db.query(WAITLIST).findOne({ where: { id: offer.entry_id }, populate: entryPopulate }) : null;
  if (!offer || !entry || entry.user?.id !== userId) throw new BookingError(404, { code: 'offer.notFound' });
  return { offer, entry };
}

/** 410 for an offer that is no longer open: expired (the time went on), or declined or left. */
const closed = (offer: Offer, now: Date) =>
  new BookingError(410, {
    code: offer.status === 'expired' || (offer.status === 'held' && offer.expires_at <= now.getTime()) ? 'offer.expired' : 'offer.closed',
  });

export async function viewOffer(strapi: Core.Strapi, userId: number, input: unknown, language: Language, now: Date): Promise<OfferView> {
  const { offer, entry } = await ownOffer(strapi, userId, input);
  if (offer.status !== 'taken' && (offer.status !== 'held' || offer.expires_at <= now.getTime())) throw closed(offer, now);
  return offerView(strapi, offer, entry, language);
}

async function offerView(strapi: Core.Strapi, offer: Offer, entry: Entry, language: Language): Promise<OfferView> {
  const centre = (await centreNames(strapi, [entry.centre], language)).get(entry.centre);
  const names = await specialistNames(strapi, [offer]);
  const booking = offer.booking_id
    ? await strapi.db.query('plugin::booking.booking').findOne({ where: { id: offer.booking_id }, select: ['documentId'] })
    : null;
  return {
    ...slotOf(offer, names.get(offer.specialist_id) ?? ''),
    status: offer.status as OfferView['status'],
    service: entry.service,
    format: entry.format,
    centre: { slug: entry.centre, name: centre?.name ?? entry.centre, address: centre?.address ?? '' },
    child: entry.child ? { id: entry.child.documentId, firstName: entry.child.firstName } : null,
    booking: booking?.documentId ?? null,
  };
}

/** Another caller moved the offer or its entry first (it expired, was left, or this was a second click). */
class Moved extends Error {}

export async function acceptOffer(strapi: Core.Strapi, userId: number, input: unknown, now: Date): Promise<{ replayed: boolean; row: Row }> {
  const { offer, entry } = await ownOffer(strapi, userId, input);
  const replay = async (o: Offer) => ({ replayed: true, row: (await loadBooking(strapi, { id: o.booking_id! }))! });
  if (offer.status === 'taken' && offer.booking_id) return replay(offer);
  if (offer.status !== 'held' || offer.expires_at <= now.getTime()) throw closed(offer, now);
  // As POST /bookings: no booking with a specialist who no longer takes them.
  const specialist = await activeSpecialist(strapi, offer.specialist_id);
  const policy = await policyOf(strapi, entry.centre);
  if (!specialist || !policy) throw new BookingError(410, { code: 'offer.closed' });
  const { user, child } = await checkPerson(strapi, userId, entry.child?.documentId ?? null);

  let row: Row;
  try {
    row = await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      // The person's lock before anything else (tables.ts: the limit of future bookings).
      await lockPerson(strapi, trx, userId);
      if (!(await moveEntry(trx, entry.id, ['offered'], 'booked', { at: now.toISOString(), by: 'user', actor: userId, action: 'booked', offer: offer.id })))
        throw new Moved();
      const taken = await trx(OFFERS).where({ id: offer.id, status: 'held' }).andWhere('expires_at', '>', now.getTime()).update({ status: 'taken' });
      if (!taken) throw new Moved();
      // Refused, the transaction rolls back: the offer stays held for them.
      const upcoming = await upcomingOf(strapi, userId, child?.id ?? null, entry.service, now);
      if (upcoming >= policy.maxFuturePerService) throw invalid({ code: 'booking.limit', values: { count: upcoming } });
      // The hold gives way to the booking in the same transaction: nobody can come between them.
      await freeCells(trx, -offer.id);
      const booked = await insertUserBooking(strapi, trx, {
        userId,
        user,
        child,
        specialist,
        policy,
        service: entry.service,
        format: entry.format,
        start: new Date(offer.start),
        now,
      });
      await trx(OFFERS).where({ id: offer.id }).update({ booking_id: booked.id });
      return booked;
    });
  } catch (error) {
    if (error instanceof Moved) {
      const current = offerOf(await strapi.db.connection(OFFERS).where({ id: offer.id }).first());
      if (current.status === 'taken' && current.booking_id) return replay(current);
      throw closed(current, now);
    }
    // The specialist's slot grew longer than the time held (a schedule edit since): it no longer fits.
    if (error instanceof SlotTaken) throw new BookingError(409, { field: 'token', code: 'slot.taken' }, { nearest: [] });
    throw error;
  }
  forgetSlots();
  changedAfter(strapi, changeOf(row, 'created', { by: 'user', id: userId }));
  return { replayed: false, row };
}

export async function declineOffer(strapi: Core.Strapi, userId: number, input: unknown, language: Language, now: Date): Promise<OfferView> {
  const { offer, entry } = await ownOffer(strapi, userId, input);
  if (offer.status !== 'held' || offer.expires_at <= now.getTime()) throw closed(offer, now);
  try {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      // Not this time: the place in the queue stays, for another time within the dates.
      if (!(await moveEntry(trx, entry.id, ['offered'], 'waiting', { at: now.toISOString(), by: 'user', actor: userId, action: 'declined', offer: offer.id })))
        throw new Moved();
      if (!(await endOffer(trx, offer.id, 'declined'))) throw new Moved();
    });
  } catch (error) {
    if (error instanceof Moved) throw closed(offerOf(await strapi.db.connection(OFFERS).where({ id: offer.id }).first()), now);
    throw error;
  }
  forgetSlots();
  await sweepAfter(strapi, { centre: entry.centre });
  return offerView(strapi, { ...offer, status: 'declined' }, entry, language);
}
