import assert from 'node:assert/strict';
import { ageOn, checkBirthDate, EDUCATION, normalizeName } from './person.ts';
import { todayInKazakhstan } from './time.ts';

describe('domain: names', () => {
  for (const name of [
    'Әлихан',
    'Ғалымжан',
    'Қуаныш',
    'Ұлжан',
    'Үміт',
    'Һәдия',
    'Іңкәр',
    'Нұр-Сұлтан',
    'Иванова',
    'Ёлкин',
    "O'Brien",
    'Ălihan'.normalize('NFC').replace('Ă', 'Ä'),
    'Áliqan',
    'Nūrlan',
    'Şoqan',
    'Ğalym',
    'Мария Анна',
    'Жанна-Мария',
    'Ким',
  ]) {
    it(`accepts ${name}`, () => assert.equal(normalizeName(name).ok, true));
  }
  it('tidies spaces and Unicode composition', () => {
    assert.deepEqual(normalizeName('  Әлия   Нұр  '), { ok: true, value: 'Әлия Нұр' });
    assert.deepEqual(normalizeName('A\u0301liqan'), { ok: true, value: 'Áliqan' });
  });
  const refused: Array<[string, string]> = [
    ['', 'name.required'],
    ['   ', 'name.required'],
    ['Ә'.repeat(51), 'name.tooLong'],
    ['Robert1', 'name.characters'],
    ['<script>', 'name.characters'],
    ['-Әлия', 'name.characters'],
    ['Әлия--Нұр', 'name.characters'],
    ['Иван 😀', 'name.characters'],
    ['Jean.Paul', 'name.characters'],
  ];
  for (const [name, problem] of refused) {
    it(`refuses "${name.slice(0, 12)}" (${problem})`, () => assert.deepEqual(normalizeName(name), { ok: false, problem }));
  }
});

describe('domain: ages and education', () => {
  it('counts whole years, birthdays included', () => {
    assert.equal(ageOn('2010-03-15', '2026-03-14'), 15);
    assert.equal(ageOn('2010-03-15', '2026-03-15'), 16);
    assert.equal(ageOn('2008-02-29', '2026-02-28'), 17);
    assert.equal(ageOn('2008-02-29', '2026-03-01'), 18);
  });

  it('uses Kazakhstan time (UTC+5) for today', () => {
    assert.equal(todayInKazakhstan(new Date('2026-11-29T18:59:59Z')), '2026-11-29');
    assert.equal(todayInKazakhstan(new Date('2026-11-29T19:00:00Z')), '2026-11-30');
  });

  const today = '2026-11-29';
  it('accepts each account type at both ends of its ages', () => {
    assert.deepEqual(checkBirthDate('2020-11-29', 'pupil', today), { ok: true, age: 6 });
    assert.deepEqual(checkBirthDate('2006-11-30', 'pupil', today), { ok: true, age: 19 });
    assert.deepEqual(checkBirthDate('2012-11-29', 'student', today), { ok: true, age: 14 });
    assert.deepEqual(checkBirthDate('1990-11-30', 'student', today), { ok: true, age: 35 });
    assert.deepEqual(checkBirthDate('2008-11-29', 'parent', today), { ok: true, age: 18 });
    assert.deepEqual(checkBirthDate('1925-11-30', 'parent', today), { ok: true, age: 100 });
    assert.equal(checkBirthDate('2006-06-01', 'student', today).ok, true);
    assert.equal(checkBirthDate('1981-01-01', 'parent', today).ok, true);
  });
  const refused: Array<[string, 'pupil' | 'student' | 'parent', string]> = [
    ['2026-02-30', 'pupil', 'birthDate.format'],
    ['29.11.2010', 'pupil', 'birthDate.format'],
    ['2027-01-01', 'pupil', 'birthDate.future'],
    ['2021-01-01', 'pupil', 'birthDate.tooYoung'],
    ['2006-11-29', 'pupil', 'birthDate.tooOld'],
    ['2020-11-30', 'pupil', 'birthDate.tooYoung'],
    ['2012-11-30', 'student', 'birthDate.tooYoung'],
    ['1990-11-29', 'student', 'birthDate.tooOld'],
    ['2008-11-30', 'parent', 'birthDate.tooYoung'],
    ['1925-11-29', 'parent', 'birthDate.tooOld'],
    ['2010-01-01', 'parent', 'birthDate.tooYoung'],
    ['1900-01-01', 'parent', 'birthDate.tooOld'],
  ];
  for (const [date, type, problem] of refused) {
    it(`refuses a ${type} born ${date} (${problem})`, () => assert.equal((checkBirthDate(date, type, today) as { problem: string }).problem, problem));
  }

  it('lists school grades 1–12, college courses, university, graduate, other', () => {
    assert.equal(EDUCATION.length, 19);
    assert.ok(EDUCATION.includes('school-12') && EDUCATION.includes('college-4') && EDUCATION.includes('other'));
  });
});
