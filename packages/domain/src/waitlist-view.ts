/**
 * What the waitlist API sends, as the booking server builds it and the site's islands read it
 * (types only). `from`/`to` are Kazakhstan dates; `date`/`time` an offer's start on Kazakhstan's
 * wall clock; the other instants ISO (UTC).
 */
import type { Service } from './slots.ts';
import type { Format } from './schedule.ts';

export type WaitlistStatus = 'waiting' | 'offered' | 'booked' | 'lapsed' | 'left';

/** A freed time held for a person. */
export type OfferSlot = { date: string; time: string; start: string; end: string; expiresAt: string; specialist: { name: string } };

/** A place on the waitlist. */
export type WaitlistView = {
  id: string;
  status: WaitlistStatus;
  service: Service;
  format: Format;
  from: string;
  to: string;
  createdAt: string;
  centre: { slug: string; name: string };
  child: { id: string; firstName: string } | null;
  /** The time held for the person, while it is. */
  offer: OfferSlot | null;
};

/** An offer as its link shows it. */
export type OfferView = OfferSlot & {
  status: 'held' | 'taken' | 'declined';
  service: Service;
  format: Format;
  centre: { slug: string; name: string; address: string };
  child: { id: string; firstName: string } | null;
  /** The booking an accepted offer made. */
  booking: string | null;
};
