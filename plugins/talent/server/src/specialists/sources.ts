/**
 * What the specialist card reads from outside its own table, in one place: the booking plugin's
 * specialists (each tied by its staff profile to an admin user), their completed bookings, the
 * centres' names, and — when those parts are installed — the talents part's confirmations
 * (`talent_confirmations.author_id` is the confirming admin) and the journal's entries
 * (`talent_journal_entries.booking_id`). A missing part's figures are null, not an error.
 */
import type { Core } from '@strapi/strapi';
import type { Language } from '@qabilet/domain';
import { ATTEMPTS, BOOKING, BOOKING_SPECIALISTS, SPECIALIST } from '../sources';
import { CONFIRMATIONS } from '../talents/tables';
import { ENTRIES as JOURNAL } from '../journal/tables';

export type SpecialistRecord = {
  id: number;
  name: string;
  centre: string;
  active: boolean;
  position: string | null;
  region: string | null;
  email: string | null;
  /** The admin user of the staff profile (the specialist's own session). */
  adminId: number | null;
};

type Row = {
  id: number;
  name: string;
  centre: string;
  active: boolean | null;
  staffProfile?: { position?: string | null; user?: { id: number; email?: string } | null; region?: { code: string } | null } | null;
};

/** The specialists matching `where` (a query of the booking plugin's specialists), by name. */
export async function specialists(strapi: Core.Strapi, where: Record<string, unknown>): Promise<SpecialistRecord[]> {
  const rows = (await strapi.db.query(SPECIALIST).findMany({
    where,
    select: ['id', 'name', 'centre', 'active'],
    populate: { staffProfile: { select: ['position'], populate: { user: { select: ['id', 'email'] }, region: { select: ['code'] } } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })) as Row[];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    centre: r.centre,
    active: r.active !== false,
    position: r.staffProfile?.position ?? null,
    region: r.staffProfile?.region?.code ?? null,
    email: r.staffProfile?.user?.email ?? null,
    adminId: r.staffProfile?.user?.id ?? null,
  }));
}

/** The names of centres in a language (the slug when a centre has none in it). */
export async function centreNames(strapi: Core.Strapi, slugs: string[], language: Language): Promise<Map<string, string>> {
  const rows = slugs.length
    ? ((await strapi.db.query('api::centre.centre').findMany({ where: { slug: { $in: slugs }, locale: language }, select: ['slug', 'name'] })) as Array<{
        slug: string;
        name: string;
      }>)
    : [];
  return new Map(slugs.map((s) => [s, rows.find((r) => r.slug === s)?.name ?? s]));
}

export type Consultation = { bookingId: number; personKey: string; at: number };

/** The specialist's completed bookings, each with its person's registry key (`u:`, `c:`, `l:`). */
export async function consultations(strapi: Core.Strapi, specialistId: number): Promise<Consultation[]> {
  const rows = (await strapi.db.query(BOOKING).findMany({
    where: { specialist: { id: specialistId }, status: 'completed' },
    select: ['id', 'end', 'lead'],
    populate: { user: { select: ['id'] }, child: { select: ['id'] } },
  })) as Array<{ id: number; end: string; lead?: { phone?: string } | null; user?: { id: number } | null; child?: { id: number } | null }>;
  return rows.flatMap((r) => {
    const key = r.child?.id ? `c:${r.child.id}` : r.user?.id ? `u:${r.user.id}` : r.lead?.phone ? `l:${String(r.lead.phone).replace(/\D/g, '')}` : null;
    return key ? [{ bookingId: r.id, personKey: key, at: Date.parse(r.end) }] : [];
  });
}

const hasColumn = async (strapi: Core.Strapi, table: string, column: string) =>
  (await strapi.db.connection.schema.hasTable(table)) && (await strapi.db.connection.schema.hasColumn(table, column));

/** How many talent entries the admin user confirmed, by person key (none while the talents part is absent). */
export async function confirmationsBy(strapi: Core.Strapi, adminId: number | null): Promise<Map<string, number>> {
  if (adminId === null || !(await hasColumn(strapi, CONFIRMATIONS, 'author_id'))) return new Map();
  const rows = (await strapi.db.connection(CONFIRMATIONS).where({ author_id: adminId }).groupBy('person_key').select('person_key').count({ n: '*' })) as Array<{
    person_key: string;
    n: number | string;
  }>;
  return new Map(rows.map((r) => [r.person_key, Number(r.n)]));
}

/** How many journal entries the bookings have, or null while the journal is not installed. */
export async function journalEntries(strapi: Core.Strapi, bookingIds: number[]): Promise<number | null> {
  if (!(await hasColumn(strapi, JOURNAL, 'booking_id'))) return null;
  if (!bookingIds.length) return 0;
  const { n } = (await strapi.db.connection(JOURNAL).whereIn('booking_id', bookingIds).countDistinct({ n: 'booking_id' }).first()) as { n: number | string };
  return Number(n);
}

/** Each person's latest finished test of Qabilet's own (its slug and when), by person key. */
export async function latestTests(strapi: Core.Strapi, keys: string[]): Promise<Map<string, { test: string; at: number }>> {
  const latest = new Map<string, { test: string; at: number }>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = (await strapi.db
      .connection(ATTEMPTS)
      .whereIn('person_key', keys.slice(i, i + 500))
      .where({ status: 'finished' })
      .select('person_key', 'test_slug', 'finished_at')) as Array<{ person_key: string; test_slug: string; finished_at: number | string }>;
    for (const r of rows) {
      const at = Number(r.finished_at);
      const seen = latest.get(r.person_key);
      if (!seen || seen.at < at) latest.set(r.person_key, { test: r.test_slug, at });
    }
  }
  return latest;
}

/** The documents of specialists that are gone (deleted in the booking plugin) go with them. */
export async function removeOrphans(strapi: Core.Strapi, documents: string): Promise<number> {
  const knex = strapi.db.connection;
  return knex(documents).whereNotIn('specialist_id', knex(BOOKING_SPECIALISTS).select('id')).del();
}
