import fs from 'node:fs';

/** The site's UI strings, so that tests find things by the words a visitor reads. */
const messages = (locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(new URL(`../../site/src/i18n/${locale}.json`, import.meta.url), 'utf8'));

export const kk = messages('kk');
export const ru = messages('ru');
export const en = messages('en');
