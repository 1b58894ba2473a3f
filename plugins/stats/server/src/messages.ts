/**
 * The plugin's messages in Qabilet's three languages, bound to its catalogue by the plugin kit. Each
 * part keeps its own catalogue (i18n/<part>/{kk,ru,en}.json), merged in i18n/index.ts; the English
 * keys type every message.
 */
import { createMessages, languageOf, type Language } from '@qabilet/plugin-kit/server';
import { CATALOGUES } from './i18n';

export type { Language };
export type MessageKey = keyof typeof CATALOGUES.en;

export const messages = createMessages<MessageKey>(CATALOGUES, { plugin: 'stats' });
export const message = messages.message;
export { languageOf };
