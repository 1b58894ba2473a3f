/**
 * The history of actions on the person's card (staff only): the audit log's lines about the person,
 * their requests and bookings (who viewed, changed or exported what, when), and their requests'
 * own history — each named by what happened, when and by whom as a role, never by a name.
 */
import type { Core } from '@strapi/strapi';
import { requestNumber, type CardHistoryEntry } from '@qabilet/domain';
import type { PersonRow } from '../scope';
import { auditOf, bookingsOf, historyOf, isoOf, LIMIT, personSubjects, requestsOf, staffRoles } from './sources';
import { REQUEST, BOOKING } from '../sources';

const staffId = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null);

export async function historyOfPerson(strapi: Core.Strapi, p: PersonRow): Promise<CardHistoryEntry[]> {
  const [requests, bookings] = await Promise.all([requestsOf(strapi, p), bookingsOf(strapi, p)]);
  const audited = await auditOf(strapi, [
    ...personSubjects(p),
    ...requests.map((r) => ({ type: REQUEST, id: r.document_id })),
    ...bookings.map((b) => ({ type: BOOKING, id: b.documentId })),
  ]);
  const requestLines = requests.flatMap((r) => historyOf(r).map((line) => ({ line, number: requestNumber(r.id) })));
  const staff = [
    ...audited.filter((a) => a.actorType === 'admin').map((a) => staffId(a.actorId)),
    ...requestLines.filter(({ line }) => line.by?.kind === 'staff').map(({ line }) => staffId(line.by.id)),
  ].filter((id): id is number => id !== null);
  const roles = await staffRoles(strapi, [...new Set(staff)]);
  const roleOf = (id: unknown) => roles.get(staffId(id) ?? -1) ?? null;
  const entries: CardHistoryEntry[] = [
    ...audited.map((a) => ({
      at: isoOf(a.createdAt) ?? '',
      action: a.action,
      by: a.actorType === 'admin' ? { kind: 'staff' as const, role: roleOf(a.actorId) } : { kind: a.actorType, role: null },
      request: null,
    })),
    ...requestLines.map(({ line, number }) => ({
      at: isoOf(line.at) ?? '',
      action: `request.${line.action}`,
      by: { kind: line.by?.kind ?? 'system', role: line.by?.kind === 'staff' ? roleOf(line.by.id) : null },
      request: number,
    })),
  ];
  return entries.sort((a, b) => b.at.localeCompare(a.at)).slice(0, LIMIT * 2);
}
