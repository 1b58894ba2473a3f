/** The first checks of a request's body or query, the same in every plugin. */
import type { Problem } from './messages';

/** Only these fields in a body or query; every other one is refused by name (`field.notAllowed`). */
export function allowOnly(input: Record<string, unknown>, known: readonly string[], prefix = ''): Problem<'field.notAllowed'>[] {
  return Object.keys(input)
    .filter((k) => !known.includes(k))
    .map((k) => ({ field: `${prefix}${k}`, code: 'field.notAllowed' as const }));
}

/**
 * The body as an object, or the plugin's 400 (`invalid`) with `body.notObject` on the field `body`
 * (the code the CMS's own endpoints answer too).
 */
export function objectBody(body: unknown, invalid: (problem: Problem<'body.notObject'>) => Error): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid({ field: 'body', code: 'body.notObject' });
  return body as Record<string, unknown>;
}

type Codes = 'field.notAllowed' | 'body.notObject';

/**
 * Both checks bound to a plugin's `invalid` and typed with its message keys (its catalogue must
 * word `field.notAllowed` and `body.notObject`): `export const { allowOnly, objectBody } = bodyChecks(invalid)`.
 */
export function bodyChecks<K extends string>(invalid: Codes extends K ? (problem: Problem<K>) => Error : never) {
  return {
    allowOnly: (input: Record<string, unknown>, known: readonly string[], prefix = ''): Problem<K>[] => allowOnly(input, known, prefix) as Problem<K>[],
    objectBody: (body: unknown): Record<string, unknown> => objectBody(body, invalid as unknown as (problem: Problem<'body.notObject'>) => Error),
  };
}
