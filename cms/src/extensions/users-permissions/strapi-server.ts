/**
 * Qabilet's accounts on top of Strapi's users-permissions, keeping its endpoints as the contract:
 * registration checked field by field for Kazakhstan (R-AUTH-1), mails in the user's language,
 * reset links that work once for 30 minutes, and access tokens that die with their session.
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { errors } from '@strapi/utils';
import { isLanguage, message, pickLanguage, type Language } from '../../i18n/messages';
import { sendValidationError } from '../../lib/errors';
import { checkPassword, checkRegistration } from '../../accounts/registration';
import { registrationLookups } from '../../accounts/lookups';
import { holdMails, RESET_MINUTES, sendConfirmationMail, sendHeldMails, sendResetMail, siteUrl } from '../../accounts/mails';
import { hashToken, isLinkToken, newLinkToken } from '../../accounts/tokens';
import { recordOwnConsent } from '../../accounts/consent';
import { cookieOnlySessions } from '../../accounts/session-cookie';
import { isUniqueViolation } from '@qabilet/plugin-kit/server';

type Controllers = Record<string, (ctx: Context, ...rest: unknown[]) => Promise<unknown>>;
type Factory<T> = (deps: { strapi: Core.Strapi }) => T;
// Strapi's users-permissions services are untyped JavaScript: their methods are read as they are.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Plugin = { controllers: Record<string, Factory<Controllers>>; services: Record<string, Factory<any>> };

const USER = 'plugin::users-permissions.user';

/** The claims of a token whose signature Strapi has just verified. */
function jwtClaims(token: string): { exp?: unknown; sessionId?: unknown } {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return claims && typeof claims === 'object' ? claims : {};
  } catch {
    return {};
  }
}
const languageOf = (ctx: Context): Language => pickLanguage(ctx.get('accept-language'));
const userLanguage = (user: { language?: unknown }): Language => (isLanguage(user.language) ? user.language : 'kk');

