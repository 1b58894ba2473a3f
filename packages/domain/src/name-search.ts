/**
 * One spelling for searching people by name. A Kazakh name reaches Qabilet in Cyrillic (Айгерім),
 * in the Latin alphabet of 2021 (Aıgerım), in its 2018 draft (Aigerim), in a passport's
 * transliteration (Aygerim) or Russian-style (Aiguerim aside, Yerlan for Ерлан). `searchKey` folds
 * them all to one plain Latin form, so that any spelling finds the others:
 * - Cyrillic letters to Latin (ж → j, ш/щ → sh, ч → ch, ц → ts, х/һ → h, ю → iu, я → ia; the soft
 *   and hard signs dropped); Kazakh letters to their base (ә → a, ғ → g, қ → k, ң → n, ө → o,
 *   ұ/ү → u, і/ы/й → i);
 * - Latin letters with marks to their base (ä á → a, ğ ǵ → g, ñ ń → n, ö ó → o, ū ü ú → u, ı ý → i,
 *   ş → sh, ç → ch), and the spellings that stand for the same sound (y → i, q → k, w → u,
 *   x/kh → h, zh/dj → j, a word's first "ye" → e);
 * - letters doubled by any of these (Алия "aliia", Aliya, Alia) to one.
 * The database indexes the key (trigrams on PostgreSQL, FTS5 trigrams on SQLite) and the search
 * folds the query the same way.
 */

const CYRILLIC: Record<string, string> = {
  а: 'a',
  ә: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ғ: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'j',
  з: 'z',
  и: 'i',
  й: 'i',
  і: 'i',
  к: 'k',
  қ: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  ң: 'n',
  о: 'o',
  ө: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ұ: 'u',
  ү: 'u',
  ф: 'f',
  х: 'h',
  һ: 'h',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'sh',
  ъ: '',
  ы: 'i',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

const LATIN: Record<string, string> = {
  ä: 'a',
  á: 'a',
  à: 'a',
  â: 'a',
  ğ: 'g',
  ǵ: 'g',
  ñ: 'n',
  ń: 'n',
  ö: 'o',
  ó: 'o',
  ū: 'u',
  ü: 'u',
  ú: 'u',
  ı: 'i',
  í: 'i',
  ý: 'i',
  ÿ: 'i',
  y: 'i',
  ş: 'sh',
  ç: 'ch',
  q: 'k',
  w: 'u',
  x: 'h',
  é: 'e',
  è: 'e',
};

/** Folds one word (letters only; anything else is dropped). */
function foldWord(word: string): string {
  let latin = '';
  const lower = word.toLowerCase().replace(/^ye/, 'e');
  for (const ch of lower.normalize('NFC')) {
    const mapped = CYRILLIC[ch] ?? LATIN[ch] ?? (/[a-z]/.test(ch) ? ch : /\p{L}/u.test(ch) ? ch.normalize('NFD').replace(/\p{M}/gu, '') : '');
    latin += mapped;
  }
  return latin
    .replace(/^ie/, 'e')
    .replace(/kh/g, 'h')
    .replace(/zh|dj|dzh/g, 'j')
    .replace(/([a-z])\1+/g, '$1');
}

/** The search key of a name or a query: its words folded, in order, space-separated. */
export function searchKey(text: string): string {
  return text
    .normalize('NFC')
    .split(/[\s\-'’ʼ.,;]+/u)
    .map(foldWord)
    .filter(Boolean)
    .join(' ');
}

/** The digits of a phone number as stored (+7XXXXXXXXXX → 7XXXXXXXXXX), for searching by part of it. */
export const phoneDigits = (phone: string | null | undefined): string => (phone ?? '').replace(/\D/g, '');

/**
 * The text a person is found by: their name's key, the digits of their phone and their e-mail in
 * lower case. Never shown; indexed only.
 */
export function personSearchText(p: {
  surname?: string | null;
  firstName?: string | null;
  patronymic?: string | null;
  phone?: string | null;
  email?: string | null;
}): string {
  return [searchKey([p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ')), phoneDigits(p.phone), (p.email ?? '').toLowerCase()]
    .filter(Boolean)
    .join(' ');
}

export type SearchTerm = { kind: 'name' | 'phone' | 'email'; value: string };

/**
 * What a staff member typed, as terms every one of which the person's search text must contain:
 * an e-mail as it is (lower case), a phone (four digits and more, with or without +7, spaces and
 * dashes) as its digits without the country code, anything else as name words folded like names.
 */
export function searchTerms(query: string): SearchTerm[] {
  const text = query.normalize('NFC').trim().slice(0, 120);
  if (!text) return [];
  if (text.includes('@')) return [{ kind: 'email', value: text.toLowerCase() }];
  const digits = phoneDigits(text);
  if (/^[+\d\s()-]+$/.test(text) && digits.length >= 4) return [{ kind: 'phone', value: digits.length >= 11 ? digits.slice(-10) : digits }];
  return searchKey(text)
    .split(' ')
    .filter(Boolean)
    .slice(0, 5)
    .map((value) => ({ kind: 'name' as const, value }));
}
