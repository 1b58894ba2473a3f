import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/lib/env.mjs';

const catalogue = (dir: string, locale: string): Record<string, string> => {
  const [folder, prefix = ''] = dir.split('#');
  return JSON.parse(fs.readFileSync(path.join(root, folder!, `${prefix}${locale}.json`), 'utf8'));
};
/** The top-level arguments of a message: `{name}`, or the argument of an ICU `{count, plural, …}` (its branches aside). */
function placeholders(text: string): string[] {
  const names: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '{') continue;
    const name = /^\{\s*(\w+)\s*[,}]/.exec(text.slice(i))?.[1];
    if (name) names.push(name);
    for (let depth = 0; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) break;
    }
  }
  return names.sort();
}

// `folder#prefix` names a catalogue kept as `<prefix><locale>.json` beside another.
const catalogues = [
  'site/src/i18n',
  'cms/src/i18n',
  ...['booking', 'crm', 'assessment', 'partners'].flatMap((p) => [`plugins/${p}/server/src/i18n`, `plugins/${p}/admin/src/translations`]),
  'plugins/partners/server/src/i18n#desktop.',
];
for (const dir of catalogues) {
  describe(`translations in ${dir}`, () => {
    const en = catalogue(dir, 'en');
    for (const locale of ['kk', 'ru']) {
      it(`${locale} has every English key, filled, with the same placeholders`, () => {
        const other = catalogue(dir, locale);
        assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort());
        for (const [key, text] of Object.entries(other)) {
          assert.ok(text.trim().length > 0, `${locale}:${key} is empty`);
          assert.deepEqual(placeholders(text), placeholders(en[key]), `${locale}:${key} placeholders`);
        }
      });
    }
    it('kk is written in Kazakh letters', () => {
      const kk = Object.values(catalogue(dir, 'kk')).join(' ');
      assert.match(kk, /[әғқңөұүһі]/);
    });
  });
}
