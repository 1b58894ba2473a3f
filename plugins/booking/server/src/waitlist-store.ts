/**
 * The waitlist's rows: entries (`plugin::booking.waitlist-entry`, table `booking_waitlist`) and
 * offers (table `booking_offers`, see tables.ts). Every status move is one conditional
 * `UPDATE … WHERE id = ? AND status IN (…)` whose row count says whether this caller won it, so
 * that with sweeps and people acting at once, on one instance or several, each move happens once.
 * Whoever moves both an entry and its offer moves the entry first, everywhere: two transactions
 * never wait for each other's rows in opposite orders.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Format, Service } from '@qabilet/domain';
import { CELLS, LOCKS, lockUntilCommit, OFFERS, OUTBOX } from './tables';

export const WAITLIST = 'plugin::booking.waitlist-entry';
const ENTRIES = 'booking_waitlist';

export type EntryStatus = 'waiting' | 'offered' | 'booked' | 'lapsed' | 'left';
/** An entry still in the queue (waiting, or with a time held for it). */
export const LIVE_ENTRY: EntryStatus[] = ['waiting', 'offered'];
/** How many live entries one person (a user, or one of their children) may have. */
export const MAX_LIVE_ENTRIES = 3;

export type OfferStatus = 'held' | 'taken' | 'expired' | 'declined' | 'void';

export type EntryLine = {
  at: string;
  by: 'user' | 'system';
  actor?: number;
  action: string;
  status: EntryStatus;
  offer?: number;
  booking?: number;
  reason?: string;
};

export type Entry = {
  id: number;
  documentId: string;
  centre: string;
  service: Service;
  format: Format;
  from: string;
  to: string;
  status: EntryStatus;
  history: EntryLine[];
  createdAt: string;
  user?: { id: number } | null;
  child?: { id: number; documentId: string; firstName: string } | null;
};

export type Offer = {
  id: number;
  entry_id: number;
  specialist_id: number;
  start: number;
  end: number;
  token_hash: string;
  expires_at: number;
  status: OfferStatus;
  booking_id: number | null;
  created_at: number;
};

export const entryPopulate = { user: { select: ['id'] }, child: { select: ['id', 'documentId', 'firstName'] } } as const;

/** How long an offered time is held for the person (BOOKING_OFFER_MINUTES, 15 by default). */
export function offerMinutes(): number {
  const minutes = Number(process.env.BOOKING_OFFER_MINUTES ?? 15);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : 15;
}

/** A new offer's token (for the link) and the hash the database keeps instead of it. */
export function newToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(24).toString('base64url');
  return { token, hash: hashToken(token) };
}
export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** Bigints come back as strings from PostgreSQL. */
export const offerOf = (row: Record<string, unknown>): Offer => ({
  ...(row as Offer),
  id: Number(row.id),
  entry_id: Number(row.entry_id),
  specialist_id: Number(row.specialist_id),
  start: Number(row.start),
  end: Number(row.end),
  expires_at: Number(row.expires_at),
  created_at: Number(row.created_at),
  booking_id: row.booking_id === null ? null : Number(row.booking_id),
});

/** Whom an entry is for, as `booking_waitlist.person_key` holds it: a user, or one of their children. */
export const personKey = (userId: number, childId: number | null | undefined) => (childId ? `u${userId}c${childId}` : `u${userId}`);

/** Sets a new entry's person, within the transaction that made it; a second live place of theirs breaks the unique index. */
export async function keyEntry(trx: Knex.Transaction, id: number, userId: number, childId: number | null | undefined): Promise<void> {
  await trx(ENTRIES)
    .where({ id })
    .update({ person_key: personKey(userId, childId) });
}

const ONE_LIVE_PLACE = 'booking_waitlist_one_live_place';

/**
 * At bootstrap, idempotently, in one transaction (one instance at a time): the `person_key` column,
 * filled in for the entries without one (made before it existed); a person's duplicate live places
 * resolved — the oldest stays, the others are left and their held time freed; then the unique index
 * over the person, centre and service of the live entries (tables.ts).
 */
