/**
 * The plugin's admin strings, one catalogue per part (translations/<part>/{en,kk,ru}.json), merged
 * per language; English types the keys and is the fallback.
 */
import commonEn from './common/en.json';
import peopleEn from './people/en.json';
import specialistsEn from './specialists/en.json';
import cardsEn from './cards/en.json';
import talentsEn from './talents/en.json';
import journalEn from './journal/en.json';

export const EN = { ...commonEn, ...peopleEn, ...specialistsEn, ...cardsEn, ...talentsEn, ...journalEn };

const parts = ['common', 'people', 'specialists', 'cards', 'talents', 'journal'] as const;

export async function load(locale: string): Promise<{ default: Record<string, string> }> {
  const loaded = await Promise.all(parts.map((part) => import(`./${part}/${locale}.json`) as Promise<{ default: Record<string, string> }>));
  return { default: Object.assign({}, ...loaded.map((m) => m.default)) };
}
