import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { isLanguage, message } from '../../../i18n/messages';
import { sendValidationError } from '../../../lib/errors';
import { checkProfileUpdate, childView, loadUser, profileView } from '../../../accounts/profile';
import { GRACE_DAYS } from '../../../accounts/deletion';
import { audit } from '@qabilet/plugin-kit/server';
import { confirmEmailChange, requestEmailChange } from '../../../accounts/email-change';
import { isLinkToken } from '../../../accounts/tokens';
import { body, languageOf, sendUnavailable, userId } from './context';

const USER = 'plugin::users-permissions.user';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async me(ctx: Context) {
    ctx.body = await profileView(strapi, await loadUser(strapi, userId(ctx)));
  },

  async update(ctx: Context) {
    const user = await loadUser(strapi, userId(ctx));
    const result = await checkProfileUpdate(strapi, user, ctx.request.body);
    if (!result.ok) return sendValidationError(ctx, languageOf(ctx), result.problems);
    // A new address is only asked for here; it takes effect when confirmed from it (confirmEmail).
    const { email, ...changes } = result.changes;
    if (Object.keys(changes).length) {
      await strapi.db.query(USER).update({ where: { id: user.id }, data: changes });
      await audit(strapi, {
        actorType: 'user',
        actorId: user.id,
        action: 'profile.updated',
        subjectType: USER,
        subjectId: user.id,
        details: { fields: Object.keys(changes) },
      });
    }
    if (typeof email === 'string') {
      const language = [changes.language, user.language].find(isLanguage) ?? languageOf(ctx);
      try {
        await requestEmailChange(strapi, user, email, language);
      } catch (error) {
        strapi.log.error(`e-mail change not asked for: ${(error as { code?: string }).code ?? (error as Error).name}`);
        return sendUnavailable(ctx, languageOf(ctx), 'emailChange.notSent');
      }
    }
    ctx.body = await profileView(strapi, await loadUser(strapi, user.id));
  },

  /**
   * The new address's link, opened on the site, which posts its token here. Public: the link may be
   * opened in another browser or on a phone with no session; the token alone is the proof.
   */
  async confirmEmail(ctx: Context) {
    const token = body(ctx).token;
    const language = languageOf(ctx);
    const result = isLinkToken(token) ? await confirmEmailChange(strapi, token) : 'invalid';
    if (result !== 'changed')
      return sendValidationError(ctx, language, [{ field: 'token', code: result === 'taken' ? 'emailChange.taken' : 'emailChange.link' }]);
    ctx.body = { status: 'changed', message: message(language, 'emailChange.done') };
  },

  /** "Download my data": everything held about the person and their children, as JSON. */
  async exportData(ctx: Context) {
    const user = await loadUser(strapi, userId(ctx));
    const view = await profileView(strapi, user);
    const children = await strapi.db.query('api::child.child').findMany({ where: { parent: user.id } });
    const events = await strapi.db
      .query('api::audit-event.audit-event')
      .findMany({ where: { subjectType: USER, subjectId: String(user.id) }, orderBy: { id: 'asc' } });
    await audit(strapi, { actorType: 'user', actorId: user.id, action: 'personal-data.exported', subjectType: USER, subjectId: user.id });
    ctx.set('Content-Disposition', 'attachment; filename="qabilet-my-data.json"');
    ctx.set('Cache-Control', 'no-store');
    ctx.body = {
      exportedAt: new Date().toISOString(),
      ...view,
      children: children.map(childView),
      history: events.map(({ action, actorType, createdAt, details }: Record<string, unknown>) => ({ action, actorType, at: createdAt, details })),
    };
  },

  async requestDeletion(ctx: Context) {
    const id = userId(ctx);
    await strapi.db.query(USER).update({ where: { id }, data: { deletionRequestedAt: new Date() } });
    await audit(strapi, { actorType: 'user', actorId: id, action: 'account.deletion-requested', subjectType: USER, subjectId: id });
    ctx.body = {
      deletionRequestedAt: new Date().toISOString(),
      graceDays: GRACE_DAYS,
      message: message(languageOf(ctx), 'account.deletionRequested', { days: String(GRACE_DAYS) }),
    };
  },

  async cancelDeletion(ctx: Context) {
    const id = userId(ctx);
    await strapi.db.query(USER).update({ where: { id }, data: { deletionRequestedAt: null } });
    await audit(strapi, { actorType: 'user', actorId: id, action: 'account.deletion-cancelled', subjectType: USER, subjectId: id });
    ctx.body = { deletionRequestedAt: null };
  },

  /** Ends every session of the user, this one included; access tokens die with them. */
  async logoutEverywhere(ctx: Context) {
    await strapi.sessionManager('users-permissions').invalidateRefreshToken(String(userId(ctx)));
    ctx.status = 204;
  },
});
