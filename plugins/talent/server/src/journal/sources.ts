/**
 * What the journal reads of other parts of Qabilet, here and nowhere else: the booking plugin's
 * completed bookings (its registered services list none, so the content type is read as its own
 * admin views read it), the assessment plugin's attempts (the tests a person took, for "tests
 * discussed") and the names of staff members. The journal never writes any of them.
 */
import type { Core } from '@strapi/strapi';
import { ms } from '@qabilet/plugin-kit/server';
import { ATTEMPTS, BOOKING, ADMIN } from '../sources';

/** The services whose completed bookings have a journal entry. */
export const JOURNAL_SERVICES = ['consultation', 'testing'] as const;

export type HeldBooking = {
  id: number;
  service: 'consultation' | 'testing';
  start: number;
  centre: string;
  specialist: { id: number; name: string };
  personKey: string;
};

/** Which completed bookings: those of some specialists, of some centres, or some by id (each narrows). */
export type BookingFilter = { specialistIds?: number[]; centres?: string[]; ids?: number[] };

type Row = {
  id: number;
  service: 'consultation' | 'testing';
  start: string;
  centre: string;
  specialist: { id: number; name: string } | null;
  user: { id: number } | null;
  child: { id: number } | null;
  lead: { phone?: string } | null;
};

const keyOf = (r: Row): string =>
  r.child ? `c:${r.child.id}` : r.user ? `u:${r.user.id}` : typeof r.lead?.phone === 'string' ? `l:${r.lead.phone.replace(/\D/g, '')}` : `b:${r.id}`;

function where(f: BookingFilter): Record<string, unknown> {
  const w: Record<string, unknown> = { status: 'completed', service: { $in: [...JOURNAL_SERVICES] }, specialist: { id: { $notNull: true } } };
  if (f.specialistIds) w.specialist = { id: { $in: f.specialistIds.length ? f.specialistIds : [-1] } };
  if (f.centres) w.centre = { $in: f.centres.length ? f.centres : [''] };
  if (f.ids) w.id = { $in: f.ids.length ? f.ids : [-1] };
  return w;
}

/** Completed consultations and testings with a specialist, newest first, a page at a time. */
export async function heldBookings(strapi: Core.Strapi, f: BookingFilter, page = 1, pageSize = 1000): Promise<{ rows: HeldBooking[]; total: number }> {
  const query = strapi.db.query(BOOKING);
  const [rows, total] = await Promise.all([
    query.findMany({
      where: where(f),
      select: ['id', 'service', 'start', 'centre', 'lead'],
      populate: { specialist: { select: ['id', 'name'] }, user: { select: ['id'] }, child: { select: ['id'] } },
      orderBy: [{ start: 'desc' }, { id: 'desc' }],
      limit: pageSize,
      offset: (page - 1) * pageSize,
    }) as Promise<Row[]>,
    query.count({ where: where(f) }) as Promise<number>,
  ]);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      service: r.service,
      start: Date.parse(r.start),
      centre: r.centre,
      specialist: { id: r.specialist!.id, name: r.specialist!.name },
      personKey: keyOf(r),
    })),
    total,
  };
}

/** The tests a person finished (newest first): what "tests discussed" may name. */
export async function attemptsOf(strapi: Core.Strapi, personKey: string): Promise<Array<{ id: number; test: string; finishedAt: number | null }>> {
  const rows = await strapi.db
    .connection(ATTEMPTS)
    .where({ person_key: personKey, status: 'finished' })
    .orderBy('finished_at', 'desc')
    .limit(100)
    .select('id', 'test_slug', 'finished_at');
  return rows.map((r: { id: number; test_slug: string; finished_at: unknown }) => ({ id: r.id, test: r.test_slug, finishedAt: ms(r.finished_at) }));
}

/** Staff members' names by admin id. */
export async function staffNames(strapi: Core.Strapi, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids.filter((id) => Number.isSafeInteger(id)))];
  if (!unique.length) return new Map();
  const rows = await strapi.db.query(ADMIN).findMany({ where: { id: { $in: unique } }, select: ['id', 'firstname', 'lastname'] });
  return new Map(rows.map((r: { id: number; firstname?: string; lastname?: string }) => [r.id, [r.firstname, r.lastname].filter(Boolean).join(' ')]));
}

/** Specialists' names (as the person saw them when booking) by booking specialist id. */
export async function specialistNames(strapi: Core.Strapi, ids: number[]): Promise<Map<number, string>> {
  const unique = [...new Set(ids)];
  if (!unique.length) return new Map();
  const rows = await strapi.db.query('plugin::booking.specialist').findMany({ where: { id: { $in: unique } }, select: ['id', 'name'] });
  return new Map(rows.map((r: { id: number; name: string }) => [r.id, r.name]));
}
