import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../../scripts/lib/env.mjs';

const catalogue = (dir: string, locale: string): Record<string, string> =>
  JSON.parse(fs.readFileSync(path.join(root, dir, `${locale}.json`), 'utf8'));
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

for (const dir of ['site/src/i18n', 'cms/src/i18n', 'plugins/booking/server/src/i18n', 'plugins/booking/admin/src/translations']) {
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
