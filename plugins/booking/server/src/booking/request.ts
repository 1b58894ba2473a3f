/** The shape every request body of the plugin must have, before its fields are read. */
import { invalid, type Problem } from '../errors';

export const objectBody = (body: unknown): Record<string, unknown> => {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalid({ field: 'body', code: 'body.notObject' });
  return body as Record<string, unknown>;
};

/** A problem for each field the body may not carry. */
export const allowOnly = (body: Record<string, unknown>, fields: string[]): Problem[] =>
  Object.keys(body).filter((k) => !fields.includes(k)).map((field) => ({ field, code: 'field.notAllowed' }));
