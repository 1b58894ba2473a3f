/**
 * The partners messages in Qabilet's three languages, bound to its catalogue by the plugin kit (the
 * language: the request's `locale`, else Accept-Language, else Kazakh). The desktop import's
 * messages sit in their own catalogues (`i18n/desktop.*.json`) and are merged here.
 */
import { createMessages, languageOf, type Language } from '@qabilet/plugin-kit/server';
import en from './i18n/en.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';
import desktopEn from './i18n/desktop.en.json';
import desktopKk from './i18n/desktop.kk.json';
import desktopRu from './i18n/desktop.ru.json';

export type { Language };
export type MessageKey = keyof typeof en | keyof typeof desktopEn;

export const messages = createMessages<MessageKey>(
  {
    kk: { ...kk, ...desktopKk },
    ru: { ...ru, ...desktopRu },
    en: { ...en, ...desktopEn },
  },
  { plugin: 'partners' },
);
export const message = messages.message;
export { languageOf };
