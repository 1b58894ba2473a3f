/**
 * A refusal of the partners API: its HTTP status and its problems, each a message key and, for
 * a field, the field; answered in Strapi's error shape, in the request's language. The booking
 * plugin's consent refusals (the same gate as for bookings) are answered in its words.
 */
import type { Context } from 'koa';
import { BookingError, answerError } from '@qabilet/strapi-plugin-booking/dist/server/errors';
import { AssessmentError } from '@qabilet/strapi-plugin-assessment/dist/server/errors';
import { languageOf, message, type MessageKey } from './messages';

export type Problem = { field?: string; code: MessageKey; values?: Record<string, string | number> };

export class PartnersError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  constructor(status: number, problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.code).join(', '));
    this.status = status;
    this.problems = list;
  }
}

export const invalid = (problems: Problem[] | Problem) => new PartnersError(400, problems);
export const conflict = (problems: Problem[] | Problem) => new PartnersError(409, problems);
export const unknownPerson = () => new PartnersError(404, { code: 'person.unknown' });
export const unknownPartner = () => new PartnersError(404, { code: 'partner.unknown' });

const NAMES: Record<number, string> = { 400: 'ValidationError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 413: 'PayloadTooLargeError' };

type Handler = (ctx: Context) => Promise<void>;

export const handle = (fn: Handler): Handler => async (ctx) => {
  try {
    await fn(ctx);
  } catch (error) {
    const language = languageOf(ctx);
    if (error instanceof BookingError) return answerError(ctx, language, error);
    // The assessment plugin's refusals (an unknown child or person) in this plugin's words.
    if (error instanceof AssessmentError) error = new PartnersError(error.status, error.problems as Problem[]);
    if (!(error instanceof PartnersError)) throw error;
    const errors = error.problems.map((p) => ({ path: p.field ? p.field.split('.') : [], message: message(language, p.code, p.values), name: NAMES[error.status] ?? 'Error', code: p.code }));
    ctx.status = error.status;
    ctx.body = {
      data: null,
      error: { status: error.status, name: NAMES[error.status] ?? 'Error', message: [...new Set(errors.map((e) => e.message))].join(' '), details: { errors, code: error.problems[0]?.code } },
    };
  }
};

/** Only these fields in a body or query, each refused by name otherwise. */
export function allowOnly(input: Record<string, unknown>, known: string[], prefix = ''): Problem[] {
  return Object.keys(input).filter((k) => !known.includes(k)).map((k) => ({ field: `${prefix}${k}`, code: 'field.notAllowed' as const }));
}

export function objectBody(body: unknown): Record<string, unknown> {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid({ code: 'body.invalid' });
  return body as Record<string, unknown>;
}
