import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { normalizeKzMobile } from '@qabilet/domain';
import { isLanguage, message, pickLanguage, type Language } from '../../../i18n/messages';
import { sendValidationError } from '../../../lib/errors';
import { loadUser } from '../../../accounts/profile';
import {
  confirmParentalByCode,
  confirmParentalByLink,
  CODE_MINUTES,
  currentConsentText,
  isMinor,
  LINK_HOURS,
  requestParentalConsent,
  withdrawConsent,
} from '../../../accounts/consent';
import { sendParentalConsentMail, siteUrl } from '../../../accounts/mails';
import { getSmsSender } from '../../../accounts/sms';
import { isLinkToken } from '../../../accounts/tokens';
import { audit } from '@qabilet/plugin-kit/server';
import { smsUnavailable } from './phone';
import { body, languageOf, userId } from './context';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The consent text in force, in the language asked for: the site shows it before anyone agrees. */
  async text(ctx: Context) {
    const language: Language = isLanguage(ctx.query.locale) ? ctx.query.locale : pickLanguage(ctx.get('accept-language'));
    const { version, hash, title, body: text } = await currentConsentText(strapi, language);
    ctx.body = { version, hash, title, body: text, language };
  },

  /** A minor names a parent (e-mail or mobile); the parent gets a one-time link or code. */
  async requestParental(ctx: Context) {
    const language = languageOf(ctx);
    const user = await loadUser(strapi, userId(ctx));
    if (!isMinor(user.birthDate)) return sendValidationError(ctx, language, [{ field: 'body', code: 'consent.notNeeded' }]);
    const { email, phone } = body(ctx);
    if ((email === undefined) === (phone === undefined)) return sendValidationError(ctx, language, [{ field: 'email', code: 'consent.contact' }]);
    const mailLanguage = isLanguage(user.language) ? user.language : language;
    if (email !== undefined) {
      if (typeof email !== 'string' || !EMAIL.test(email.trim()) || email.length > 254)
        return sendValidationError(ctx, language, [{ field: 'email', code: 'email.format' }]);
      const address = email.trim().toLowerCase();
      const token = await requestParentalConsent(strapi, user.id, mailLanguage, { email: address });
      await sendParentalConsentMail(address, mailLanguage, user.firstName, token, LINK_HOURS);
    } else {
      const normalized = typeof phone === 'string' ? normalizeKzMobile(phone) : { ok: false as const, problem: 'phone.format' };
      if (!normalized.ok) return sendValidationError(ctx, language, [{ field: 'phone', code: normalized.problem }]);
      const sender = getSmsSender();
      if (!sender) return smsUnavailable(ctx);
      const code = await requestParentalConsent(strapi, user.id, mailLanguage, { phone: normalized.e164 });
      try {
        await sender.send(normalized.e164, message(mailLanguage, 'sms.parentalCode', { child: user.firstName, code, minutes: String(CODE_MINUTES) }));
      } catch {
        return smsUnavailable(ctx);
      }
    }
    await audit(strapi, {
      actorType: 'user',
      actorId: user.id,
      action: 'consent.parental-requested',
      details: { channel: email !== undefined ? 'email-link' : 'sms-code' },
    });
    ctx.status = 202;
    ctx.body = { status: 'pending' };
  },

  async confirmParentalCode(ctx: Context) {
    const language = languageOf(ctx);
    const code = body(ctx).code;
    if (typeof code !== 'string' || !/^\d{6}$/.test(code)) return sendValidationError(ctx, language, [{ field: 'code', code: 'code.wrong' }]);
    const result = await confirmParentalByCode(strapi, userId(ctx), code);
    if (result !== 'ok') return sendValidationError(ctx, language, [{ field: 'code', code: result === 'wrong' ? 'code.wrong' : 'code.expired' }]);
    ctx.body = { status: 'given' };
  },

  /**
   * The parent confirms from the link's page. A plain HTML form (no script needed) is answered
   * with a redirect to the site; a JSON request with JSON.
   */
  async confirmParentalLink(ctx: Context) {
    const token = body(ctx).token;
    const fromForm = ctx.request.type === 'application/x-www-form-urlencoded';
    const language = isLanguage(body(ctx).language) ? (body(ctx).language as Language) : languageOf(ctx);
    const confirmed = isLinkToken(token) ? await confirmParentalByLink(strapi, token) : undefined;
    if (fromForm) {
      ctx.status = 303;
      ctx.redirect(`${siteUrl()}/${confirmed?.language ?? language}/account/parental-consent/${confirmed ? 'given' : 'invalid'}/`);
      return;
    }
    if (!confirmed) return sendValidationError(ctx, language, [{ field: 'token', code: 'reset.code' }]);
    ctx.body = { status: 'given' };
  },

  async withdraw(ctx: Context) {
    const id = userId(ctx);
    const done = await withdrawConsent(strapi, id, String(ctx.params.documentId));
    if (!done) return sendValidationError(ctx, languageOf(ctx), [{ field: 'documentId', code: 'consent.unknown' }]);
    await audit(strapi, {
      actorType: 'user',
      actorId: id,
      action: 'consent.withdrawn',
      subjectType: 'api::consent.consent',
      subjectId: String(ctx.params.documentId),
    });
    ctx.body = { status: 'withdrawn' };
  },
});
