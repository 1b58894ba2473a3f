import type { Core } from '@strapi/strapi';
import { message, pickLanguage } from '../i18n/messages';

const CACHE_MS = 30_000;

/**
 * Strapi answers an unknown `locale` on the content API with an empty list or a 500 depending on
 * the route; a client deserves a 400 that says which locales exist.
 */
const localeGuard: Core.MiddlewareFactory = (_config, { strapi }) => {
  let known: { codes: Set<string>; at: number } | undefined;

  const knownLocales = async (): Promise<Set<string>> => {
    if (!known || Date.now() - known.at > CACHE_MS) {
      const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
      known = { codes: new Set(locales.map((l) => l.code)), at: Date.now() };
    }
    return known.codes;
  };

  return async (ctx, next) => {
    const locale = ctx.query.locale;
    if (!ctx.path.startsWith('/api/') || locale === undefined) return next();
    const codes = await knownLocales();
    if (typeof locale === 'string' && (locale === '*' || codes.has(locale))) return next();

    const language = pickLanguage(ctx.get('accept-language'));
    const text = message(language, 'locale.unknown', {
      value: String(locale).slice(0, 20),
      known: [...codes].join(', '),
    });
    ctx.status = 400;
    ctx.body = {
      data: null,
      error: {
        status: 400,
        name: 'ValidationError',
        message: text,
        details: { errors: [{ path: ['locale'], message: text, name: 'ValidationError' }] },
      },
    };
  };
};

export default localeGuard;
