/**
 * Whose specialist cards a staff member reaches, from their scope (never from the request): a
 * specialist their own card only; a regional coordinator the specialists of the centres serving
 * their region; the curator every card, read-only; a super admin every card. Unknown and out of
 * scope are one 404. Who may change the documents and export the people follows from it.
 */
import type { Core } from '@strapi/strapi';
import { TalentError } from '../errors';
import type { TalentScope } from '../scope';
import { specialists, type SpecialistRecord } from './sources';

/** The booking plugin's query of the specialists within the scope. */
export function reachable(scope: TalentScope): Record<string, unknown> {
  if (scope.role === 'admin' || scope.role === 'curator') return {};
  if (scope.role === 'coordinator') return { centre: { $in: scope.centres.length ? scope.centres : [''] } };
  if (scope.role === 'specialist') return { staffProfile: { user: { id: scope.adminId } } };
  return { id: -1 };
}

export type CardAccess = {
  specialist: SpecialistRecord;
  mine: boolean;
  /** Upload and remove documents (the specialist on their own card, their coordinator, a super admin). */
  write: boolean;
  /** Export the people they consulted (the specialist themselves, their coordinator, a super admin). */
  export: boolean;
};

export async function cardInScope(strapi: Core.Strapi, scope: TalentScope, id: unknown): Promise<CardAccess> {
  const n = typeof id === 'string' && /^\d{1,10}$/.test(id) ? Number(id) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new TalentError(404, { code: 'specialist.notFound' });
  const [specialist] = await specialists(strapi, { $and: [{ id: n }, reachable(scope)] });
  if (!specialist) throw new TalentError(404, { code: 'specialist.notFound' });
  const mine = specialist.adminId === scope.adminId;
  const allowed = !scope.readOnly && ['admin', 'coordinator', 'specialist'].includes(scope.role);
  return { specialist, mine, write: allowed, export: allowed };
}

/** Refuses a change of the documents (the curator reads only). */
export function assertWrite(access: CardAccess): void {
  if (!access.write) throw new TalentError(403, { code: 'staff.readOnly' });
}

export function assertExport(access: CardAccess): void {
  if (!access.export) throw new TalentError(403, { code: 'specialist.exportRefused' });
}
