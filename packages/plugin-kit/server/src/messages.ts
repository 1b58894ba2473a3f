/**
 * A plugin's messages in Qabilet's three languages, bound to its catalogue. The language is the
 * request's `locale` when it is one of ours, else the best match of Accept-Language, else Kazakh
 * (as in the CMS); a key missing in a language falls back to English, then to the key itself.
 */
import type { Context } from 'koa';
import { interpolate, pickLanguage, type Language } from '@qabilet/domain';

export type { Language };
export type Values = Record<string, string | number>;

/** One problem of a refusal: a message key, the field it concerns (if any) and the message's values. */
export type Problem<K extends string = string> = { field?: string; code: K; values?: Values };

/** What words a refusal's problems: the error carries it, so any plugin answers it in its own plugin's words. */
export interface Wording {
  word(language: Language, problem: Problem): string;
  /** The plugin whose catalogue it is, so that a caller may tell whose refusal it caught. */
  readonly plugin?: string;
}

export interface Messages<K extends string> extends Wording {
  message(language: Language, key: K, values?: Values): string;
  languageOf(ctx: Context): Language;
}

export const languageOf = (ctx: Context): Language => pickLanguage(ctx.get('accept-language'), (ctx.query as Record<string, unknown>).locale);

export type MessagesOptions = {
  /** The plugin's name (see Wording). */
  plugin?: string;
  /** Rewrites a problem's values before they are put in its message (e.g. a status code into its word). */
  values?: (language: Language, problem: Problem, message: (key: string) => string) => Values | undefined;
};

/** `createMessages({ kk, ru, en })`: `message`, `languageOf`, and the wording the plugin's errors carry. */
export function createMessages<K extends string>(catalogues: Record<Language, Record<K, string>>, options: MessagesOptions = {}): Messages<K> {
  const table = catalogues as Record<Language, Record<string, string | undefined>>;
  const message = (language: Language, key: K, values: Values = {}): string => interpolate(table[language][key] ?? table.en[key] ?? key, values);
  const bare = (language: Language) => (key: string) => message(language, key as K);
  return {
    plugin: options.plugin,
    message,
    languageOf,
    word: (language, problem) =>
      message(language, problem.code as K, (options.values ? options.values(language, problem, bare(language)) : problem.values) ?? {}),
  };
}
