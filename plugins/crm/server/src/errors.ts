/**
 * A refusal of the registry: its HTTP status and its problems, each a message key and, for a field,
 * the field. Answered in Strapi's error shape by `answer`; the booking plugin's own refusals (a
 * slot taken while an operator books it) are answered in its words.
 */
import type { Context } from 'koa';
import type { FieldProblem } from '@qabilet/domain';
import { BookingError, answerError } from '@qabilet/strapi-plugin-booking/dist/server/errors';
import { message as bookingMessage } from '@qabilet/strapi-plugin-booking/dist/server/messages';
import { languageOf, message, type Language, type MessageKey } from './messages';

export type Problem = { field?: string; code: MessageKey; values?: Record<string, string | number> };

export class CrmError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  constructor(status: number, problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.code).join(', '));
    this.status = status;
    this.problems = list;
  }
}

export const invalid = (problems: Problem[] | Problem) => new CrmError(400, problems);
export const notFound = () => new CrmError(404, { code: 'request.notFound' });
/** Domain checks name their problems with codes of this catalogue. */
export const fromDomain = (problems: FieldProblem[]): Problem[] => problems.map((p) => ({ ...p, code: p.code as MessageKey }));

const NAMES: Record<number, string> = { 400: 'ValidationError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 413: 'PayloadTooLargeError' };

type Handler = (ctx: Context) => Promise<void>;

const statusWords = (language: Language, v: Record<string, string | number> | undefined) =>
  v && Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ['from', 'to', 'status'].includes(k) ? message(language, `status.${x}` as MessageKey) : x]));

/** A refusal's message for people (ours or the booking plugin's), or undefined for anything else. */
export function describe(error: unknown, language: Language): string | undefined {
  if (error instanceof CrmError) return [...new Set(error.problems.map((p) => message(language, p.code, statusWords(language, p.values))))].join(' ');
  if (error instanceof BookingError) return [...new Set(error.problems.map((p) => bookingMessage(language, p.code, p.values)))].join(' ');
  return undefined;
}

/** Runs a handler; answers its refusals (ours and the booking plugin's) in the request's language. */
export const handle = (fn: Handler): Handler => async (ctx) => {
  try {
    await fn(ctx);
  } catch (error) {
    const language = languageOf(ctx);
    if (error instanceof BookingError) return answerError(ctx, language, error);
    if (!(error instanceof CrmError)) throw error;
    const errors = error.problems.map((p) => ({ path: p.field ? p.field.split('.') : [], message: message(language, p.code, statusWords(language, p.values)), name: NAMES[error.status] ?? 'Error', code: p.code }));
    ctx.status = error.status;
    ctx.body = {
      data: null,
      error: { status: error.status, name: NAMES[error.status] ?? 'Error', message: [...new Set(errors.map((e) => e.message))].join(' '), details: { errors, code: error.problems[0]?.code } },
    };
  }
};
