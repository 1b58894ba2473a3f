/**
 * Consent under Law 94-V: each registration records consent to the current text version; a
 * person under 18 also needs a parent's or legal representative's consent, confirmed by a one-time
 * e-mail link or an SMS code; consent can be withdrawn. Services (booking, testing) need all of it.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { updateWhere } from '../lib/update-where';
import { ADULT_AGE, ageOn, todayInKazakhstan } from '@qabilet/domain';
import type { Language } from '../i18n/messages';
import { hashToken, newLinkToken } from './tokens';

const CONSENT = 'api::consent.consent';
export const LINK_HOURS = 72;
export const CODE_MINUTES = 10;
export const CODE_ATTEMPTS = 5;

export type ConsentText = { version: string; hash: string; title: string; body: string; language: Language };

export async function currentConsentText(strapi: Core.Strapi, language: Language): Promise<ConsentText> {
  const [text] = await strapi.documents('api::consent-text.consent-text').findMany({
    locale: language,
    filters: { effectiveFrom: { $lte: todayInKazakhstan() } },
    sort: ['effectiveFrom:desc', 'version:desc'],
    limit: 1,
  } as never);
  if (!text) throw new Error('No consent text is in force: seed one (cms/data/consent-text.json).');
  const { version, title, body } = text as unknown as { version: string; title: string; body: string };
  return { version, title, body, language, hash: crypto.createHash('sha256').update(body).digest('hex') };
}

export const isMinor = (birthDate: string) => ageOn(birthDate, todayInKazakhstan()) < ADULT_AGE;

type Subject = { userId: number; childId?: number };

async function give(strapi: Core.Strapi, subject: Subject, language: Language, kind: 'own' | 'parental', channel: string, givenBy: 'self' | 'parent') {
  const text = await currentConsentText(strapi, language);
  return strapi.db.query(CONSENT).create({
    data: {
      user: subject.userId,
      child: subject.childId,
      kind,
      status: 'given',
      textVersion: text.version,
      textHash: text.hash,
      language,
      channel,
      givenBy,
      givenAt: new Date(),
    },
  });
}

export const recordOwnConsent = (strapi: Core.Strapi, userId: number, language: Language) => give(strapi, { userId }, language, 'own', 'registration', 'self');

/** A parent adding a child consents for the child there and then, as its representative. */
export const recordConsentForChild = (strapi: Core.Strapi, parentId: number, childId: number, language: Language) =>
  give(strapi, { userId: parentId, childId }, language, 'parental', 'cabinet', 'parent');

/** Opens a pending parental consent: a link by e-mail, or a code by SMS. Returns the secret to send. */
export async function requestParentalConsent(strapi: Core.Strapi, userId: number, language: Language, via: { email?: string; phone?: string }) {
  const text = await currentConsentText(strapi, language);
  await updateWhere(
    strapi,
    CONSENT,
    { user: userId, kind: 'parental', status: 'pending', child: { id: { $null: true } } },
    { status: 'withdrawn', withdrawnAt: new Date(), tokenHash: null },
  );
  const byEmail = via.email !== undefined;
  const secret = byEmail ? newLinkToken().token : String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  await strapi.db.query(CONSENT).create({
    data: {
      user: userId,
      kind: 'parental',
      status: 'pending',
      textVersion: text.version,
      textHash: text.hash,
      language,
      channel: byEmail ? 'email-link' : 'sms-code',
      givenBy: 'parent',
      representativeContact: via.email ?? via.phone,
      tokenHash: hashToken(secret),
      tokenExpires: new Date(Date.now() + (byEmail ? LINK_HOURS * 3600_000 : CODE_MINUTES * 60_000)),
      codeAttempts: 0,
    },
  });
  return secret;
}

const confirm = (strapi: Core.Strapi, id: number) =>
  strapi.db.query(CONSENT).update({ where: { id }, data: { status: 'given', givenAt: new Date(), tokenHash: null, tokenExpires: null } });

/** The parent opened the link: one use, within its time. */
export async function confirmParentalByLink(strapi: Core.Strapi, token: string): Promise<{ language: Language } | undefined> {
  const pending = await strapi.db.query(CONSENT).findOne({
    where: { tokenHash: hashToken(token), status: 'pending', channel: 'email-link', tokenExpires: { $gt: new Date() } },
  });
  if (!pending) return undefined;
  await confirm(strapi, pending.id);
  return { language: pending.language };
}

/** The child types in the code the parent received: five tries within ten minutes. */
export async function confirmParentalByCode(strapi: Core.Strapi, userId: number, code: string): Promise<'ok' | 'wrong' | 'expired'> {
  const pending = await strapi.db.query(CONSENT).findOne({ where: { user: userId, status: 'pending', channel: 'sms-code' }, orderBy: { id: 'desc' } });
  if (!pending || !pending.tokenHash || new Date(pending.tokenExpires) <= new Date() || pending.codeAttempts >= CODE_ATTEMPTS) return 'expired';
  const matches = crypto.timingSafeEqual(Buffer.from(pending.tokenHash, 'hex'), Buffer.from(hashToken(code), 'hex'));
  if (!matches) {
    await strapi.db.query(CONSENT).update({ where: { id: pending.id }, data: { codeAttempts: pending.codeAttempts + 1 } });
    return pending.codeAttempts + 1 >= CODE_ATTEMPTS ? 'expired' : 'wrong';
  }
  await confirm(strapi, pending.id);
  return 'ok';
}

export async function withdrawConsent(strapi: Core.Strapi, userId: number, documentId: string): Promise<boolean> {
  const consent = await strapi.db.query(CONSENT).findOne({ where: { documentId, user: userId, status: { $ne: 'withdrawn' } } });
  if (!consent) return false;
  await strapi.db.query(CONSENT).update({ where: { id: consent.id }, data: { status: 'withdrawn', withdrawnAt: new Date(), tokenHash: null } });
  return true;
}

export type ConsentState = { own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean };

/** Whether a person may book and be tested: consent given, and a parent's too for a minor. */
export async function consentState(strapi: Core.Strapi, user: { id: number; birthDate: string; deletionRequestedAt?: string | null }): Promise<ConsentState> {
  const given = await strapi.db.query(CONSENT).findMany({ where: { user: user.id, child: { id: { $null: true } }, status: 'given' }, select: ['kind'] });
  const own = given.some((c: { kind: string }) => c.kind === 'own');
  const parentalNeeded = isMinor(user.birthDate);
  const parental = given.some((c: { kind: string }) => c.kind === 'parental');
  return { own, parentalNeeded, parental, servicesAllowed: own && (!parentalNeeded || parental) && !user.deletionRequestedAt };
}