export async function ensureOneLivePlace(strapi: Core.Strapi, now = new Date()): Promise<void> {
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    await lockUntilCommit(strapi, trx, LOCKS.schema, 1);
    if (!(await trx.schema.hasColumn(ENTRIES, 'person_key'))) await trx.schema.alterTable(ENTRIES, (t) => t.string('person_key', 40));
    const unkeyed: number[] = (await trx(ENTRIES).whereNull('person_key').select('id')).map((r: { id: number | string }) => Number(r.id));
    const keys = new Map<number, string>();
    for (let i = 0; i < unkeyed.length; i += 500) {
      const rows: Entry[] = await strapi.db
        .query(WAITLIST)
        .findMany({ where: { id: { $in: unkeyed.slice(i, i + 500) } }, select: ['id'], populate: entryPopulate });
      for (const r of rows) if (r.user) keys.set(r.id, personKey(r.user.id, r.child?.id));
    }
    const live: Array<{ id: number | string; person_key: string | null; centre: string; service: string }> = await trx(ENTRIES)
      .whereIn('status', LIVE_ENTRY)
      .orderBy('id')
      .select('id', 'person_key', 'centre', 'service');
    const places = new Set<string>();
    for (const row of live) {
      const key = row.person_key ?? keys.get(Number(row.id));
      if (!key) continue;
      const place = JSON.stringify([key, row.centre, row.service]);
      if (!places.has(place)) {
        places.add(place);
        continue;
      }
      await moveEntry(trx, Number(row.id), LIVE_ENTRY, 'left', {
        at: now.toISOString(),
        by: 'system',
        action: 'left',
        reason: 'a second place of the same person',
      });
      for (const offer of await heldOffers(trx, [Number(row.id)])) await endOffer(trx, offer.id, 'void');
    }
    for (const [id, key] of keys) await trx(ENTRIES).where({ id }).update({ person_key: key });
    const statuses = LIVE_ENTRY.map((s) => `'${s}'`).join(', ');
    await trx.raw(`CREATE UNIQUE INDEX IF NOT EXISTS ${ONE_LIVE_PLACE} ON ${ENTRIES} (person_key, centre, service) WHERE status IN (${statuses})`);
  });
}

/** Moves entry `id` from one of `from` to `to`, with a line in its history; false when another caller moved it first. */
export async function moveEntry(trx: Knex.Transaction, id: number, from: EntryStatus[], to: EntryStatus, line: Omit<EntryLine, 'status'>): Promise<boolean> {
  const moved = await trx(ENTRIES)
    .where({ id })
    .whereIn('status', from)
    .update({ status: to, updated_at: new Date(line.at) });
  if (!moved) return false;
  // The row is ours until the commit: its history can be read and written back.
  const { history } = await trx(ENTRIES).where({ id }).first('history');
  const lines: EntryLine[] = typeof history === 'string' ? JSON.parse(history) : (history ?? []);
  await trx(ENTRIES)
    .where({ id })
    .update({ history: JSON.stringify([...lines, { ...line, status: to }]) });
  return true;
}

/** Ends a held offer as `to` and frees its cells; false when it was no longer held (taken, expired…). */
export async function endOffer(trx: Knex.Transaction, offerId: number, to: Exclude<OfferStatus, 'held' | 'taken'>, now?: number): Promise<boolean> {
  const query = trx(OFFERS).where({ id: offerId, status: 'held' });
  // An expiry ends only what has expired: an offer being accepted meanwhile is the other caller's.
  if (to === 'expired') query.andWhere('expires_at', '<=', now!);
  if (!(await query.update({ status: to }))) return false;
  await trx(CELLS).where({ booking_id: -offerId }).delete();
  return true;
}

/** The held offers of some entries. */
export async function heldOffers(knex: Knex, entryIds: number[]): Promise<Offer[]> {
  if (!entryIds.length) return [];
  return (await knex(OFFERS).whereIn('entry_id', entryIds).andWhere({ status: 'held' })).map(offerOf);
}

/**
 * A deleted account's waitlist: its entries, their offers, the cells those held and the messages
 * queued about them (which hold a phone number and an address). Within the caller's transaction.
 */
export async function forgetWaitlist(strapi: Core.Strapi, trx: Knex.Transaction, userId: number): Promise<void> {
  const entries: Array<{ id: number }> = await strapi.db.query(WAITLIST).findMany({ where: { user: userId }, select: ['id'] });
  if (!entries.length) return;
  const ids = entries.map((e) => e.id);
  const offers = (await trx(OFFERS).whereIn('entry_id', ids).select('id')).map((o: { id: number | string }) => -Number(o.id));
  if (offers.length) {
    await trx(CELLS).whereIn('booking_id', offers).delete();
    await trx(OUTBOX).whereIn('booking_id', offers).delete();
    await trx(OFFERS).whereIn('entry_id', ids).delete();
  }
  for (const id of ids) await strapi.db.query(WAITLIST).delete({ where: { id } });
}
