/**
 * A refusal the client can act on: its HTTP status, and one or more problems, each a message key
 * (localised when answered) and, for field problems, the field. Services throw it; the controllers'
 * `handle` answers it in Strapi's error shape. Anything else is a bug and stays a 500.
 */
import type { Context } from 'koa';
import { message, type Language, type MessageKey } from './messages';

export type Problem = { field?: string; code: MessageKey; values?: Record<string, string | number> };

export class BookingError extends Error {
  readonly status: number;
  readonly problems: Problem[];
  readonly extra: Record<string, unknown>;
  constructor(status: number, problems: Problem[] | Problem, extra: Record<string, unknown> = {}) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.code).join(', '));
    this.status = status;
    this.problems = list;
    this.extra = extra;
  }
}

export const invalid = (problems: Problem[] | Problem) => new BookingError(400, problems);

const NAMES: Record<number, string> = { 400: 'ValidationError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError', 409: 'ConflictError', 410: 'GoneError', 422: 'UnprocessableEntityError' };

export function answerError(ctx: Context, language: Language, error: BookingError, translate: (p: Problem) => Problem['values'] = (p) => p.values): void {
  const errors = error.problems.map((p) => ({ path: p.field ? p.field.split('.') : [], message: message(language, p.code, translate(p)), name: NAMES[error.status] ?? 'Error', code: p.code }));
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name: NAMES[error.status] ?? 'Error',
      // Several problems: each message once, in order (the fields' names mean nothing to people).
      message: [...new Set(errors.map((e) => e.message))].join(' '),
      details: { errors, code: error.problems[0]?.code, ...error.extra },
    },
  };
}
