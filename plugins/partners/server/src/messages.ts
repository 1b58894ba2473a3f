/**
 * The partners messages in Qabilet's three languages, chosen as the other plugins choose them: the
 * request's `locale` when it is one of ours, else Accept-Language, else Kazakh. The desktop
 * import's messages sit in their own catalogues (`i18n/desktop.*.json`) and are merged here.
 */
import type { Context } from 'koa';
import { pickLanguage, type Language } from '@qabilet/domain';
import en from './i18n/en.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';
import desktopEn from './i18n/desktop.en.json';
import desktopKk from './i18n/desktop.kk.json';
import desktopRu from './i18n/desktop.ru.json';

export type { Language };
export type MessageKey = keyof typeof en | keyof typeof desktopEn;

const catalogues: Record<Language, Record<string, string>> = {
  kk: { ...kk, ...desktopKk },
  ru: { ...ru, ...desktopRu },
  en: { ...en, ...desktopEn },
};

export const languageOf = (ctx: Context): Language => pickLanguage(ctx.get('accept-language'), (ctx.query as Record<string, unknown>).locale);

export function message(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  return (catalogues[language][key] ?? catalogues.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
