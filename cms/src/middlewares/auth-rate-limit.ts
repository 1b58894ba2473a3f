import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { message, pickLanguage } from '../i18n/messages';
import { hit } from '../lib/rate-limit';

type Rule = { name: string; limit: number; windowMinutes: number; by: (ctx: Context) => string | undefined };

const ip = (ctx: Context) => ctx.request.ip;
const bodyText = (ctx: Context, field: string) => {
  const value = (ctx.request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value.trim().toLowerCase() : undefined;
};

/**
 * Per route, a limit per client address and, where the request names an account, per account too:
 * varying the e-mail does not escape the address's limit, and many addresses cannot hammer one
 * account. The client address is the socket's unless TRUST_PROXY says a proxy of ours sets it.
 */
const RULES: Record<string, Rule[]> = {
  '/api/auth/local': [
    { name: 'login-ip', limit: 30, windowMinutes: 15, by: ip },
    { name: 'login-account', limit: 10, windowMinutes: 15, by: (ctx) => bodyText(ctx, 'identifier') },
  ],
  '/api/auth/local/register': [{ name: 'register-ip', limit: 10, windowMinutes: 60, by: ip }],
  '/api/auth/forgot-password': [
    { name: 'forgot-ip', limit: 10, windowMinutes: 60, by: ip },
    { name: 'forgot-account', limit: 3, windowMinutes: 60, by: (ctx) => bodyText(ctx, 'email') },
  ],
  '/api/auth/reset-password': [{ name: 'reset-ip', limit: 10, windowMinutes: 60, by: ip }],
  '/api/auth/send-email-confirmation': [
    { name: 'confirm-ip', limit: 10, windowMinutes: 60, by: ip },
    { name: 'confirm-account', limit: 3, windowMinutes: 60, by: (ctx) => bodyText(ctx, 'email') },
  ],
  '/api/auth/email-confirmation': [{ name: 'code-ip', limit: 30, windowMinutes: 60, by: ip }],
  '/api/accounts/me/phone/code': [{ name: 'sms-ip', limit: 5, windowMinutes: 60, by: ip }],
  '/api/accounts/me/phone/verify': [{ name: 'code-ip', limit: 30, windowMinutes: 60, by: ip }],
  '/api/accounts/me/parental-consent': [{ name: 'sms-ip', limit: 5, windowMinutes: 60, by: ip }],
  '/api/accounts/me/parental-consent/code': [{ name: 'code-ip', limit: 30, windowMinutes: 60, by: ip }],
  '/api/accounts/parental-consent/confirm': [{ name: 'code-ip', limit: 30, windowMinutes: 60, by: ip }],
};

/** Limits on everything that sends a mail or SMS or checks a secret code. */
const authRateLimit: Core.MiddlewareFactory =
  (_config, { strapi }) =>
  async (ctx, next) => {
    // The router matches paths whatever their case and however many slashes: so must the limits.
    const route = ctx.path
      .toLowerCase()
      .replace(/\/{2,}/g, '/')
      .replace(/\/+$/, '');
    const rules = RULES[route];
    if (!rules || (ctx.method !== 'POST' && route !== '/api/auth/email-confirmation')) return next();
    // RATE_LIMIT_SCALE multiplies every limit (a test suite registering hundreds of people, say).
    const scale = Number(process.env.RATE_LIMIT_SCALE ?? 1) || 1;
    for (const rule of rules) {
      const who = rule.by(ctx);
      if (!who) continue;
      const { hits, resetAt } = await hit(strapi, `${rule.name}:${who}`, rule.windowMinutes * 60_000);
      if (hits > rule.limit * scale) {
        const minutes = Math.max(1, Math.ceil((resetAt - Date.now()) / 60_000));
        const text = message(pickLanguage(ctx.get('accept-language')), 'rate.limited', { minutes: String(minutes) });
        ctx.set('Retry-After', String(minutes * 60));
        ctx.status = 429;
        ctx.body = { data: null, error: { status: 429, name: 'RateLimitError', message: text, details: {} } };
        return;
      }
    }
    return next();
  };

export default authRateLimit;
