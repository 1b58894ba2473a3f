import assert from 'node:assert/strict';
import { catalogueLocale, queryOf } from '../../packages/plugin-kit/admin/src/http.ts';

/** What the plugins' API modules send: their query strings and the catalogue's language. */
describe('plugin kit: the admin API modules’ queries', () => {
  it('leaves out the empty values and encodes the others (a phone keeps its plus)', () => {
    assert.equal(queryOf({ phone: '+77010000000', page: 2, status: '', centre: undefined }), 'phone=%2B77010000000&page=2');
    assert.equal(queryOf({}), '');
  });

  it('reads the catalogue in the admin’s language when it is kept in it, in Russian otherwise', () => {
    assert.equal(catalogueLocale('kk'), 'kk');
    assert.equal(catalogueLocale('en'), 'en');
    assert.equal(catalogueLocale('fr'), 'ru');
  });
});
