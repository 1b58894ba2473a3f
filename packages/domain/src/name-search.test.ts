import assert from 'node:assert/strict';
import { personSearchText, searchKey, searchTerms } from './name-search.ts';

describe('domain: searching people by name in any spelling', () => {
  const same: Array<[string, string[]]> = [
    ['Айгерім', ['Aıgerım', 'Aigerim', 'Aygerim', 'АЙГЕРИМ', 'Айгерим']],
    ['Жандос', ['Zhandos', 'Jandos', 'Djandos']],
    ['Нұрсұлтан', ['Nursultan', 'Nūrsūltan', 'Нурсултан']],
    ['Қайрат', ['Qairat', 'Kayrat', 'Kairat', 'Кайрат']],
    ['Әсел', ['Asel', 'Äsel', 'Ásel', 'Асель']],
    ['Ерлан', ['Yerlan', 'Erlan']],
    ['Шынар', ['Shynar', 'Şynar', 'Шинар']],
    ['Хадиша', ['Khadisha', 'Hadisha', 'Xadisha']],
    ['Ильяс', ['Ilyas', 'Ilias', 'Ильяс']],
    ['Алия', ['Aliya', 'Alia', 'Aliia']],
    ['Дмитрий', ['Dmitriy', 'Dmitrii', 'Dmitri']],
    ['Евгений', ['Yevgeniy', 'Evgeniy']],
    ['Цой', ['Tsoy', 'Tsoi']],
    ['Өмірзақ', ['Ömirzaq', 'Omirzak', 'Өмирзак']],
  ];
  for (const [cyrillic, spellings] of same) {
    for (const spelling of spellings) {
      it(`${spelling} finds ${cyrillic}`, () => assert.equal(searchKey(spelling), searchKey(cyrillic)));
    }
  }

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['Айгерім', 'Айжан'],
      ['Нұрлан', 'Нұрсұлтан'],
      ['Асан', 'Үсен'],
    ])
      assert.notEqual(searchKey(a), searchKey(b));
  });

  it('folds every word and drops punctuation', () => {
    assert.equal(searchKey('  Сәтбаев-Жұмабек  Қанат '), 'satbaev jumabek kanat');
    assert.equal(searchKey("O'Neil"), 'o neil');
    assert.equal(searchKey('123 !?'), '');
  });

  it('indexes the name, the phone digits and the e-mail of a person', () => {
    assert.equal(
      personSearchText({ surname: 'Сәтбаева', firstName: 'Айгерім', patronymic: null, phone: '+77011234567', email: 'Aigerim@Example.kz' }),
      'satbaeva aigerim 77011234567 aigerim@example.kz',
    );
  });

  it('reads a query as name words, a phone or an e-mail', () => {
    assert.deepEqual(searchTerms('Aygerim  Satbaeva'), [
      { kind: 'name', value: 'aigerim' },
      { kind: 'name', value: 'satbaeva' },
    ]);
    assert.deepEqual(searchTerms('8 701 123 45 67'), [{ kind: 'phone', value: '7011234567' }]);
    assert.deepEqual(searchTerms('+7 (701) 123'), [{ kind: 'phone', value: '7701123' }]);
    assert.deepEqual(searchTerms('701 12'), [{ kind: 'phone', value: '70112' }]);
    assert.deepEqual(searchTerms(' Aigerim@Example.KZ '), [{ kind: 'email', value: 'aigerim@example.kz' }]);
    assert.deepEqual(searchTerms('   '), []);
    assert.equal(searchTerms('a b c d e f g h').length, 5);
  });
});
