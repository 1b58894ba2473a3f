/**
 * Messages the CMS's own code returns to API clients, in the three languages of Qabilet.
 * The language is the request's `locale` when it is one of ours, else the best match of
 * Accept-Language, else Kazakh.
 */
import kk from './kk.json';
import ru from './ru.json';
import en from './en.json';

export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof en;

const catalogues: Record<Language, Record<MessageKey, string>> = { kk, ru, en };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

export function pickLanguage(acceptLanguage: string | undefined, explicit?: unknown): Language {
  if (isLanguage(explicit)) return explicit;
  const ranked = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.split('-')[0], q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.find((x) => isLanguage(x.lang))?.lang as Language | undefined ?? 'kk';
}

export function message(language: Language, key: MessageKey, values: Record<string, string> = {}): string {
  return catalogues[language][key].replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? `{${name}}`);
}
