import type { Core } from '@strapi/strapi';

/** The people themselves: accounts and the children parents add. */
const PEOPLE = ['plugin::users-permissions.user', 'api::child.child'];

/** Fields that name a person or reach one, in the types that keep a person by id rather than by relation. */
const PERSONAL_FIELDS = new Set(['userId', 'childId', 'birthDate', 'leadName', 'surname']);

/**
 * The content types that hold personal data: the people, every type that points at one of them
 * (consents, bookings, attempts…) and every type with a person's id or contact (requests…). A centre's public e-mail and phone are not a person's.
 * Worked out from the schemas, so a later plugin's types are covered as soon as they name a person.
 */
export function personalTypes(strapi: Core.Strapi): Set<string> {
  const types = new Set(PEOPLE);
  for (const [uid, type] of Object.entries(strapi.contentTypes)) {
    if (!uid.startsWith('api::') && !uid.startsWith('plugin::')) continue;
    const attributes = Object.entries((type as { attributes: Record<string, { type?: string; target?: string }> }).attributes);
    if (attributes.some(([name, a]) => PERSONAL_FIELDS.has(name) || (a.type === 'relation' && a.target && PEOPLE.includes(a.target)))) types.add(uid);
  }
  return types;
}
