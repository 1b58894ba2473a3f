/**
 * What staff do with requests: enter one for a caller or visitor, book a slot for it, assign a
 * specialist, close it, and the same in bulk. Every change is checked against the staff member's
 * scope first, and refused with the same 404 whether the request does not exist or is someone
 * else's (the attempt is logged).
 */
import type { Core } from '@strapi/strapi';
import {
  decodeSlotId,
  FORMATS,
  isClosed,
  isLanguage,
  mayClose,
  normalizeKzMobile,
  normalizeName,
  SERVICES,
  CLOSINGS,
  type Closing,
  type Format,
  type Service,
} from '@qabilet/domain';
import { allowOnly, CrmError, invalid, notFound, objectBody, type Problem } from './errors';
import { audit, entry, insertRequest, isDocumentId, rowBy, updateRequest, type RequestRow } from './store';
import { centreInScope, inScope, type Scope } from './scope';

/** The request `documentId` within the scope, or 404 (and a line in the audit log when it exists elsewhere). */
export async function requestInScope(strapi: Core.Strapi, scope: Scope, adminId: number, documentId: unknown): Promise<RequestRow> {
  const row = isDocumentId(documentId) ? await rowBy(strapi, { document_id: documentId }) : undefined;
  if (row && inScope(scope, row)) return row;
  if (row)
    await audit(strapi, {
      actorType: 'admin',
      actorId: adminId,
      action: 'crm.refused',
      subjectType: 'plugin::crm.request',
      subjectId: row.document_id,
      details: { reason: 'scope' },
    });
  throw notFound();
}

/** The centre serving a region (its own centre first), and a centre's own region. */
export async function centreForRegion(strapi: Core.Strapi, region: string): Promise<string | null> {
  const centres = await strapi.db
    .query('api::centre.centre')
    .findMany({ where: { regions: { code: region }, locale: 'kk' }, select: ['slug'], populate: { region: { select: ['code'] } } });
  const own = centres.find((c: { region?: { code: string } }) => c.region?.code === region);
  return (own ?? centres[0])?.slug ?? null;
}
export async function regionOfCentre(strapi: Core.Strapi, centre: string): Promise<string | null | undefined> {
  const row = await strapi.db
    .query('api::centre.centre')
    .findOne({ where: { slug: centre, locale: 'kk' }, select: ['slug'], populate: { region: { select: ['code'] } } });
  return row ? (row.region?.code ?? null) : undefined;
}
const regionExists = async (strapi: Core.Strapi, code: unknown) =>
  typeof code === 'string' && !!(await strapi.db.query('api::region.region').findOne({ where: { code, locale: 'kk' }, select: ['id'] }));

type Person =
  | { kind: 'user'; userId: number; region: string }
  | { kind: 'child'; userId: number; childId: number; region: string }
  | { kind: 'lead'; name: string; phone: string };

async function personOf(strapi: Core.Strapi, value: unknown, problems: Problem[]): Promise<Person | undefined> {
  const p = value as { user?: unknown; child?: unknown; lead?: { name?: unknown; phone?: unknown } } | null;
  if (!p || typeof p !== 'object') return void problems.push({ field: 'person', code: 'person.missing' });
  if (p.lead !== undefined) {
    const name = typeof p.lead?.name === 'string' ? normalizeName(p.lead.name) : undefined;
    const phone = typeof p.lead?.phone === 'string' ? normalizeKzMobile(p.lead.phone) : undefined;
    if (!name?.ok) problems.push({ field: 'person.lead.name', code: 'lead.name' });
    if (!phone?.ok) problems.push({ field: 'person.lead.phone', code: phone && !phone.ok ? phone.problem : 'phone.format' });
    return name?.ok && phone?.ok ? { kind: 'lead', name: name.value, phone: phone.e164 } : undefined;
  }
  if (!isDocumentId(p.user)) return void problems.push({ field: 'person.user', code: 'person.missing' });
  const user = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { documentId: p.user, blocked: false }, select: ['id', 'region'] });
  if (!user) return void problems.push({ field: 'person.user', code: 'person.unknown' });
  if (p.child === undefined || p.child === null) return { kind: 'user', userId: user.id, region: user.region };
  const child = isDocumentId(p.child)
    ? await strapi.db.query('api::child.child').findOne({ where: { documentId: p.child, parent: user.id }, select: ['id', 'region'] })
    : null;
  if (!child) return void problems.push({ field: 'person.child', code: 'child.unknown' });
  return { kind: 'child', userId: user.id, childId: child.id, region: child.region };
}

