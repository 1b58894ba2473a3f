import type { Core } from '@strapi/strapi';
import { pickLanguage, type Language, type MessageKey } from '../i18n/messages';
import { sendValidationError } from '../lib/errors';
import { parseDate, parseDateTime } from '@qabilet/domain';

const CACHE_MS = 30_000;
const PAGINATION_KEYS: Record<string, number> = { page: 1, pageSize: 1, start: 0, limit: 1 };

type Problem = { path: string; key: MessageKey; values: Record<string, string> };

function reject(ctx: Parameters<Core.MiddlewareHandler>[0], language: Language, problem: Problem): void {
  sendValidationError(ctx, language, [{ field: problem.path, code: problem.key, values: problem.values }]);
}

function checkPagination(pagination: unknown): Problem | undefined {
  if (pagination === undefined) return undefined;
  if (typeof pagination !== 'object' || pagination === null || Array.isArray(pagination)) {
    return { path: 'pagination', key: 'query.malformed', values: { param: 'pagination' } };
  }
  for (const [name, raw] of Object.entries(pagination)) {
    if (name === 'withCount') {
      if (raw === 'true' || raw === 'false') continue;
      return { path: 'pagination.withCount', key: 'query.malformed', values: { param: 'pagination[withCount]' } };
    }
    const min = PAGINATION_KEYS[name];
    if (min === undefined) return { path: `pagination.${name}`, key: 'query.unknownKey', values: { param: 'pagination', key: name } };
    if (typeof raw !== 'string' || !/^\d{1,9}$/.test(raw) || Number(raw) < min) {
      return { path: `pagination.${name}`, key: 'query.pagination', values: { param: `pagination[${name}]`, min: String(min) } };
    }
  }
  return undefined;
}

/** Anything written like a date or a date-time, so that it is read strictly rather than rolled over. */
const DATE_LIKE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** Whether a date-like filter value names a day and time that exist (no 30 February, no 24:00). */
function realDate(value: string): boolean {
  if (value.length === 10) return parseDate(value) !== undefined;
  const iso = value.replace(' ', 'T');
  return parseDateTime(/(Z|[+-]\d{2}:\d{2})$/.test(iso) ? iso : `${iso}Z`) !== undefined;
}

/**
 * The first filter value written like a date that does not exist. Strapi hands such values to the
 * database, which rolls 2026-02-30 over to 2 March (or refuses it in English only).
 */
function checkFilterDates(filters: unknown, path = 'filters', depth = 0): Problem | undefined {
  if (depth > 10) return undefined;
  if (typeof filters === 'string') {
    return DATE_LIKE.test(filters) && !realDate(filters) ? { path, key: 'query.date', values: { param: path, value: filters } } : undefined;
  }
  if (typeof filters !== 'object' || filters === null) return undefined;
  for (const [key, value] of Object.entries(filters)) {
    const problem = checkFilterDates(value, `${path}.${key}`, depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Gives every malformed content-API query a 400 in the caller's language: an unknown `locale`
 * (Strapi would answer an empty list), pagination that is not a whole number (Strapi would
 * ignore it), a filter on a date that does not exist (it would be rolled over), Strapi's own query validation errors, which it words in English only, and request
 * bodies that are not JSON (which it logs as server errors).
 */
const queryGuard: Core.MiddlewareFactory = (_config, { strapi }) => {
  let known: { codes: Set<string>; at: number } | undefined;

  const knownLocales = async (): Promise<Set<string>> => {
    if (!known || Date.now() - known.at > CACHE_MS) {
      const locales: Array<{ code: string }> = await strapi.plugin('i18n').service('locales').find();
      known = { codes: new Set(locales.map((l) => l.code)), at: Date.now() };
    }
    return known.codes;
  };

  return async (ctx, next) => {
    // The router folds case, so `/API/…` reaches the same routes.
    if (!ctx.path.toLowerCase().startsWith('/api/')) return next();
    const { locale, pagination } = ctx.query;
    const language = pickLanguage(ctx.get('accept-language'), locale);

    if (locale !== undefined) {
      const codes = await knownLocales();
      if (typeof locale !== 'string' || (locale !== '*' && !codes.has(locale))) {
        return reject(ctx, language, {
          path: 'locale',
          key: 'locale.unknown',
          values: { value: String(locale).slice(0, 20), known: [...codes].sort().join(', ') },
        });
      }
    }
    const paginationProblem = checkPagination(pagination) ?? checkFilterDates(ctx.query.filters);
    if (paginationProblem) return reject(ctx, language, paginationProblem);

    try {
      await next();
    } catch (error) {
      const parse = error as { status?: number; type?: string; name?: string };
      if (parse?.status === 400 && (parse.name === 'SyntaxError' || String(parse.type).startsWith('entity.'))) {
        // A body that is not JSON (co-body): the client's mistake, not worth a stack trace in the log.
        return reject(ctx, language, { path: 'body', key: 'body.malformed', values: {} });
      }
      const e = error as { name?: string; message?: string; details?: { source?: string; param?: string; key?: string; path?: string | null } };
      // On a read, a validation error can only be about the query string.
      const aboutQuery = e?.details?.source === 'query' || (ctx.method === 'GET' && /^The (\w+) parameter/.test(e?.message ?? ''));
      if (e?.name !== 'ValidationError' || !aboutQuery) throw error;
      const param = e.details?.param ?? e.message?.match(/^The (\w+) parameter/)?.[1] ?? 'query';
      const key = e.details?.key ? String(e.details.key).slice(0, 60) : undefined;
      reject(
        ctx,
        language,
        key
          ? { path: [param, e.details?.path].filter(Boolean).join('.'), key: 'query.unknownKey', values: { param, key } }
          : { path: param, key: 'query.malformed', values: { param } },
      );
    }
  };
};

export default queryGuard;