export default (plugin: Plugin) => {
  const authFactory = plugin.controllers.auth;
  plugin.controllers.auth = ({ strapi }) => {
    const auth = cookieOnlySessions(strapi, authFactory({ strapi }));
    return {
      ...auth,

      async register(ctx) {
        const language = languageOf(ctx);
        const result = await checkRegistration(ctx.request.body, registrationLookups(strapi));
        if (!result.ok) return sendValidationError(ctx, language, result.problems);
        ctx.request.body = { ...result.value, language };
        const unavailable = (key: 'register.unavailable' | 'register.mailNotSent') => {
          ctx.status = 503;
          ctx.body = { data: null, error: { status: 503, name: 'ServiceUnavailableError', message: message(language, key), details: {} } };
        };
        // Registering is consenting to the text in force, which the form shows (Law 94-V): the account
        // and its consent are one transaction, so neither exists without the other. The confirmation
        // mail Strapi writes meanwhile is held and sent after the commit: a rollback sends nothing,
        // and a relay that is down neither loses the account nor holds the transaction open.
        let mails;
        try {
          mails = await holdMails(() =>
            strapi.db.transaction(async () => {
              await auth.register(ctx);
              const created = await strapi.db.query(USER).findOne({ where: { email: result.value.email }, select: ['id'] });
              await recordOwnConsent(strapi, created.id, language);
            }),
          );
        } catch (error) {
          // Strapi's own refusals (an address taken a moment ago) keep their 4xx; anything else is ours.
          if (error instanceof errors.ApplicationError) throw error;
          // Another registration took the address between Strapi's look and its write.
          if (isUniqueViolation(error)) return sendValidationError(ctx, language, [{ field: 'email', code: 'email.taken' }]);
          strapi.log.error(`registration rolled back: ${(error as { code?: string }).code ?? (error as Error).name}`);
          return unavailable('register.unavailable');
        }
        try {
          await sendHeldMails(mails);
        } catch (error) {
          strapi.log.error(`confirmation mail not sent: ${(error as { code?: string }).code ?? (error as Error).name}`);
          return unavailable('register.mailNotSent');
        }
      },

      async emailConfirmation(ctx, next, returnUser) {
        const token = ctx.query.confirmation;
        if (typeof token !== 'string' || !/^[0-9a-f]{40}$/.test(token)) {
          return sendValidationError(ctx, languageOf(ctx), [{ field: 'confirmation', code: 'reset.code' }]);
        }
        const user = await strapi.db.query(USER).findOne({ where: { confirmationToken: token }, select: ['language'] });
        if (!user) return sendValidationError(ctx, languageOf(ctx), [{ field: 'confirmation', code: 'reset.code' }]);
        await auth.emailConfirmation(ctx, next, returnUser);
        if (!returnUser) ctx.redirect(`${siteUrl()}/${userLanguage(user)}/account/confirmed/`);
      },

      async forgotPassword(ctx) {
        const language = languageOf(ctx);
        const email = (ctx.request.body as { email?: unknown } | undefined)?.email;
        if (typeof email !== 'string' || !/^\S+@\S+$/.test(email) || email.length > 254) {
          return sendValidationError(ctx, language, [{ field: 'email', code: 'email.format' }]);
        }
        const user = await strapi.db.query(USER).findOne({ where: { email: { $eqi: email.trim() }, provider: 'local' } });
        if (user && !user.blocked) {
          const { token, hash } = newLinkToken();
          await strapi.db.query(USER).update({
            where: { id: user.id },
            data: { resetPasswordToken: hash, resetPasswordExpires: new Date(Date.now() + RESET_MINUTES * 60_000) },
          });
          // A relay failure must not answer differently from an unknown address (enumeration).
          // Only the error's code is logged: a relay's message often quotes the recipient's address.
          await sendResetMail(user.email, userLanguage(user), user.firstName ?? '', token).catch((error: Error & { code?: string }) =>
            strapi.log.error(`reset mail not sent: ${error.code ?? error.name}`),
          );
        }
        // The same answer whether or not the address is known.
        ctx.body = { ok: true, message: message(language, 'forgot.sent') };
      },

      /** Strapi's own change of password, held to the same rule as registration and reset. */
      async changePassword(ctx) {
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        const problem = checkPassword(body.password);
        if (problem) return sendValidationError(ctx, languageOf(ctx), [{ field: 'password', code: problem }]);
        return auth.changePassword(ctx);
      },

      async resetPassword(ctx) {
        const language = languageOf(ctx);
        const body = (ctx.request.body ?? {}) as Record<string, unknown>;
        if (!isLinkToken(body.code)) return sendValidationError(ctx, language, [{ field: 'code', code: 'reset.code' }]);
        const problem = checkPassword(body.password);
        if (problem) return sendValidationError(ctx, language, [{ field: 'password', code: problem }]);
        if (body.passwordConfirmation !== body.password) {
          return sendValidationError(ctx, language, [{ field: 'passwordConfirmation', code: 'reset.mismatch' }]);
        }
        const hash = hashToken(body.code);
        const user = await strapi.db.query(USER).findOne({
          where: { resetPasswordToken: hash, resetPasswordExpires: { $gt: new Date() } },
          select: ['id'],
        });
        if (!user) return sendValidationError(ctx, language, [{ field: 'code', code: 'reset.code' }]);
        // Strapi's own reset sets the password, clears the code and ends every session.
        ctx.request.body = { code: hash, password: body.password, passwordConfirmation: body.password };
        await auth.resetPassword(ctx);
        await strapi.db.query(USER).update({ where: { id: user.id }, data: { resetPasswordExpires: null } });
      },
    };
  };

  const userFactory = plugin.services.user;
  plugin.services.user = ({ strapi }) => {
    const service = userFactory({ strapi });
    return Object.assign(service, {
      async sendConfirmationEmail(user: { id: number; email: string; firstName?: string; language?: string }) {
        // Strapi's confirmation endpoint looks the code up as stored: 20 random bytes, hex.
        const token = crypto.randomBytes(20).toString('hex');
        await strapi.db.query(USER).update({ where: { id: user.id }, data: { confirmationToken: token } });
        await sendConfirmationMail(user.email, userLanguage(user), user.firstName ?? '', token);
      },
    });
  };

  const jwtFactory = plugin.services.jwt;
  plugin.services.jwt = ({ strapi }) => {
    const service = jwtFactory({ strapi });
    const verify = service.verify.bind(service);
    return Object.assign(service, {
      // An access token lives only as long as its session: a reset or "log out everywhere" ends it at once.
      // Strapi accepts a token signed with the secret that has no expiry and no session (one that
      // could never be revoked); ours always carry both, so a token without them is forged.
      async verify(token: string) {
        const payload = await verify(token);
        const claims = jwtClaims(token);
        if (typeof claims.exp !== 'number' || typeof claims.sessionId !== 'string' || !claims.sessionId || claims.sessionId !== payload?.sessionId) {
          throw new Error('Invalid token.');
        }
        if (!(await strapi.sessionManager('users-permissions').isSessionActive(claims.sessionId))) throw new Error('Invalid token.');
        return payload;
      },
    });
  };

  return plugin;
};
