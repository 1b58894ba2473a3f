/**
 * A new e-mail address takes effect only once it is confirmed from its own mailbox: until then it
 * waits on the user as pending (the address, the SHA-256 of a one-time token, an expiry; private
 * fields), and the old address is told that a change was asked for. Asking again replaces it.
 */
import type { Core } from '@strapi/strapi';
import type { Language } from '../i18n/messages';
import { hashToken, newLinkToken } from './tokens';
import { sendEmailChangeMail, sendEmailChangeNotice } from './mails';
import { audit, isUniqueViolation } from '@qabilet/plugin-kit/server';

const USER = 'plugin::users-permissions.user';
export const EMAIL_CHANGE_HOURS = 24;

type Owner = { id: number; email: string; firstName?: string | null };

const CLEARED = { pendingEmail: null, pendingEmailTokenHash: null, pendingEmailExpires: null };

/** Keeps `email` as the pending address and mails the link to it and the notice to the current one. */
export async function requestEmailChange(strapi: Core.Strapi, user: Owner, email: string, language: Language): Promise<void> {
  const { token, hash } = newLinkToken();
  await strapi.db.query(USER).update({
    where: { id: user.id },
    data: { pendingEmail: email, pendingEmailTokenHash: hash, pendingEmailExpires: new Date(Date.now() + EMAIL_CHANGE_HOURS * 3600_000) },
  });
  try {
    // The notice first: no change may go ahead that the owner of the current address was not told of.
    await sendEmailChangeNotice(user.email, language, user.firstName ?? '');
    await sendEmailChangeMail(email, language, user.firstName ?? '', token, EMAIL_CHANGE_HOURS);
  } catch (error) {
    await strapi.db.query(USER).updateMany({ where: { id: user.id, pendingEmailTokenHash: hash }, data: CLEARED });
    throw error;
  }
  await audit(strapi, { actorType: 'user', actorId: user.id, action: 'account.email-change-requested', subjectType: USER, subjectId: user.id });
}

/** The pending address while its link is alive, for its owner's eyes only. */
export function pendingEmailOf(user: { pendingEmail?: string | null; pendingEmailExpires?: string | Date | null }): string | null {
  return user.pendingEmail && user.pendingEmailExpires && new Date(user.pendingEmailExpires) > new Date() ? user.pendingEmail : null;
}

export type EmailChangeResult = 'changed' | 'invalid' | 'taken';

/**
 * The link was opened: one use, within its time, and only if no other account took the address
 * meanwhile. Every session of the account ends, whoever opened the link.
 */
export async function confirmEmailChange(strapi: Core.Strapi, token: string): Promise<EmailChangeResult> {
  const hash = hashToken(token);
  const user = await strapi.db.query(USER).findOne({
    where: { pendingEmailTokenHash: hash, pendingEmailExpires: { $gt: new Date() } },
    select: ['id', 'pendingEmail'],
  });
  if (!user?.pendingEmail) return 'invalid';
  const email = String(user.pendingEmail);
  const spend = () =>
    strapi.db.transaction(async () => {
      const taken = await strapi.db.query(USER).count({ where: { email: { $eqi: email }, id: { $ne: user.id } } });
      // The token is spent either way; the condition on it makes a second, simultaneous use change nothing.
      const { count } = await strapi.db.query(USER).updateMany({
        where: { id: user.id, pendingEmailTokenHash: hash },
        data: taken ? CLEARED : { ...CLEARED, email },
      });
      return count === 0 ? 'invalid' : taken ? 'taken' : 'changed';
    });
  // The unique index on lower(email) refuses the write when another account took the address
  // between the look and the write: the link is then spent as for an address already taken.
  const outcome: EmailChangeResult = await spend().catch(async (error) => {
    if (!isUniqueViolation(error)) throw error;
    const { count } = await strapi.db.query(USER).updateMany({ where: { id: user.id, pendingEmailTokenHash: hash }, data: CLEARED });
    return count === 0 ? 'invalid' : 'taken';
  });
  if (outcome !== 'changed') return outcome;
  // The address is how the account is recovered: whoever holds a session opened under the old one
  // (another device, a borrowed computer, someone who knew the password) must log in again.
  await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(user.id));
  await audit(strapi, { actorType: 'user', actorId: user.id, action: 'account.email-changed', subjectType: USER, subjectId: user.id });
  return 'changed';
}
