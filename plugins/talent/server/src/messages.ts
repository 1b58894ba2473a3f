/**
 * The registry's messages in Qabilet's three languages, bound to its catalogue by the plugin kit.
 * Each part of the plugin keeps its own catalogue (i18n/<part>/{kk,ru,en}.json) so that the parts
 * grow apart; they are merged here into one, whose English keys type every message.
 */
import { createMessages, languageOf, type Language } from '@qabilet/plugin-kit/server';
import { CATALOGUES } from './i18n';

export type { Language };
export type MessageKey = keyof typeof CATALOGUES.en;

export const messages = createMessages<MessageKey>(CATALOGUES, { plugin: 'talent' });
export const message = messages.message;
export { languageOf };
