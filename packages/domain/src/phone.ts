/**
 * Kazakhstan mobile numbers, as people write them (`8 701 123 45 67`, `+7 (701) 123-45-67`,
 * `87011234567`, `7011234567`), normalised to E.164 (`+77011234567`).
 */

/** Mobile operator codes in Kazakhstan's numbering plan (Beeline, Kcell/Activ, Tele2/Altel). */
export const KZ_MOBILE_CODES = ['700', '701', '702', '705', '706', '707', '708', '747', '771', '775', '776', '777', '778'] as const;

export type PhoneProblem = 'phone.format' | 'phone.notMobile';

export function normalizeKzMobile(input: string): { ok: true; e164: string } | { ok: false; problem: PhoneProblem } {
  const trimmed = input.trim();
  if (!/^\+?[\d\s()\-.]{10,20}$/.test(trimmed)) return { ok: false, problem: 'phone.format' };
  const hasPlus = trimmed.startsWith('+');
  const digits = trimmed.replace(/\D/g, '');
  let national: string;
  if (hasPlus) {
    if (digits.length !== 11 || !digits.startsWith('7')) return { ok: false, problem: 'phone.format' };
    national = digits.slice(1);
  } else if (digits.length === 11 && (digits.startsWith('8') || digits.startsWith('7'))) {
    national = digits.slice(1);
  } else if (digits.length === 10) {
    national = digits;
  } else {
    return { ok: false, problem: 'phone.format' };
  }
  if (!(KZ_MOBILE_CODES as readonly string[]).includes(national.slice(0, 3))) return { ok: false, problem: 'phone.notMobile' };
  return { ok: true, e164: `+7${national}` };
}
