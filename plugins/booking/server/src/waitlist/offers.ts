/**
 * An offer, through the link it sent: the person sees the time held for them, takes it (a booking,
 * made exactly as one picked from the list) or declines it. The token is the link's; an offer of
 * someone else's answers 404, as one that does not exist.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { OfferView } from '@qabilet/domain';
import { insertUserBooking } from '../booking/insert';
import { upcomingOf } from '../booking/limit';
import { checkPerson } from '../booking/person';
import { allowOnly, objectBody } from '../booking/request';
import { activeSpecialist } from '../booking/resolve-slot';
import { loadBooking, type Row } from '../booking/rows';
import { freeCells, SlotTaken } from '../booking/take-cells';
import { BookingError, invalid } from '../errors';
import { changedAfter, changeOf } from '../events';
import type { Language } from '../messages';
import { policyOf } from '../schedule';
import { forgetSlots } from '../slots';
import { lockPerson, OFFERS } from '../tables';
import { endOffer, entryPopulate, hashToken, moveEntry, offerOf, WAITLIST, type Entry, type Offer } from '../waitlist-store';
import { sweepAfter } from './sweep';
import { offerView } from './views';

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
