/** The options the person activated: each service they used, with its list (requests, bookings, tests, results from outside, waitlist). */
import type { Core } from '@strapi/strapi';
import type { CardAudience, CardBooking, CardServices, Language, PersonService, Text } from '@qabilet/domain';
import type { PersonRow } from '../scope';
import { requestOf } from './personal';
import { attemptsOf, bookingsOf, centreNames, isoOf, requestsOf, statementsOf, waitlistOf, type BookingRow } from './sources';

/** A text in the reader's language, else in any. */
export const textIn = (text: Text | null | undefined, language: Language, fallback: string) => text?.[language] || text?.ru || text?.kk || text?.en || fallback;

/** A booking as the card shows it, its centre named in the reader's language. */
export const bookingOf = (b: BookingRow, centres: Map<string, string>): CardBooking => ({
  start: isoOf(b.start) ?? '',
  status: b.status,
  service: b.service,
  format: b.format,
  centre: { slug: b.centre, name: centres.get(b.centre) ?? b.centre },
});

export async function usedServicesOf(strapi: Core.Strapi, p: PersonRow, audience: CardAudience, language: Language): Promise<CardServices> {
  const [requests, bookings, attempts, statements, waitlist, centres] = await Promise.all([
    requestsOf(strapi, p),
    bookingsOf(strapi, p),
    attemptsOf(strapi, p),
    statementsOf(strapi, p),
    waitlistOf(strapi, p),
    centreNames(strapi, language),
  ]);
  const centre = (slug: string) => ({ slug, name: centres.get(slug) ?? slug });
  const outside = (kind: 'partner' | 'desktop') =>
    statements.filter((s) => s.kind === kind).map((s) => ({ source: s.source, test: s.test, title: textIn(s.title, language, s.test), at: isoOf(s.at) ?? '' }));
  return {
    used: p.services.split(',').filter(Boolean) as PersonService[],
    requests: requests.map((r) => requestOf(r, centres, audience === 'staff')),
    bookings: bookings.map((b) => bookingOf(b, centres)),
    attempts: attempts.map((a) => ({
      id: a.id,
      test: a.test_slug,
      title: textIn(a.title, language, a.test_slug),
      status: a.status,
      startedAt: isoOf(a.started_at) ?? '',
      finishedAt: isoOf(a.finished_at),
    })),
    partnerResults: outside('partner'),
    desktopResults: outside('desktop'),
    waitlist: waitlist.map((w) => ({
      from: String(w.from).slice(0, 10),
      to: String(w.to).slice(0, 10),
      status: w.status,
      service: w.service,
      format: w.format,
      centre: centre(w.centre),
    })),
    videoSessions: null,
  };
}
