import type { Context } from 'koa';
import { message, type Language, type MessageKey } from '../i18n/messages';

export type Problem = { field: string; code: string; values?: Record<string, string | number> };

const stringify = (values: Problem['values'] = {}) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]));

/**
 * Answers 400 in Strapi's error shape, one localised message per field, so that every client
 * (the site, other EL ÚMITI systems) can show each message beside its field.
 */
export function sendValidationError(ctx: Context, language: Language, problems: Problem[]): void {
  const errors = problems.map((p) => ({
    path: p.field.split('.'),
    message: message(language, p.code as MessageKey, stringify(p.values)),
    name: 'ValidationError',
    code: p.code,
  }));
  const fields = [...new Set(problems.map((p) => p.field))].join(', ');
  ctx.status = 400;
  ctx.body = {
    data: null,
    error: {
      status: 400,
      name: 'ValidationError',
      message: errors.length === 1 ? errors[0].message : message(language, 'validation.summary', { fields }),
      details: { errors },
    },
  };
}
