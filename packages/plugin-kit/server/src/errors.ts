/**
 * A refusal the client can act on: its HTTP status, one or more problems (each a message key and,
 * for a field, the field) and the wording of the plugin that refused, so that whichever plugin's
 * handler catches it answers it in the refusing plugin's words. Services throw it; `handle` answers
 * it in Strapi's error shape, in the request's language. Anything else is a bug and stays a 500.
 */
import type { Context } from 'koa';
import { languageOf, type Language, type Problem, type Wording } from './messages';

export class PluginError<K extends string = string> extends Error {
  readonly status: number;
  readonly problems: Problem<K>[];
  readonly extra: Record<string, unknown>;
  readonly wording: Wording;
  constructor(wording: Wording, status: number, problems: Problem<K>[] | Problem<K>, extra: Record<string, unknown> = {}) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => p.code).join(', '));
    this.status = status;
    this.problems = list;
    this.extra = extra;
    this.wording = wording;
  }
}

/** Strapi's error names by status. */
export const NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  410: 'GoneError',
  413: 'PayloadTooLargeError',
  422: 'UnprocessableEntityError',
};

/** The refusal's messages for people: each once, in order (the fields' names mean nothing to people). */
export const describe = (error: PluginError, language: Language): string => [...new Set(error.problems.map((p) => error.wording.word(language, p)))].join(' ');

/** A refusal's message for people, or undefined when `error` is not a refusal. */
export const describeAny = (error: unknown, language: Language): string | undefined => (error instanceof PluginError ? describe(error, language) : undefined);

/** Answers the refusal in Strapi's error shape. */
export function answer(ctx: Context, language: Language, error: PluginError): void {
  const name = NAMES[error.status] ?? 'Error';
  const errors = error.problems.map((p) => ({ path: p.field ? p.field.split('.') : [], message: error.wording.word(language, p), name, code: p.code }));
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name,
      message: [...new Set(errors.map((e) => e.message))].join(' '),
      details: { errors, code: error.problems[0]?.code, ...error.extra },
    },
  };
}

export type Handler = (ctx: Context) => Promise<void>;

/** Runs a handler; answers any plugin's refusal in the request's language and lets anything else through. */
export const handle =
  (fn: Handler): Handler =>
  async (ctx) => {
    try {
      await fn(ctx);
    } catch (error) {
      if (!(error instanceof PluginError)) throw error;
      answer(ctx, languageOf(ctx), error);
    }
  };
