/**
 * Requests as staff see them: the person's name and phone, the region's and centre's names in the
 * staff member's language, the specialist, the booking's time in Almaty. One query per kind of
 * thing named, for a whole page of rows.
 */
import type { Core } from '@strapi/strapi';
import { kzDate, kzTime, requestNumber, type Format, type Language, type RequestSource, type RequestView, type Service } from '@qabilet/domain';
import { historyOf, type RequestRow } from './store';

export type { RequestView } from '@qabilet/domain';

const ids = (rows: RequestRow[], key: keyof RequestRow) => [...new Set(rows.map((r) => r[key]).filter((v): v is number => typeof v === 'number'))];
const fullName = (p: { surname?: string | null; firstName?: string | null; patronymic?: string | null }) =>
  [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ');

/**
 * Centres' and regions' names by language: 37 names that change when an editor renames a centre,
 * read on every page of every list — so each instance keeps them for a minute.
 */
const NAMES_TTL_MS = 60_000;
const names = new Map<Language, { at: number; centreName: Map<string, string>; regionName: Map<string, string> }>();

async function placeNames(strapi: Core.Strapi, language: Language) {
  const hit = names.get(language);
  if (hit && Date.now() - hit.at < NAMES_TTL_MS) return hit;
  const [centres, regions] = await Promise.all([
    strapi.db.query('api::centre.centre').findMany({ where: { locale: language }, select: ['slug', 'name'] }),
    strapi.db.query('api::region.region').findMany({ where: { locale: language }, select: ['code', 'name'] }),
  ]);
  const entry = {
    at: Date.now(),
    centreName: new Map<string, string>(centres.map((x: { slug: string; name: string }) => [x.slug, x.name])),
    regionName: new Map<string, string>(regions.map((x: { code: string; name: string }) => [x.code, x.name])),
  };
  names.set(language, entry);
  return entry;
}

export async function viewsOf(strapi: Core.Strapi, rows: RequestRow[], language: Language, withHistory = false): Promise<RequestView[]> {
  if (!rows.length) return [];
  const db = strapi.db;
  const userIds = ids(rows, 'user_id');
  const childIds = ids(rows, 'child_id');
  const specialistIds = ids(rows, 'specialist_id');
  const bookingIds = ids(rows, 'booking_id');
  const [users, children, specialists, bookings, places] = await Promise.all([
    userIds.length
      ? db.query('plugin::users-permissions.user').findMany({ where: { id: { $in: userIds } }, select: ['id', 'surname', 'firstName', 'patronymic', 'phone'] })
      : [],
    childIds.length ? db.query('api::child.child').findMany({ where: { id: { $in: childIds } }, select: ['id', 'surname', 'firstName', 'patronymic'] }) : [],
    specialistIds.length ? db.query('plugin::booking.specialist').findMany({ where: { id: { $in: specialistIds } }, select: ['id', 'name'] }) : [],
    bookingIds.length
      ? db.query('plugin::booking.booking').findMany({ where: { id: { $in: bookingIds } }, select: ['id', 'documentId', 'status', 'start'] })
      : [],
    placeNames(strapi, language),
  ]);
  const byId = <T extends { id: number }>(list: T[]) => new Map(list.map((x) => [x.id, x]));
  const u = byId(users as Array<{ id: number; surname: string; firstName: string; patronymic?: string; phone: string }>);
  const c = byId(children as Array<{ id: number; surname: string; firstName: string; patronymic?: string }>);
  const s = byId(specialists as Array<{ id: number; name: string }>);
  const b = byId(bookings as Array<{ id: number; documentId: string; status: string; start: string }>);
  const { centreName, regionName } = places;
  const admins = withHistory ? await adminNames(strapi, rows) : new Map<number, string>();

  return rows.map((r) => {
    const user = r.user_id ? u.get(r.user_id) : undefined;
    const child = r.child_id ? c.get(r.child_id) : undefined;
    const booking = r.booking_id ? b.get(r.booking_id) : undefined;
    const name = r.person_kind === 'child' && child ? fullName(child) : r.person_kind !== 'lead' && user ? fullName(user) : (r.lead_name ?? '');
    const view: RequestView = {
      id: r.document_id,
      number: requestNumber(r.id),
      createdAt: new Date(r.created_at).toISOString(),
      // Checked against the domain's lists when the request was written.
      source: r.source as RequestSource,
      status: r.status,
      service: r.service as Service,
      format: r.format as Format,
      person: {
        kind: r.person_kind,
        id: r.person_kind === 'child' ? r.child_id : r.person_kind === 'user' ? r.user_id : null,
        name,
        phone: user?.phone ?? r.phone ?? null,
      },
      region: r.region ? { code: r.region, name: regionName.get(r.region) ?? r.region } : null,
      centre: r.centre ? { slug: r.centre, name: centreName.get(r.centre) ?? r.centre } : null,
      specialist: r.specialist_id ? { id: r.specialist_id, name: s.get(r.specialist_id)?.name ?? '' } : null,
      booking: booking
        ? {
            id: booking.documentId,
            status: booking.status,
            start: new Date(booking.start).toISOString(),
            date: kzDate(new Date(booking.start)),
            time: kzTime(new Date(booking.start)),
          }
        : null,
      callId: r.call_id,
      wish: r.wish,
      outcome: r.outcome,
    };
    if (withHistory)
      view.history = historyOf(r).map((h) => ({ ...h, by: { ...h.by, ...(h.by.kind === 'staff' && h.by.id ? { name: admins.get(h.by.id) } : {}) } }));
    return view;
  });
}

async function adminNames(strapi: Core.Strapi, rows: RequestRow[]): Promise<Map<number, string>> {
  const staff = [
    ...new Set(
      rows.flatMap((r) =>
        historyOf(r)
          .filter((h) => h.by.kind === 'staff' && h.by.id)
          .map((h) => h.by.id!),
      ),
    ),
  ];
  if (!staff.length) return new Map();
  const list = await strapi.db.query('admin::user').findMany({ where: { id: { $in: staff } }, select: ['id', 'firstname', 'lastname'] });
  return new Map(list.map((a: { id: number; firstname?: string; lastname?: string }) => [a.id, [a.firstname, a.lastname].filter(Boolean).join(' ')]));
}
