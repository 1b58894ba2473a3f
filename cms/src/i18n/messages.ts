/**
 * Messages the CMS's own code returns to API clients, in the three languages of Qabilet.
 * The language is the request's `locale` when it is one of ours, else the best match of
 * Accept-Language, else Kazakh.
 */
import kk from './kk.json';
import ru from './ru.json';
import en from './en.json';
import { interpolate, type Language } from '@qabilet/domain';

export { LANGUAGES, isLanguage, pickLanguage, type Language } from '@qabilet/domain';
export type MessageKey = keyof typeof en;

const catalogues: Record<Language, Record<MessageKey, string>> = { kk, ru, en };

export function message(language: Language, key: MessageKey, values: Record<string, string> = {}): string {
  return interpolate(catalogues[language][key], values);
}
