/**
 * What a person registering with Qabilet may be called, how old they may be, and what they study.
 * Each rule answers with a stable problem code; the CMS turns codes into localised messages.
 */
import { parseDate } from './time.ts';

// Kazakh Cyrillic (the Russian alphabet plus Ә Ғ Қ Ң Ө Ұ Ү Һ І), and the Latin Kazakh alphabet of
// 2021 (Ä Ğ Ñ Ö Ū Ü Ş I/ı İ) with the letters of its 2018 draft (Á Ǵ Ń Ó Ú Ý) still in people's papers.
const LETTER = 'A-Za-zА-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіÄäĞğÑñÖöŪūÜüŞşİıÁáǴǵŃńÓóÚúÝýÇçŸÿ';
const NAME = new RegExp(`^[${LETTER}]+(?:[-'’ʼ ][${LETTER}]+)*$`, 'u');

export type NameProblem = 'name.required' | 'name.tooLong' | 'name.characters';

export function normalizeName(input: string): { ok: true; value: string } | { ok: false; problem: NameProblem } {
  const value = input.normalize('NFC').trim().replace(/\s+/g, ' ');
  if (value === '') return { ok: false, problem: 'name.required' };
  if ([...value].length > 50) return { ok: false, problem: 'name.tooLong' };
  if (!NAME.test(value)) return { ok: false, problem: 'name.characters' };
  return { ok: true, value };
}

export const USER_TYPES = ['pupil', 'student', 'parent'] as const;
export type UserType = (typeof USER_TYPES)[number];

export const GENDERS = ['female', 'male'] as const;

/** School grades 1–12, college courses 1–4, then university, graduate, other. */
export const EDUCATION = [
  ...Array.from({ length: 12 }, (_, i) => `school-${i + 1}`),
  ...Array.from({ length: 4 }, (_, i) => `college-${i + 1}`),
  'university',
  'graduate',
  'other',
] as const;

/** Ages Qabilet serves, in whole years, by who registers. */
export const AGE_LIMITS: Record<UserType, { min: number; max: number }> = {
  pupil: { min: 6, max: 19 },
  student: { min: 14, max: 35 },
  parent: { min: 18, max: 100 },
};
export const ADULT_AGE = 18;

/** Age in whole years on `today` (a `YYYY-MM-DD` in Kazakhstan's time zone). */
export function ageOn(birthDate: string, today: string): number {
  const b = parseDate(birthDate);
  const t = parseDate(today);
  if (!b || !t) throw new RangeError('ageOn needs two YYYY-MM-DD dates');
  const hadBirthday = t.month > b.month || (t.month === b.month && t.day >= b.day);
  return t.year - b.year - (hadBirthday ? 0 : 1);
}

export type BirthDateProblem = 'birthDate.format' | 'birthDate.future' | 'birthDate.tooYoung' | 'birthDate.tooOld';

export function checkBirthDate(
  birthDate: string,
  userType: UserType,
  today: string,
): { ok: true; age: number } | { ok: false; problem: BirthDateProblem; limit?: number } {
  if (!parseDate(birthDate)) return { ok: false, problem: 'birthDate.format' };
  if (birthDate > today) return { ok: false, problem: 'birthDate.future' };
  const age = ageOn(birthDate, today);
  const { min, max } = AGE_LIMITS[userType];
  if (age < min) return { ok: false, problem: 'birthDate.tooYoung', limit: min };
  if (age > max) return { ok: false, problem: 'birthDate.tooOld', limit: max };
  return { ok: true, age };
}
