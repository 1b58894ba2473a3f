/**
 * Who reaches which journal entry, from the staff member's role and profile (never the request):
 * a specialist the consultations they held themselves (their specialist rows, linked through
 * plugin::booking.specialist → staff profile → admin user, as the CRM links them), and only they
 * write them; a regional coordinator reads those of the centres serving their region; the curator
 * and a super admin read all. Anything else, unknown or out of scope, is one 404.
 */
import type { Core } from '@strapi/strapi';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { CrmServices } from '@qabilet/strapi-plugin-crm/strapi-server';
import { TalentError } from '../errors';
import { talentScope, type AdminUser, type TalentScope } from '../scope';
import { heldBookings, type BookingFilter, type HeldBooking } from './sources';

export type Journalist = TalentScope & { specialistIds: number[] };

export async function journalistOf(strapi: Core.Strapi, user: AdminUser): Promise<Journalist> {
  const scope = await talentScope(strapi, user);
  const specialistIds = scope.role === 'specialist' ? (await servicesOf<CrmServices>(strapi, 'crm')('scope').of(user)).specialistIds : [];
  return { ...scope, specialistIds };
}

/** The completed bookings a staff member reaches, as a filter of sources.ts. */
export function reach(j: Journalist): BookingFilter {
  if (j.role === 'specialist') return { specialistIds: j.specialistIds };
  if (j.role === 'coordinator') return { centres: j.centres };
  return {};
}

export const journalNotFound = () => new TalentError(404, { code: 'journal.notFound' });

/** The booking's id from a route parameter, or the 404 an unknown id gets. */
export function idOf(param: unknown): number {
  const n = typeof param === 'string' && /^\d{1,10}$/.test(param) ? Number(param) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw journalNotFound();
  return n;
}

/** A completed booking within reach, or 404. */
export async function bookingInReach(strapi: Core.Strapi, j: Journalist, id: number): Promise<HeldBooking> {
  const { rows } = await heldBookings(strapi, { ...reach(j), ids: [id] }, 1, 1);
  if (!rows[0]) throw journalNotFound();
  return rows[0];
}

/** Only the booking's own specialist writes its entry (the others who read it get 403). */
export function assertAuthor(j: Journalist, booking: HeldBooking): void {
  if (!j.specialistIds.includes(booking.specialist.id)) throw new TalentError(403, { code: 'journal.notAuthor' });
}
