/**
 * The entries themselves: the list of completed consultations with their entries' state, one
 * entry with its revisions, and the specialist's writes — a draft saved (the version it was read
 * at must still be the current one: a stale editor gets 409 instead of overwriting; a repeated save
 * of the same text answers as the first did), signed (frozen) and amended (a new signed revision,
 * the old text kept in `talent_journal_revisions`).
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { EMPTY_FIELDS, signable, type JournalDraft, type JournalEntryView, type JournalFields, type JournalListItem, type JournalState } from '@qabilet/domain';
import { isUniqueViolation, json, ms } from '@qabilet/plugin-kit/server';
import { conflict, invalid, type Problem } from '../errors';
import { PEOPLE } from '../scope';
import { nameOf } from '../people/list';
import { assertAuthor, reach, type Journalist } from './access';
import { attemptsOf, heldBookings, staffNames, type HeldBooking } from './sources';
import { ENTRIES, REVISIONS } from './tables';

export type EntryRow = {
  id: number;
  booking_id: number;
  specialist_id: number;
  centre: string;
  person_key: string;
  service: string;
  held_at: number | string;
  status: 'draft' | 'signed';
  version: number;
  fields: string;
  notes: string;
  author_id: number;
  saved_at: number | string;
  signed_by: number | null;
  signed_at: number | string | null;
  revision: number;
};

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(ms(v) as number).toISOString());

/** The registry's id and name of each person key (null id: the person is not, or no longer, in the registry). */
async function peopleOf(strapi: Core.Strapi, keys: string[]): Promise<Map<string, { id: number | null; name: string }>> {
  const rows = keys.length
    ? await strapi.db
        .connection(PEOPLE)
        .whereIn('person_key', [...new Set(keys)])
        .select('id', 'person_key', 'surname', 'first_name', 'patronymic')
    : [];
  return new Map(
    rows.map((r: { id: number; person_key: string; surname: string; first_name: string; patronymic: string | null }) => [
      r.person_key,
      { id: r.id, name: nameOf(r) },
    ]),
  );
}

/** The list items of these bookings, with their entries' state. */
export async function itemsOf(strapi: Core.Strapi, j: Journalist, bookings: HeldBooking[]): Promise<JournalListItem[]> {
  const ids = bookings.map((b) => b.id);
  const entries = ids.length
    ? ((await strapi.db.connection(ENTRIES).whereIn('booking_id', ids).select('booking_id', 'status')) as Array<{ booking_id: number; status: JournalState }>)
    : [];
  const state = new Map(entries.map((e) => [e.booking_id, e.status]));
  const people = await peopleOf(
    strapi,
    bookings.map((b) => b.personKey),
  );
  return bookings.map((b) => ({
    id: b.id,
    service: b.service,
    heldAt: new Date(b.start).toISOString(),
    centre: b.centre,
    specialist: b.specialist,
    person: people.get(b.personKey) ?? { id: null, name: '' },
    state: state.get(b.id) ?? 'missing',
    mine: j.specialistIds.includes(b.specialist.id),
  }));
}

export async function listEntries(strapi: Core.Strapi, j: Journalist, page: number, pageSize: number) {
  const { rows, total } = await heldBookings(strapi, reach(j), page, pageSize);
  return { data: await itemsOf(strapi, j, rows), meta: { page, pageSize, total } };
}

const entryOf = (strapi: Core.Strapi, bookingId: number, db: Knex = strapi.db.connection) =>
  db(ENTRIES).where({ booking_id: bookingId }).first() as Promise<EntryRow | undefined>;

/** The entry of a booking within reach, as its author and readers see it. */
export async function entryView(strapi: Core.Strapi, j: Journalist, booking: HeldBooking): Promise<JournalEntryView> {
  const [item] = await itemsOf(strapi, j, [booking]);
  const row = await entryOf(strapi, booking.id);
  const revisions = row ? await strapi.db.connection(REVISIONS).where({ entry_id: row.id }).orderBy('revision', 'desc') : [];
  const names = await staffNames(strapi, [row?.signed_by ?? 0, ...revisions.map((r: { signed_by: number }) => r.signed_by)]);
  const who = (id: number | null) => (id === null ? null : { id, name: names.get(id) ?? '' });
  const attempts = await attemptsOf(strapi, booking.personKey);
  return {
    ...item!,
    version: row?.version ?? 0,
    fields: row ? json<JournalFields>(row.fields, EMPTY_FIELDS) : EMPTY_FIELDS,
    notes: row?.notes ?? '',
    savedAt: iso(row?.saved_at),
    signedBy: who(row?.signed_by ?? null),
    signedAt: iso(row?.signed_at),
    revisions: revisions.map((r: { revision: number; fields: string; notes: string; signed_by: number; signed_at: unknown; reason: string | null }) => ({
      revision: r.revision,
      fields: json<JournalFields>(r.fields, EMPTY_FIELDS),
      notes: r.notes,
      signedBy: who(r.signed_by)!,
      signedAt: iso(r.signed_at)!,
      reason: r.reason,
    })),
    attempts: attempts.map((a) => ({ id: a.id, test: a.test, finishedAt: iso(a.finishedAt) })),
  };
}

