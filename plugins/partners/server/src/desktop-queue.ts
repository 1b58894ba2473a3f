/**
 * The review queue: rows of a centre's results that named nobody, somebody ambiguous, an account
 * with children or a person without consent. Staff see the reason and the people the row may be
 * about (looked up afresh: a person may have registered or consented since), then choose one,
 * correct the phone, e-mail or booking reference, or discard the row. Once a row leaves the queue
 * its phone and e-mail are forgotten; each resolution is one conditional update, so two staff
 * members resolving the same row at once record it once.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { Person } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { QueuePage } from '@qabilet/domain';
import { PartnersError, allowOnly, conflict, invalid, type Problem } from './errors';
import { message, type Language } from './messages';
import type { PartnerRow } from './store';
import { json, ms } from './tables';
import { IMPORT_ROWS, type ImportRowRecord } from './desktop-tables';
import { checkRow, identifierOf, statementIdOf, type RowValues } from './desktop-values';
import { consentedCandidate, knownToCentre, matchRow, type Candidate, type Identifiers, type Match } from './desktop-match';
import { personColumns, recordRow } from './desktop-import';
import { centreOf } from './desktop-scope';

const candidatesOf = (m: Match): Candidate[] =>
  m.ok ? [{ kind: m.person.childId ? 'child' : 'user', id: m.person.childId ?? m.person.userId, name: m.person.name }] : m.candidates;
const identifiersOf = (v: RowValues): Identifiers => ({ phone: v.phone, email: v.email, bookingRef: v.bookingRef });
const withoutContacts = (v: RowValues): RowValues => ({ ...v, phone: null, email: null });

export async function queueView(strapi: Core.Strapi, partners: PartnerRow[], page: number, pageSize: number, language: Language): Promise<QueuePage> {
  const byId = new Map(partners.map((p) => [p.id, p]));
  const q = () =>
    strapi.db
      .connection(IMPORT_ROWS)
      .whereIn('partner_id', [...byId.keys(), -1])
      .where({ status: 'queued' });
  const [rows, total] = await Promise.all([
    q()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize) as Promise<ImportRowRecord[]>,
    q().count({ n: '*' }).first(),
  ]);
  const data = await Promise.all(
    rows.map(async (row) => {
      const values = json<RowValues>(row.data, {} as RowValues);
      const centre = centreOf(byId.get(row.partner_id)!);
      const candidates = await knownToCentre(strapi, centre, candidatesOf(await matchRow(strapi, centre, identifiersOf(values))));
      return {
        id: row.id,
        partnerId: row.partner_id,
        fileName: row.file_name,
        createdAt: new Date(ms(row.created_at)!).toISOString(),
        reason: row.reason,
        explanation: row.reason ? message(language, row.reason as Problem['code']) : null,
        values,
        candidates,
      };
    }),
  );
  return { data, meta: { page, pageSize, total: Number(total?.n ?? 0) } };
}

export async function queuedRow(strapi: Core.Strapi, idInput: unknown): Promise<ImportRowRecord> {
  const id = Number(idInput);
  const row = Number.isSafeInteger(id) && id > 0 ? await strapi.db.connection(IMPORT_ROWS).where({ id }).first() : undefined;
  if (!row) throw new PartnersError(404, { code: 'queue.unknown' });
  return row;
}

/** Corrected identifiers from the body, checked as a row's are; the stored ones where none is given. */
function corrected(body: Record<string, unknown>, values: RowValues): { ids: Identifiers; changed: boolean } {
  const ids = identifiersOf(values);
  const given = (['phone', 'email', 'bookingRef'] as const).filter((f) => body[f] !== undefined);
  const problems: Problem[] = [];
  for (const f of given) {
    const value = identifierOf(f, body[f]);
    if (value === undefined) problems.push({ field: f, code: `row.${f}` });
    else ids[f] = value;
  }
  if (!ids.phone && !ids.email && !ids.bookingRef) problems.push({ field: 'phone', code: 'row.noIdentifier' });
  if (problems.length) throw invalid(problems);
  return { ids, changed: given.length > 0 };
}

function personOf(body: Record<string, unknown>): Pick<Candidate, 'kind' | 'id'> | undefined {
  if (body.person === undefined) return undefined;
  const p = body.person as Record<string, unknown> | null;
  const ok =
    p &&
    typeof p === 'object' &&
    !Array.isArray(p) &&
    !allowOnly(p, ['kind', 'id']).length &&
    (p.kind === 'user' || p.kind === 'child') &&
    Number.isSafeInteger(p.id) &&
    (p.id as number) > 0;
  if (!ok) throw invalid({ field: 'person', code: 'queue.person' });
  return { kind: p.kind as Candidate['kind'], id: p.id as number };
}

/** Takes the row out of the queue (status from queued to `status`), or says someone else already did. */
async function leaveQueue(trx: Knex.Transaction, row: ImportRowRecord, values: Record<string, unknown>): Promise<void> {
  const changed = await trx(IMPORT_ROWS).where({ id: row.id, status: 'queued' }).update(values);
  if (!changed) throw conflict({ code: 'queue.resolved' });
}

export async function discardRow(strapi: Core.Strapi, row: ImportRowRecord, adminId: number, now = new Date()): Promise<void> {
  const values = json<RowValues>(row.data, {} as RowValues);
  await strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) =>
    leaveQueue(trx, row, { status: 'discarded', data: JSON.stringify(withoutContacts(values)), resolved_at: now.getTime(), resolved_by: adminId }),
  );
}

/** Records the row for the person staff chose (or the one the corrected identifiers name). */
export async function resolveRow(
  strapi: Core.Strapi,
  partner: PartnerRow,
  row: ImportRowRecord,
  body: Record<string, unknown>,
  adminId: number,
  now = new Date(),
): Promise<Person> {
  if (row.status !== 'queued') throw conflict({ code: 'queue.resolved' });
  const values = json<RowValues>(row.data, {} as RowValues);
  const chosen = personOf(body);
  const { ids, changed } = corrected(body, values);
  const match = await matchRow(strapi, centreOf(partner), ids);
  let person: Person | undefined;
  if (chosen) {
    const shown = await knownToCentre(strapi, centreOf(partner), candidatesOf(match));
    if (!shown.some((c) => c.kind === chosen.kind && c.id === chosen.id)) throw invalid({ field: 'person', code: 'queue.notCandidate' });
    person = match.ok ? match.person : await consentedCandidate(strapi, chosen);
    if (!person) throw conflict({ field: 'person', code: 'consent.missing' });
  } else if (match.ok) person = match.person;
  else {
    // Still nobody certain: the corrected identifiers stay, with the new reason, for the next look.
    if (changed)
      await strapi.db
        .connection(IMPORT_ROWS)
        .where({ id: row.id, status: 'queued' })
        .update({ reason: match.reason, data: JSON.stringify({ ...values, ...ids }) });
    throw conflict({ code: match.reason });
  }
  // The row as it was received, checked against the partner's tests as they are now.
  const checked = checkRow({ ...values, ...ids }, partner.tests, now);
  if (!checked.ok) throw conflict({ code: 'queue.stale' });
  await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
    await leaveQueue(trx, row, {
      status: 'imported',
      statement_id: statementIdOf(partner.id, row.row_key),
      ...personColumns(person!),
      resolved_at: now.getTime(),
      resolved_by: adminId,
      data: JSON.stringify(withoutContacts({ ...values, ...ids })),
    });
    await recordRow(strapi, partner, trx, person!, { key: row.row_key, ...checked.row });
  });
  return person;
}
