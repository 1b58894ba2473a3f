/**
 * The booking plugin's refusals: the plugin kit's localised error, worded by this plugin's
 * catalogue (see messages.ts). Services throw it; the kit's `handle` answers it in Strapi's error
 * shape, whichever plugin's handler catches it. Anything else is a bug and stays a 500.
 */
import type { Context } from 'koa';
import { answer, bodyChecks, PluginError, type Problem as KitProblem } from '@qabilet/plugin-kit/server';
import { messages, type Language, type MessageKey } from './messages';

export type Problem = KitProblem<MessageKey>;

export class BookingError extends PluginError<MessageKey> {
  constructor(status: number, problems: Problem[] | Problem, extra: Record<string, unknown> = {}) {
    super(messages, status, problems, extra);
  }
}

export const invalid = (problems: Problem[] | Problem) => new BookingError(400, problems);
export const { allowOnly, objectBody } = bodyChecks<MessageKey>(invalid);

/** Answers a refusal; `translate` rewrites a problem's values (the plugin's wording already names statuses). */
export function answerError(ctx: Context, language: Language, error: PluginError, translate?: (p: Problem) => Problem['values']): void {
  if (!translate) return answer(ctx, language, error);
  const wording = { word: (l: Language, p: KitProblem) => messages.message(l, p.code as MessageKey, translate(p as Problem)) };
  answer(ctx, language, new PluginError(wording, error.status, error.problems, error.extra));
}
