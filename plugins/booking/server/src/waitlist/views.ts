/**
 * The waitlist as its owner reads it: each place with the time held for it, and an offer's view
 * (the slot, the centre, whom for, and the booking once taken).
 */
import type { Core } from '@strapi/strapi';
import { kzDate, kzTime, type OfferSlot, type OfferView, type WaitlistView } from '@qabilet/domain';
import { centreNames } from '../booking/views';
import type { Language } from '../messages';
import { SPECIALIST } from '../schedule';
import { heldOffers, type Entry, type Offer } from '../waitlist-store';

export type { OfferSlot, OfferView, WaitlistView } from '@qabilet/domain';

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

/** An offer as the person it was sent to sees it. */
export async function offerView(strapi: Core.Strapi, offer: Offer, entry: Entry, language: Language): Promise<OfferView> {
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
