import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { message, isLanguage } from '../../../i18n/messages';
import { sendValidationError } from '../../../lib/errors';
import { loadUser } from '../../../accounts/profile';
import { hashToken } from '../../../accounts/tokens';
import { getSmsSender } from '../../../accounts/sms';
import { CODE_ATTEMPTS, CODE_MINUTES } from '../../../accounts/consent';
import { body, languageOf, userId } from './context';

const USER = 'plugin::users-permissions.user';

export function smsUnavailable(ctx: Context): void {
  ctx.status = 503;
  ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: message(languageOf(ctx), 'sms.unavailable'), details: {} } };
}

/** Optional phone verification (R-AUTH-4): a 6-digit code by SMS, 10 minutes, 5 tries. */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async sendCode(ctx: Context) {
    const sender = getSmsSender();
    if (!sender) return smsUnavailable(ctx);
    const user = await loadUser(strapi, userId(ctx));
    const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
    await strapi.db.query(USER).update({
      where: { id: user.id },
      data: { phoneCodeHash: hashToken(code), phoneCodeExpires: new Date(Date.now() + CODE_MINUTES * 60_000), phoneCodeAttempts: 0 },
    });
    const language = isLanguage(user.language) ? user.language : languageOf(ctx);
    try {
      await sender.send(user.phone, message(language, 'sms.phoneCode', { code, minutes: String(CODE_MINUTES) }));
    } catch (error) {
      strapi.log.warn(`phone code not sent: ${(error as { code?: string }).code ?? 'error'}`);
      return smsUnavailable(ctx);
    }
    ctx.status = 202;
    ctx.body = { sent: true, expiresInMinutes: CODE_MINUTES };
  },

  async verify(ctx: Context) {
    const language = languageOf(ctx);
    const code = body(ctx).code;
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return sendValidationError(ctx, language, [{ field: 'code', code: 'code.wrong' }]);
    const user = await strapi.db.query(USER).findOne({ where: { id: userId(ctx) } });
    const live = user.phoneCodeHash && new Date(user.phoneCodeExpires) > new Date() && user.phoneCodeAttempts < CODE_ATTEMPTS;
    if (!live) return sendValidationError(ctx, language, [{ field: 'code', code: 'code.expired' }]);
    if (!crypto.timingSafeEqual(Buffer.from(user.phoneCodeHash, 'hex'), Buffer.from(hashToken(code), 'hex'))) {
      await strapi.db.query(USER).update({ where: { id: user.id }, data: { phoneCodeAttempts: user.phoneCodeAttempts + 1 } });
      const last = user.phoneCodeAttempts + 1 >= CODE_ATTEMPTS;
      return sendValidationError(ctx, language, [{ field: 'code', code: last ? 'code.expired' : 'code.wrong' }]);
    }
    await strapi.db.query(USER).update({ where: { id: user.id }, data: { phoneVerified: true, phoneCodeHash: null, phoneCodeExpires: null } });
    ctx.body = { phoneVerified: true };
  },
});
