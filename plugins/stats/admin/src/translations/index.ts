/**
 * The plugin's admin strings, one catalogue per part (translations/<part>/{en,kk,ru}.json), merged
 * per language; English types the keys and is the fallback.
 */
import commonEn from './common/en.json';
import dashboardEn from './dashboard/en.json';
import summaryEn from './summary/en.json';

export const EN = { ...commonEn, ...dashboardEn, ...summaryEn };

const parts = ['common', 'dashboard', 'summary'] as const;

export async function load(locale: string): Promise<{ default: Record<string, string> }> {
  const loaded = await Promise.all(parts.map((part) => import(`./${part}/${locale}.json`) as Promise<{ default: Record<string, string> }>));
  return { default: Object.assign({}, ...loaded.map((m) => m.default)) };
}
