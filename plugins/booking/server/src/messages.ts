/**
 * The plugin's messages in Qabilet's three languages, bound to its catalogue by the plugin kit (the
 * language: the request's `locale`, else Accept-Language, else Kazakh). A refused status move names
 * the statuses in words.
 */
import { createMessages, languageOf, type Language } from '@qabilet/plugin-kit/server';
import en from './i18n/en.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';

export type { Language };
export type MessageKey = keyof typeof en;

export const messages = createMessages<MessageKey>(
  { kk, ru, en },
  {
    plugin: 'booking',
    values: (_, p, word) =>
      p.code === 'booking.final' || p.code === 'booking.move'
        ? Object.fromEntries(Object.entries(p.values ?? {}).map(([k, v]) => [k, word(`status.${v}`)]))
        : p.values,
  },
);

export const message = messages.message;
export { languageOf };
