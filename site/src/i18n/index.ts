import { interpolate } from '@qabilet/domain';
import kk from './kk.json';
import ru from './ru.json';
import en from './en.json';

export const locales = ['kk', 'ru', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'kk';
export type MessageKey = keyof typeof en;

/** Each language's name written in that language, for the language switcher. */
export const languageNames: Record<Locale, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

const catalogues: Record<Locale, Record<MessageKey, string>> = { kk, ru, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The one way pages read UI text: `t(locale)('nav.home')`, with `{name}` placeholders. */
export function t(locale: Locale) {
  return (key: MessageKey, values: Record<string, string | number> = {}): string => interpolate(catalogues[locale][key], values);
}

export const localeParams = () => locales.map((locale) => ({ params: { locale } }));

// The cabinet links to the tests and the results with their pages' own names.
const ISLAND_PREFIXES = [
  'form.',
  'field.',
  'register.',
  'login.',
  'forgot.',
  'reset.',
  'cabinet.',
  'booking.',
  'test.list.link',
  'results.link',
  'card.link',
  'progress.link',
];

/** The strings an account island needs, so a page ships only those to the browser. */
export function islandMessages(locale: Locale): Record<string, string> {
  return Object.fromEntries(Object.entries(catalogues[locale]).filter(([key]) => ISLAND_PREFIXES.some((p) => key.startsWith(p))));
}

const pick = (locale: Locale, prefixes: string[]) =>
  Object.fromEntries(Object.entries(catalogues[locale]).filter(([key]) => prefixes.some((p) => key.startsWith(p))));

/** The strings of the usage map island. */
export const mapMessages = (locale: Locale): Record<string, string> => pick(locale, ['map.', 'age.', 'format.']);

/** The strings of the assessment islands: the tests (with the partners' ones), the runner, the results, the fit on a profession's page. */
export const testMessages = (locale: Locale): Record<string, string> =>
  pick(locale, ['test.', 'results.', 'partners.', 'level.', 'booking.calendar.monthsOf', 'booking.calendar.plainDate']);

/** The strings of the person's own card (with the dates' words and the link to log in). */
export const cardMessages = (locale: Locale): Record<string, string> =>
  pick(locale, ['card.', 'format.', 'results.journal.', 'test.login', 'results.link', 'booking.calendar.monthsOf', 'booking.calendar.plainDate']);

/** The strings of the person's own progress (whose: the card's words; statuses and formats as the card names them; dates). */
export const progressMessages = (locale: Locale): Record<string, string> =>
  pick(locale, ['progress.', 'card.me', 'card.child', 'card.status.', 'format.', 'test.login', 'booking.calendar.monthsOf', 'booking.calendar.plainDate']);

/** The few strings of the fit on a profession's page (that page ships only these). */
export const fitMessages = (locale: Locale): Record<string, string> => pick(locale, ['test.fit.', 'results.link']);
