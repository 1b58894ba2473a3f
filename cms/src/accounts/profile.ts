/**
 * The person's own data as the cabinet shows and edits it. Fields are checked by the same rules as
 * registration; the e-mail address and phone number change only with the current password, and
 * a new address only once confirmed from it (email-change.ts).
 */
import type { Core } from '@strapi/strapi';
import { ageOn, todayInKazakhstan, type AccountProfileView, type AccountView, type ChildView, type ConsentView } from '@qabilet/domain';
import { checkRegistration, REGISTRATION_FIELDS, type FieldProblem } from './registration';
import { registrationLookups } from './lookups';
import { consentState } from './consent';
import { pendingEmailOf } from './email-change';

const USER = 'plugin::users-permissions.user';
/** What the profile shows and edits: the registration's fields, the password aside (it changes on its own way). */
export const PROFILE_FIELDS = REGISTRATION_FIELDS.filter((f): f is Exclude<typeof f, 'password'> => f !== 'password');
const EDITABLE = [...PROFILE_FIELDS, 'language', 'currentPassword'];

export type ProfileUser = Record<(typeof PROFILE_FIELDS)[number], string> & {
  id: number;
  documentId: string;
  language: string;
  phoneVerified: boolean;
  confirmed: boolean;
  password: string;
  deletionRequestedAt: string | null;
  createdAt: string;
  pendingEmail: string | null;
  pendingEmailExpires: string | null;
};

export async function loadUser(strapi: Core.Strapi, id: number): Promise<ProfileUser> {
  return strapi.db.query(USER).findOne({ where: { id } });
}

export function publicProfile(user: ProfileUser): AccountProfileView {
  const { id, documentId, language, phoneVerified, deletionRequestedAt, createdAt } = user;
  const fields = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, user[f] ?? null])) as Record<(typeof PROFILE_FIELDS)[number], string | null>;
  // The pending address is the owner's own data: shown to them, so they see what waits for confirmation.
  const pendingEmail = pendingEmailOf(user);
  return { id, documentId, ...fields, pendingEmail, age: ageOn(user.birthDate, todayInKazakhstan()), language, phoneVerified, deletionRequestedAt, createdAt };
}

export async function profileView(strapi: Core.Strapi, user: ProfileUser): Promise<AccountView> {
  const [children, consents, consent] = await Promise.all([
    strapi.db.query('api::child.child').findMany({ where: { parent: user.id }, orderBy: { id: 'asc' } }),
    strapi.db
      .query('api::consent.consent')
      .findMany({ where: { user: user.id }, populate: { child: { select: ['documentId', 'firstName'] } }, orderBy: { id: 'asc' } }),
    consentState(strapi, user),
  ]);
  return {
    profile: publicProfile(user),
    consent,
    consents: consents.map(({ documentId, kind, status, textVersion, language, channel, givenBy, givenAt, withdrawnAt, child }: ConsentRow): ConsentView => ({
      documentId,
      kind,
      status,
      textVersion,
      language,
      channel,
      givenBy,
      givenAt,
      withdrawnAt,
      child: child ? { documentId: child.documentId, firstName: child.firstName } : null,
    })),
    children: children.map(childView),
  };
}

/** A consent as the database holds it, with the child it was given for, if any. */
type ConsentRow = Omit<ConsentView, 'child'> & { child?: { documentId: string; firstName: string } | null };
/** A child as the database holds it. */
type ChildRow = Omit<ChildView, 'age'>;

export function childView(child: ChildRow): ChildView {
  const { documentId, surname, firstName, patronymic, gender, birthDate, region, locality, education } = child;
  return { documentId, surname, firstName, patronymic, gender, birthDate, age: ageOn(birthDate, todayInKazakhstan()), region, locality, education };
}

/** Checks an edit of the profile; returns the changes to store or the problems, field by field. */
export async function checkProfileUpdate(
  strapi: Core.Strapi,
  user: ProfileUser,
  body: unknown,
): Promise<{ ok: true; changes: Record<string, unknown> } | { ok: false; problems: FieldProblem[] }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problems: [{ field: 'body', code: 'body.notObject' }] };
  const update = body as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(update)
    .filter((k) => !EDITABLE.includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' }));
  const current = Object.fromEntries(PROFILE_FIELDS.map((f) => [f, user[f] ?? undefined]));
  const merged: Record<string, unknown> = {
    ...current,
    ...Object.fromEntries(Object.entries(update).filter(([k]) => (PROFILE_FIELDS as readonly string[]).includes(k))),
    password: 'Unchanged1password',
  };
  if (!merged.patronymic) delete merged.patronymic;
  const lookups = registrationLookups(strapi);
  const result = await checkRegistration(merged, { ...lookups, emailTaken: async (email) => email !== user.email && (await lookups.emailTaken(email)) });
  if (!result.ok) problems.push(...result.problems.filter((p) => p.field !== 'password'));
  if (update.language !== undefined && !['kk', 'ru', 'en'].includes(String(update.language)))
    problems.push({ field: 'language', code: 'field.oneOf', values: { options: 'kk, ru, en' } });
  if (problems.length || !result.ok) return { ok: false, problems };

  const { username: _u, password: _p, ...value } = result.value;
  const changes: Record<string, unknown> = Object.fromEntries(Object.entries(value).filter(([k, v]) => v !== user[k as keyof ProfileUser]));
  if (update.patronymic === '' || update.patronymic === null) changes.patronymic = null;
  if (update.language !== undefined && update.language !== user.language) changes.language = update.language;
  if (changes.email !== undefined || changes.phone !== undefined) {
    const password = update.currentPassword;
    const valid = typeof password === 'string' && (await strapi.plugin('users-permissions').service('user').validatePassword(password, user.password));
    if (!valid) return { ok: false, problems: [{ field: 'currentPassword', code: 'password.current' }] };
  }
  if (changes.phone !== undefined) changes.phoneVerified = false;
  return { ok: true, changes };
}