const stale = () => conflict({ field: 'version', code: 'journal.version.stale' });
const frozen = () => conflict({ code: 'journal.signed' });

/** The attempts named as discussed must be the person's own. */
async function checkAttempts(strapi: Core.Strapi, booking: HeldBooking, fields: JournalFields): Promise<void> {
  const named = fields.tests.map((t, i) => ({ ...t, i })).filter((t) => t.attempt !== null);
  if (!named.length) return;
  const own = await attemptsOf(strapi, booking.personKey);
  const problems: Problem[] = named
    .filter((t) => !own.some((a) => a.id === t.attempt && a.test === t.test))
    .map((t) => ({ field: `tests.${t.i}.attempt`, code: 'journal.test.notTheirs' }));
  if (problems.length) throw invalid(problems);
}

const same = (row: EntryRow, d: JournalDraft) => row.fields === JSON.stringify(d.fields) && row.notes === d.notes;

/** Saves the draft (creating the entry on the first save). */
export async function saveDraft(strapi: Core.Strapi, j: Journalist, booking: HeldBooking, d: JournalDraft, now = Date.now()): Promise<void> {
  assertAuthor(j, booking);
  await checkAttempts(strapi, booking, d.fields);
  const knex = strapi.db.connection;
  const row = await entryOf(strapi, booking.id);
  if (row?.status === 'signed') throw frozen();
  // A retried save (the answer was lost): the same text at the version it made answers as the first did.
  if (row && row.version === d.version + 1 && same(row, d)) return;
  const text = { fields: JSON.stringify(d.fields), notes: d.notes, author_id: j.adminId, saved_at: now };
  if (!row) {
    if (d.version !== 0) throw stale();
    try {
      await knex(ENTRIES).insert({
        ...text,
        booking_id: booking.id,
        specialist_id: booking.specialist.id,
        centre: booking.centre,
        person_key: booking.personKey,
        service: booking.service,
        held_at: booking.start,
        status: 'draft',
        version: 1,
        revision: 0,
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw stale();
      throw error;
    }
    return;
  }
  const n = await knex(ENTRIES)
    .where({ id: row.id, version: d.version, status: 'draft' })
    .update({ ...text, version: d.version + 1 });
  if (!n) throw stale();
}

/** Signs the draft as it stands at `version`: the author, the time, and the first revision. */
export async function signEntry(strapi: Core.Strapi, j: Journalist, booking: HeldBooking, version: number, now = Date.now()): Promise<void> {
  assertAuthor(j, booking);
  await strapi.db.connection.transaction(async (trx) => {
    const row = await entryOf(strapi, booking.id, trx);
    if (!row) throw invalid(signable(EMPTY_FIELDS) as Problem[]);
    if (row.status === 'signed') throw frozen();
    if (row.version !== version) throw stale();
    const missing = signable(json<JournalFields>(row.fields, EMPTY_FIELDS));
    if (missing.length) throw invalid(missing as Problem[]);
    const n = await trx(ENTRIES)
      .where({ id: row.id, version, status: 'draft' })
      .update({ status: 'signed', signed_by: j.adminId, signed_at: now, revision: 1, version: version + 1 });
    if (!n) throw stale();
    await trx(REVISIONS).insert({ entry_id: row.id, revision: 1, fields: row.fields, notes: row.notes, signed_by: j.adminId, signed_at: now, reason: null });
  });
}

/** Amends a signed entry: the new text is signed at once as the next revision; the old one stays. */
export async function amendEntry(strapi: Core.Strapi, j: Journalist, booking: HeldBooking, d: JournalDraft, reason: string, now = Date.now()): Promise<number> {
  assertAuthor(j, booking);
  await checkAttempts(strapi, booking, d.fields);
  return strapi.db.connection.transaction(async (trx) => {
    const row = await entryOf(strapi, booking.id, trx);
    if (!row || row.status !== 'signed') throw conflict({ code: 'journal.notSigned' });
    if (row.version !== d.version) throw stale();
    const revision = row.revision + 1;
    const text = { fields: JSON.stringify(d.fields), notes: d.notes };
    const n = await trx(ENTRIES)
      .where({ id: row.id, version: d.version })
      .update({ ...text, author_id: j.adminId, saved_at: now, signed_by: j.adminId, signed_at: now, revision, version: d.version + 1 });
    if (!n) throw stale();
    await trx(REVISIONS).insert({ entry_id: row.id, revision, ...text, signed_by: j.adminId, signed_at: now, reason });
    return revision;
  });
}
