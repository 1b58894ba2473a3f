/** Children's profiles, which a parent account creates and acts for; the parent's id never comes from the client. */
import type { Core } from '@strapi/strapi';
import { checkRegistration, type FieldProblem } from './registration';
import { registrationLookups } from './lookups';

const CHILD = 'api::child.child';
export const CHILD_FIELDS = ['surname', 'firstName', 'patronymic', 'gender', 'birthDate', 'region', 'locality', 'education'] as const;

/** A child is checked as a pupil would be at registration (names, age 6–19, region and locality). */
export async function checkChild(strapi: Core.Strapi, body: unknown, current: Record<string, unknown> = {}) {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false as const, problems: [{ field: 'body', code: 'body.notObject' }] };
  const input = body as Record<string, unknown>;
  const problems: FieldProblem[] = Object.keys(input)
    .filter((k) => !(CHILD_FIELDS as readonly string[]).includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' }));
  const merged: Record<string, unknown> = { ...Object.fromEntries(CHILD_FIELDS.map((f) => [f, current[f] ?? undefined])), ...input };
  if (!merged.patronymic) delete merged.patronymic;
  const lookups = { ...registrationLookups(strapi), emailTaken: async () => false };
  const result = await checkRegistration(
    { ...merged, userType: 'pupil', email: 'child@qabilet.invalid', phone: '+77000000000', password: 'Unchanged1password' },
    lookups,
  );
  if (!result.ok) problems.push(...result.problems);
  if (problems.length || !result.ok) return { ok: false as const, problems };
  const { surname, firstName, patronymic, gender, birthDate, region, locality, education } = result.value;
  return { ok: true as const, value: { surname, firstName, patronymic: patronymic ?? null, gender, birthDate, region, locality, education } };
}

export function findOwnChild(strapi: Core.Strapi, parentId: number, documentId: unknown) {
  if (typeof documentId !== 'string' || !/^[a-z0-9]{10,40}$/.test(documentId)) return Promise.resolve(null);
  return strapi.db.query(CHILD).findOne({ where: { documentId, parent: parentId } });
}
