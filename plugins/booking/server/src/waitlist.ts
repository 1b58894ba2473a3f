/**
 * The waitlist's sweep: freed time (a cancellation, a booking moved away, new hours) goes to the
 * people waiting for it, first come first served per centre, service and format. The first in
 * line gets an SMS and an e-mail with a link, and the time is held for them — its cells taken in
 * `booking_cells` under the offer — for BOOKING_OFFER_MINUTES; an offer not taken by then lapses
 * and the next person gets the time.
 *
 * Any number of sweeps may run at once, on one instance or several: an entry becomes `offered`
 * by a conditional update that only one of them wins, and a hold's cells by the primary key that
 * also refuses a second booking. Nothing here relies on a lock in memory.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { addDays, cellsOf, decodeSlotId, encodeSlotId, isLanguage, kzDate, type Format, type Service } from '@qabilet/domain';
import { BookingError } from './errors';
import { siteUrl } from '@qabilet/plugin-kit/server';
import { upcomingOf } from './booking/limit';
import { checkPerson } from './booking/person';
import { centreNames } from './booking/views';
import type { Language } from './messages';
import { enqueue } from './notify';
import { policyOf, specialistsFor, type CentrePolicy, type Specialist } from './schedule';
import { forgetSlots, slotsOf, type PublicSlot } from './slots';
import { CELLS, isUniqueViolation, OFFERS } from './tables';
import { endOffer, entryPopulate, moveEntry, newToken, offerMinutes, offerOf, WAITLIST, type Entry } from './waitlist-store';

export type SweepScope = { centre?: string; service?: Service; format?: Format };
export type SweepResult = { expired: number; lapsed: number; offered: number };

type Person = Awaited<ReturnType<typeof checkPerson>>;

/** Another sweep or the person moved the entry or offer first. */
class Lost extends Error {}
/** The slot's cells are held by someone else (a booking made meanwhile, another hold). */
class Gone extends Error {}

const scopeWhere = (scope: SweepScope) => Object.fromEntries(Object.entries(scope).filter(([, v]) => v !== undefined));

/**
 * Expires the offers held past their time, lapses the entries whose dates have passed, then offers
 * the free time within `scope` (a centre, a service, a format; all when empty) to those waiting.
 */
export async function offerFreedTime(strapi: Core.Strapi, scope: SweepScope = {}, now = new Date()): Promise<SweepResult> {
  const { expired, centres } = await expireOffers(strapi, now);
  const lapsed = await lapsePassed(strapi, scope, now);
  // An expired offer's time is for the next person, whatever the scope asked for.
  const scopes = scope.centre ? [scope, ...centres.filter((c) => c !== scope.centre).map((centre) => ({ centre }))] : [scope];
  let offered = 0;
  for (const s of scopes) {
    const waiting: Entry[] = await strapi.db.query(WAITLIST).findMany({
      where: { status: 'waiting', to: { $gte: kzDate(now) }, ...scopeWhere(s) },
      populate: entryPopulate,
      orderBy: { id: 'asc' },
      limit: 2000,
    });
    const queues = new Map<string, Entry[]>();
    for (const e of waiting) {
      const key = `${e.centre}|${e.service}|${e.format}`;
      queues.set(key, [...(queues.get(key) ?? []), e]);
    }
    for (const queue of queues.values()) offered += await offerToQueue(strapi, queue, now);
  }
  if (expired || offered) forgetSlots();
  return { expired, lapsed, offered };
}

async function expireOffers(strapi: Core.Strapi, now: Date): Promise<{ expired: number; centres: string[] }> {
  const due = (await strapi.db.connection(OFFERS).where({ status: 'held' }).andWhere('expires_at', '<=', now.getTime())).map(offerOf);
  const ended: number[] = [];
  for (const offer of due) {
    const won = await strapi.db
      .transaction(async ({ trx }: { trx: Knex.Transaction }) => {
        await moveEntry(trx, offer.entry_id, ['offered'], 'lapsed', {
          at: now.toISOString(),
          by: 'system',
          action: 'lapsed',
          offer: offer.id,
          reason: 'offer not taken',
        });
        if (!(await endOffer(trx, offer.id, 'expired', now.getTime()))) throw new Lost();
        return true;
      })
      .catch((error: unknown) => (error instanceof Lost ? false : Promise.reject(error)));
    if (won) ended.push(offer.entry_id);
  }
  const entries: Array<{ centre: string }> = ended.length
    ? await strapi.db.query(WAITLIST).findMany({ where: { id: { $in: ended } }, select: ['centre'] })
    : [];
  return { expired: ended.length, centres: [...new Set(entries.map((e) => e.centre))] };
}

async function lapsePassed(strapi: Core.Strapi, scope: SweepScope, now: Date): Promise<number> {
  const passed: Array<{ id: number }> = await strapi.db
    .query(WAITLIST)
    .findMany({ where: { status: 'waiting', to: { $lt: kzDate(now) }, ...scopeWhere(scope) }, select: ['id'] });
  let lapsed = 0;
  for (const { id } of passed) {
    const line = { at: now.toISOString(), by: 'system' as const, action: 'lapsed', reason: 'dates passed' };
    if (await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => moveEntry(trx, id, ['waiting'], 'lapsed', line))) lapsed++;
  }
  return lapsed;
}

