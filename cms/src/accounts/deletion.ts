/**
 * "Delete my account": a request first, then, after a grace period in which logging in and
 * cancelling is still possible, anonymisation. What stays is what statistics need (region, gender,
 * year of birth, type of account), tied to no one.
 */
import type { Core } from '@strapi/strapi';
import { updateWhere } from '../lib/update-where';
import { audit } from '@qabilet/plugin-kit/server';

export const GRACE_DAYS = 14;
const USER = 'plugin::users-permissions.user';

export async function anonymiseDueAccounts(strapi: Core.Strapi, now = new Date()): Promise<number> {
  const due = await strapi.db.query(USER).findMany({
    where: { deletionRequestedAt: { $lte: new Date(now.getTime() - GRACE_DAYS * 86_400_000) }, anonymisedAt: { $null: true } },
    select: ['id', 'birthDate'],
  });
  for (const user of due) {
    await strapi.db.transaction(async () => {
      const children = await strapi.db.query('api::child.child').findMany({ where: { parent: user.id }, select: ['id'] });
      if (children.length) await strapi.db.query('api::child.child').deleteMany({ where: { id: { $in: children.map((c: { id: number }) => c.id) } } });
      await updateWhere(
        strapi,
        'api::consent.consent',
        { user: user.id, status: { $ne: 'withdrawn' } },
        { status: 'withdrawn', withdrawnAt: now, representativeContact: null, tokenHash: null },
      );
      // The booking plugin cancels the future bookings and drops the messages kept for them.
      await strapi.plugin('booking')?.service('people').forget(user.id, now);
      // The assessment plugin drops the attempts, profiles and notes of the user and their children.
      await strapi.plugin('assessment')?.service('people').forget(user.id);
      // The partners forget the pseudonymous subject they knew the user and their children by.
      await strapi.plugin('partners')?.service('people').forget(user.id);
      await strapi.db.query(USER).update({
        where: { id: user.id },
        data: {
          username: `deleted-${user.id}`,
          email: `deleted-${user.id}@deleted.invalid`,
          surname: '-',
          firstName: '-',
          patronymic: null,
          phone: '+70000000000',
          phoneVerified: false,
          birthDate: `${String(user.birthDate).slice(0, 4)}-01-01`,
          password: null,
          resetPasswordToken: null,
          confirmationToken: null,
          phoneCodeHash: null,
          pendingEmail: null,
          pendingEmailTokenHash: null,
          pendingEmailExpires: null,
          blocked: true,
          anonymisedAt: now,
        },
      });
    });
    await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(user.id));
    await audit(strapi, { actorType: 'system', action: 'account.anonymised', subjectType: USER, subjectId: user.id });
  }
  return due.length;
}
