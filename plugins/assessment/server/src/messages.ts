/**
 * The assessment messages in Qabilet's three languages, chosen as the booking plugin chooses them:
 * the request's `locale` when it is one of ours, else Accept-Language, else Kazakh.
 */
import type { Context } from 'koa';
import { pickLanguage, type Language } from '@qabilet/domain';
import en from './i18n/en.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';

export type { Language };
export type MessageKey = keyof typeof en;

const catalogues: Record<Language, Record<MessageKey, string>> = { kk, ru, en };

export const languageOf = (ctx: Context): Language => pickLanguage(ctx.get('accept-language'), (ctx.query as Record<string, unknown>).locale);

export function message(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return (catalogues[language][key] ?? catalogues.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
