/** What a person sees of their bookings (packages/domain's BookingView), and the centres' names in it. */
import type { Core } from '@strapi/strapi';
import { kzDate, kzTime, userMayChange, type BookingView } from '@qabilet/domain';
import type { Language } from '../messages';
import { BOOKING, policyOf, type CentrePolicy } from '../schedule';
import { LIVE, populate, type Row } from './rows';

/** Centres' public details in a language, by slug. */
export async function centreNames(strapi: Core.Strapi, slugs: string[], language: Language) {
  const rows = await strapi.db
    .query('api::centre.centre')
    .findMany({ where: { slug: { $in: [...new Set(slugs)] }, locale: language }, select: ['slug', 'name', 'address', 'phone'] });
  type Centre = { slug: string; name: string; address: string; phone: string };
  return new Map<string, Centre>(rows.map((r: Centre) => [r.slug, r]));
}

export async function viewsOf(strapi: Core.Strapi, rows: Row[], language: Language, now: Date): Promise<BookingView[]> {
  const centres = await centreNames(
    strapi,
    rows.map((r) => r.centre),
    language,
  );
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

/** A user's bookings: the upcoming first (soonest first), then the past (latest first). */
export async function myBookings(strapi: Core.Strapi, userId: number, now: Date): Promise<Row[]> {
  const rows: Row[] = await strapi.db.query(BOOKING).findMany({ where: { user: userId }, populate, orderBy: { start: 'asc' }, limit: 500 });
  const upcoming = rows.filter((r) => new Date(r.end) >= now);
  const past = rows.filter((r) => new Date(r.end) < now).reverse();
  return [...upcoming, ...past];
}