/** One queue (one centre, service and format), oldest first: each person gets the earliest free slot of their dates. */
async function offerToQueue(strapi: Core.Strapi, queue: Entry[], now: Date): Promise<number> {
  const { centre, service, format } = queue[0]!;
  const policy = await policyOf(strapi, centre);
  if (!policy || !policy.formats.includes(format)) return 0;
  const specialists = (await specialistsFor(strapi, { centre })).filter(
    (s) => s.services?.includes(service) && s.formats?.includes(format) && s.timings?.[service],
  );
  const today = kzDate(now);
  const earliest = queue.reduce((min, e) => (e.from < min ? e.from : min), queue[0]!.from);
  const latest = queue.reduce((max, e) => (e.to > max ? e.to : max), queue[0]!.to);
  const from = earliest < today ? today : earliest;
  const to = latest > addDays(today, policy.horizonDays) ? addDays(today, policy.horizonDays) : latest;
  if (!specialists.length || to < from) return 0;

  const free = await slotsOf(strapi, specialists, [policy], service, from, to, now);
  const byId = new Map(specialists.map((s) => [s.id, s]));
  // Slots this pass has held or found taken: not worth a transaction again.
  const gone = new Set<string>();
  let offered = 0;
  for (const entry of queue) {
    const candidates = free.filter((s) => !gone.has(s.id) && s.date >= entry.from && s.date <= entry.to);
    if (!candidates.length) continue;
    const person = await personOf(strapi, entry, policy, now);
    if (!person) continue;
    const declined = await declinedBy(strapi, entry.id);
    for (const slot of candidates.filter((s) => !declined.has(s.id))) {
      const outcome = await hold(strapi, entry, person, slot, byId.get(decodeSlotId(slot.id)!.specialistId)!, now);
      if (outcome === 'lost') break;
      gone.add(slot.id);
      if (outcome === 'held') {
        offered++;
        break;
      }
    }
  }
  return offered;
}

/** Whom the entry is for, if they may book now: consents still given, below the centre's limit of future bookings. */
async function personOf(strapi: Core.Strapi, entry: Entry, policy: CentrePolicy, now: Date): Promise<Person | null> {
  if (!entry.user) return null;
  try {
    const person = await checkPerson(strapi, entry.user.id, entry.child?.documentId ?? null);
    if ((await upcomingOf(strapi, entry.user.id, person.child?.id ?? null, entry.service, now)) >= policy.maxFuturePerService) return null;
    return person;
  } catch (error) {
    // Consent withdrawn, a child no longer theirs: the entry waits until that changes (or lapses).
    if (error instanceof BookingError) return null;
    throw error;
  }
}

/** The slots the person has declined before: not offered to them again. */
async function declinedBy(strapi: Core.Strapi, entryId: number): Promise<Set<string>> {
  const rows = (await strapi.db.connection(OFFERS).where({ entry_id: entryId, status: 'declined' })).map(offerOf);
  return new Set(rows.map((o) => encodeSlotId(o.specialist_id, new Date(o.start))));
}

/** In one transaction: the entry offered, the offer, its hold on the cells and its news. */
async function hold(
  strapi: Core.Strapi,
  entry: Entry,
  person: Person,
  slot: PublicSlot,
  specialist: Specialist,
  now: Date,
): Promise<'held' | 'taken' | 'lost'> {
  const start = new Date(slot.start);
  const timing = specialist.timings[entry.service]!;
  const end = new Date(start.getTime() + timing.slotMinutes * 60_000);
  const heldUntil = new Date(end.getTime() + timing.bufferMinutes * 60_000);
  const minutes = offerMinutes();
  const { token, hash } = newToken();
  const language: Language = isLanguage(person.user.language) ? person.user.language : 'kk';
  const centre = (await centreNames(strapi, [entry.centre], language)).get(entry.centre);
  try {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      // A new row nobody else can see yet: inserting it first takes no lock another mover waits on.
      await trx(OFFERS).insert({
        entry_id: entry.id,
        specialist_id: specialist.id,
        start: start.getTime(),
        end: end.getTime(),
        token_hash: hash,
        expires_at: now.getTime() + minutes * 60_000,
        status: 'held',
        booking_id: null,
        created_at: now.getTime(),
      });
      const offerId = Number((await trx(OFFERS).where({ token_hash: hash }).first('id')).id);
      if (!(await moveEntry(trx, entry.id, ['waiting'], 'offered', { at: now.toISOString(), by: 'system', action: 'offered', offer: offerId })))
        throw new Lost();
      try {
        await trx(CELLS).insert(cellsOf(start, heldUntil).map((cell) => ({ specialist_id: specialist.id, cell, booking_id: -offerId })));
      } catch (error) {
        if (isUniqueViolation(error)) throw new Gone();
        throw error;
      }
      await enqueue(trx, {
        kind: 'offer',
        tag: '0',
        bookingId: -offerId,
        language,
        service: entry.service,
        format: entry.format,
        start,
        centre: { name: centre?.name ?? entry.centre, address: centre?.address ?? '', phone: centre?.phone },
        childName: person.child?.firstName,
        contact: { phone: person.user.phone, email: person.user.confirmed ? person.user.email : null },
        cabinetUrl: `${siteUrl()}/${language}/account/bookings/`,
        // The token only ever in the fragment: browsers do not send it, so no server logs it.
        offer: { link: `${siteUrl()}/${language}/account/offer/#${token}`, minutes },
      });
    });
    return 'held';
  } catch (error) {
    if (error instanceof Lost) return 'lost';
    if (error instanceof Gone) return 'taken';
    throw error;
  }
}