/** A request entered by staff (for a caller, or a visitor at the centre). */
export async function createRequest(strapi: Core.Strapi, scope: Scope, adminId: number, input: unknown, now: Date): Promise<RequestRow> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['person', 'service', 'format', 'region', 'centre', 'wish', 'consent', 'source', 'language']);
  const person = await personOf(strapi, body.person, problems);
  if (!SERVICES.includes(body.service as Service)) problems.push({ field: 'service', code: 'service.unknown' });
  if (!FORMATS.includes(body.format as Format)) problems.push({ field: 'format', code: 'format.unknown' });
  const source = body.source ?? (scope.role === 'operator' ? 'call_centre' : 'staff');
  if (source !== 'call_centre' && source !== 'staff') problems.push({ field: 'source', code: 'source.unknown' });
  if (body.language !== undefined && !isLanguage(body.language)) problems.push({ field: 'language', code: 'language.unknown' });
  if (body.wish !== undefined && body.wish !== null && (typeof body.wish !== 'string' || body.wish.length > 500))
    problems.push({ field: 'wish', code: 'wish.tooLong' });
  if ((body.person as { lead?: unknown } | null)?.lead !== undefined && body.consent !== true) problems.push({ field: 'consent', code: 'consent.required' });
  let centre: string | null = null;
  let region: string | null = person && person.kind !== 'lead' ? person.region : null;
  if (body.region !== undefined && body.region !== null && body.region !== '') {
    if (await regionExists(strapi, body.region)) region = body.region as string;
    else problems.push({ field: 'region', code: 'region.unknown' });
  }
  if (body.centre !== undefined && body.centre !== null && body.centre !== '') {
    const own = typeof body.centre === 'string' ? await regionOfCentre(strapi, body.centre) : undefined;
    if (own === undefined) problems.push({ field: 'centre', code: 'centre.unknown' });
    else {
      centre = body.centre as string;
      if (!centreInScope(scope, centre)) problems.push({ field: 'centre', code: 'centre.outOfScope' });
      region ??= own;
    }
  } else if (region) centre = await centreForRegion(strapi, region);
  if (!region && !problems.some((p) => p.field === 'region' || p.field === 'centre') && person) problems.push({ field: 'region', code: 'field.required' });
  if (centre && !centreInScope(scope, centre) && !problems.some((p) => p.field === 'centre')) problems.push({ field: 'region', code: 'centre.outOfScope' });
  if (problems.length || !person) throw invalid(problems);

  const row = await insertRequest(strapi, {
    source: source as string,
    status: 'open',
    service: body.service as string,
    format: body.format as string,
    personKind: person.kind,
    userId: person.kind === 'lead' ? null : person.userId,
    childId: person.kind === 'child' ? person.childId : null,
    leadName: person.kind === 'lead' ? person.name : null,
    phone: person.kind === 'lead' ? person.phone : null,
    region,
    centre,
    language: (body.language as string | undefined) ?? 'kk',
    wish: typeof body.wish === 'string' && body.wish.trim() ? body.wish.trim() : null,
    consent: person.kind === 'lead' ? { given: true, at: now.toISOString(), by: adminId, method: 'oral, on the phone' } : null,
    history: [entry(now, { kind: 'staff', id: adminId }, 'created', { changes: { status: 'open', source } })],
  });
  await audit(strapi, { actorType: 'admin', actorId: adminId, action: 'crm.create', subjectType: 'plugin::crm.request', subjectId: row.document_id });
  return row;
}

