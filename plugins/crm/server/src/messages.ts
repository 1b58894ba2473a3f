/**
 * The registry's messages in Qabilet's three languages, bound to its catalogue by the plugin kit
 * (the language: the request's `locale`, else Accept-Language, else Kazakh). Statuses in a
 * refusal's values (`from`, `to`, `status`) are named in words.
 */
import { createMessages, languageOf, type Language } from '@qabilet/plugin-kit/server';
import en from './i18n/en.json';
import kk from './i18n/kk.json';
import ru from './i18n/ru.json';

export type { Language };
export type MessageKey = keyof typeof en;

const STATUS_VALUES = ['from', 'to', 'status'];

export const messages = createMessages<MessageKey>(
  { kk, ru, en },
  {
    plugin: 'crm',
    values: (_, p, word) => p.values && Object.fromEntries(Object.entries(p.values).map(([k, x]) => [k, STATUS_VALUES.includes(k) ? word(`status.${x}`) : x])),
  },
);

export const message = messages.message;
export { languageOf };
