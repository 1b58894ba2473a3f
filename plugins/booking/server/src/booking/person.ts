/**
 * Whom a user books for — themselves or their own child — and whether they may: the consents the
 * accounts keep. Shared by a user's own booking, a staff member's booking for a registered person,
 * the waitlist (join and accept), the assessment and the partners' imports.
 */
import type { Core } from '@strapi/strapi';
import { BookingError, invalid } from '../errors';

const USER = 'plugin::users-permissions.user';

export const accounts = (strapi: Core.Strapi) =>
  strapi.service('api::account.account') as unknown as {
    consentState(user: unknown): Promise<{ own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean }>;
    findOwnChild(parentId: number, documentId: unknown): Promise<{ id: number; documentId: string; firstName: string } | null>;
    childConsentGiven(parentId: number, childId: number): Promise<boolean>;
    audit(entry: Record<string, unknown>): Promise<void>;
  };

export type Contact = {
  id: number;
  email: string;
  phone: string | null;
  confirmed: boolean;
  language: string | null;
  birthDate: string;
  deletionRequestedAt: string | null;
};

export async function contactOf(strapi: Core.Strapi, userId: number): Promise<Contact | null> {
  return strapi.db
    .query(USER)
    .findOne({ where: { id: userId }, select: ['id', 'email', 'phone', 'confirmed', 'language', 'birthDate', 'deletionRequestedAt', 'blocked'] });
}

export type OwnChild = { id: number; documentId: string; firstName: string };

/** Whom a user books for — themselves or their own child — with every consent checked (BookingError otherwise). */
export async function checkPerson(strapi: Core.Strapi, userId: number, childInput: unknown): Promise<{ user: Contact; child: OwnChild | null }> {
  const user = await contactOf(strapi, userId);
  let child: OwnChild | null = null;
  if (childInput !== undefined && childInput !== null) {
    child = await accounts(strapi).findOwnChild(userId, childInput);
    if (!child) throw invalid({ field: 'child', code: 'child.unknown' });
  }
  const consent = await accounts(strapi).consentState(user);
  if (!consent.own) throw new BookingError(403, { code: 'consent.missing' });
  if (consent.parentalNeeded && !consent.parental) throw new BookingError(403, { code: 'consent.parental' });
  if (!consent.servicesAllowed) throw new BookingError(403, { code: 'consent.missing' });
  if (child && !(await accounts(strapi).childConsentGiven(userId, child.id))) throw new BookingError(403, { field: 'child', code: 'consent.child' });
  return { user: user!, child };
}