/** Books a slot for the request's person, through the booking plugin (which links the booking back). */
export async function bookRequest(strapi: Core.Strapi, scope: Scope, adminId: number, documentId: unknown, input: unknown, now: Date): Promise<RequestRow> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['slot']);
  if (problems.length) throw invalid(problems);
  const row = await requestInScope(strapi, scope, adminId, documentId);
  if (isClosed(row.status)) throw invalid({ code: 'request.closed', values: { status: row.status } });
  if (row.booking_id) throw new CrmError(409, { code: 'request.hasBooking' });
  const slot = decodeSlotId(body.slot);
  if (slot && !scope.all) {
    const specialist = await strapi.db.query('plugin::booking.specialist').findOne({ where: { id: slot.specialistId }, select: ['centre'] });
    if (specialist && !centreInScope(scope, specialist.centre)) throw invalid({ field: 'slot', code: 'centre.outOfScope' });
  }
  const person =
    row.person_kind === 'lead'
      ? { lead: { name: row.lead_name ?? '', phone: row.phone ?? '', language: row.language ?? 'kk' } }
      : { userId: row.user_id!, childId: row.child_id };
  await strapi.plugin('booking').service('staff').book({ adminId, requestId: row.id, slot: body.slot, service: row.service, format: row.format, person }, now);
  return (await rowBy(strapi, { id: row.id }))!;
}

/** Gives an open request to a specialist of a centre within the scope. */
export async function assignRequest(strapi: Core.Strapi, scope: Scope, adminId: number, row: RequestRow, specialistId: unknown, now: Date): Promise<void> {
  const id = Number(specialistId);
  const specialist =
    Number.isInteger(id) && id > 0
      ? await strapi.db.query('plugin::booking.specialist').findOne({ where: { id, active: true }, select: ['id', 'centre'] })
      : null;
  if (!specialist || !centreInScope(scope, specialist.centre)) throw invalid({ field: 'specialist', code: 'specialist.notFound' });
  if (isClosed(row.status)) throw invalid({ code: 'request.closed', values: { status: row.status } });
  if (row.booking_id) throw invalid({ field: 'specialist', code: 'request.hasBooking' });
  const moved = await updateRequest(
    strapi,
    row,
    { specialistId: specialist.id, centre: specialist.centre },
    entry(now, { kind: 'staff', id: adminId }, 'assigned', { changes: { specialist: specialist.id, centre: specialist.centre } }),
  );
  if (!moved) throw invalid({ code: 'request.move', values: { from: row.status, to: row.status } });
}

const BOOKING_ACTION = { completed: 'complete', no_show: 'no-show', cancelled: 'cancel' } as const;

/** Closes a request: completed or no-show (with its booking), no answer, or cancelled; a note is kept as the outcome. */
export async function closeRequest(strapi: Core.Strapi, adminId: number, row: RequestRow, to: unknown, noteInput: unknown, now: Date): Promise<void> {
  if (!(CLOSINGS as readonly unknown[]).includes(to)) throw invalid({ field: 'status', code: 'status.closing' });
  const closing = to as Closing;
  const note = typeof noteInput === 'string' ? noteInput.trim() : '';
  if (noteInput !== undefined && noteInput !== null && typeof noteInput !== 'string') throw invalid({ field: 'note', code: 'note.required' });
  if (note.length > 2000) throw invalid({ field: 'note', code: 'note.tooLong' });
  if (!note && (closing === 'completed' || (closing === 'cancelled' && row.booking_id))) throw invalid({ field: 'note', code: 'note.required' });
  if (!mayClose(row.status, closing, !!row.booking_id)) throw invalid({ field: 'status', code: 'request.move', values: { from: row.status, to: closing } });
  const actor = { kind: 'staff' as const, id: adminId };
  if (row.booking_id && closing !== 'no_answer') {
    const booking = await strapi.db.query('plugin::booking.booking').findOne({ where: { id: row.booking_id }, select: ['documentId'] });
    // The booking moves first; its change moves the request (sync.ts). The note follows.
    await strapi
      .plugin('booking')
      .service('staff')
      .act(adminId, booking.documentId, BOOKING_ACTION[closing], note ? { reason: note } : {}, now);
    const after = (await rowBy(strapi, { id: row.id }))!;
    if (note) await updateRequest(strapi, after, { outcome: note }, entry(now, actor, 'note', { note }));
  } else {
    const moved = await updateRequest(
      strapi,
      row,
      { status: closing, ...(note ? { outcome: note } : {}) },
      entry(now, actor, closing, { changes: { status: closing }, ...(note ? { note } : {}) }),
    );
    if (!moved) throw invalid({ field: 'status', code: 'request.move', values: { from: row.status, to: closing } });
  }
  await audit(strapi, { actorType: 'admin', actorId: adminId, action: `crm.${closing}`, subjectType: 'plugin::crm.request', subjectId: row.document_id });
}
