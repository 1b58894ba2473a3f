/**
 * Checks a registration (R-AUTH-1) field by field and turns it into what is stored: names tidied,
 * phone in E.164, email in lower case, a username derived rather than asked for. Problems come back
 * as stable codes that the caller words in the user's language.
 */
import crypto from 'node:crypto';
import {
  checkBirthDate,
  EDUCATION,
  GENDERS,
  normalizeKzMobile,
  normalizeName,
  PERSON_FIELDS,
  todayInKazakhstan,
  USER_TYPES,
  type UserType,
} from '@qabilet/domain';

/** The person's fields (the same the profile shows, packages/domain/src/account-view.ts) and the password. */
export const REGISTRATION_FIELDS = [...PERSON_FIELDS, 'password'] as const;
type Field = (typeof REGISTRATION_FIELDS)[number];

export type FieldProblem = { field: string; code: string; values?: Record<string, string | number> };

export type Registration = {
  username: string;
  email: string;
  password: string;
  surname: string;
  firstName: string;
  patronymic?: string;
  gender: string;
  birthDate: string;
  region: string;
  locality: string;
  phone: string;
  education: string;
  userType: UserType;
};

/** What the check needs from the database, injected so the rules stay testable. */
export type RegistrationLookups = {
  regionExists(code: string): Promise<boolean>;
  localityRegion(key: string): Promise<string | undefined>;
  emailTaken(email: string): Promise<boolean>;
};

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]{2,}$/u;

export function checkPassword(password: unknown, email?: string): string | undefined {
  if (typeof password !== 'string' || password === '') return 'password.required';
  if ([...password].length < 8) return 'password.tooShort';
  if (Buffer.byteLength(password) > 72) return 'password.tooLong';
  if (!/\p{L}/u.test(password) || !/\d/.test(password)) return 'password.weak';
  if (email && password.toLowerCase() === email.toLowerCase()) return 'password.weak';
  return undefined;
}

export async function checkRegistration(
  body: unknown,
  lookups: RegistrationLookups,
  today: string = todayInKazakhstan(),
): Promise<{ ok: true; value: Registration } | { ok: false; problems: FieldProblem[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, problems: [{ field: 'body', code: 'body.notObject' }] };
  }
  const input = body as Record<string, unknown>;
  const problems: FieldProblem[] = [];
  const fail = (field: string, code: string, values?: FieldProblem['values']) => problems.push({ field, code, values });

  for (const key of Object.keys(input)) {
    if (!(REGISTRATION_FIELDS as readonly string[]).includes(key)) fail(key, 'field.notAllowed');
  }
  const text = (field: Field): string | undefined => {
    const v = input[field];
    if (v === undefined || v === null || v === '') return undefined;
    if (typeof v !== 'string') {
      fail(field, 'field.notText');
      return undefined;
    }
    return v;
  };
  const required = (field: Field): string | undefined => {
    const v = text(field);
    if (v === undefined && !problems.some((p) => p.field === field)) fail(field, 'field.required');
    return v;
  };

  const names: Partial<Record<'surname' | 'firstName' | 'patronymic', string>> = {};
  for (const field of ['surname', 'firstName', 'patronymic'] as const) {
    const raw = field === 'patronymic' ? text(field) : required(field);
    if (raw === undefined) continue;
    const result = normalizeName(raw);
    if (result.ok) names[field] = result.value;
    else if (field !== 'patronymic' || result.problem !== 'name.required') fail(field, result.problem);
  }

  const gender = required('gender');
  if (gender !== undefined && !(GENDERS as readonly string[]).includes(gender)) fail('gender', 'field.oneOf', { options: GENDERS.join(', ') });

  const userType = required('userType');
  const validType = userType !== undefined && (USER_TYPES as readonly string[]).includes(userType);
  if (userType !== undefined && !validType) fail('userType', 'field.oneOf', { options: USER_TYPES.join(', ') });

  const birthDate = required('birthDate');
  if (birthDate !== undefined) {
    const result = checkBirthDate(birthDate, validType ? (userType as UserType) : 'student', today);
    if (!result.ok) fail('birthDate', result.problem, result.limit === undefined ? undefined : { limit: result.limit });
  }

  const education = required('education');
  if (education !== undefined && !(EDUCATION as readonly string[]).includes(education)) fail('education', 'education.unknown');

  const region = required('region');
  let regionOk = false;
  if (region !== undefined) {
    regionOk = /^KZ-\d{2}$/.test(region) && (await lookups.regionExists(region));
    if (!regionOk) fail('region', 'region.unknown');
  }
  const locality = required('locality');
  if (locality !== undefined) {
    const localityRegion = locality.length <= 80 ? await lookups.localityRegion(locality) : undefined;
    if (!localityRegion) fail('locality', 'locality.unknown');
    else if (regionOk && localityRegion !== region) fail('locality', 'locality.otherRegion');
  }

  const phoneRaw = required('phone');
  let phone: string | undefined;
  if (phoneRaw !== undefined) {
    const result = normalizeKzMobile(phoneRaw);
    if (result.ok) phone = result.e164;
    else fail('phone', result.problem);
  }

  const emailRaw = required('email');
  let email: string | undefined;
  if (emailRaw !== undefined) {
    const candidate = emailRaw.trim().toLowerCase();
    if (candidate.length > 254 || !EMAIL.test(candidate)) fail('email', 'email.format');
    else if (await lookups.emailTaken(candidate)) fail('email', 'email.taken');
    else email = candidate;
  }

  const password = input.password;
  const passwordProblem = checkPassword(password, email ?? emailRaw);
  if (passwordProblem) fail('password', passwordProblem);

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      username: `q${crypto.randomBytes(8).toString('hex')}`,
      email: email!,
      password: password as string,
      surname: names.surname!,
      firstName: names.firstName!,
      ...(names.patronymic ? { patronymic: names.patronymic } : {}),
      gender: gender!,
      birthDate: birthDate!,
      region: region!,
      locality: locality!,
      phone: phone!,
      education: education!,
      userType: userType as UserType,
    },
  };
}
