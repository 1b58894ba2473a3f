/** A failed call as the pages show it (see `problem-body.ts` for the shape the servers answer in). */
import { isFetchError } from '@strapi/strapi/admin';
import { problemOfBody, type ErrorBody, type Problem } from './problem-body';

export { pathOf, problemOfBody, type ErrorBody, type FieldError, type Problem } from './problem-body';

/**
 * The problem of a failed call: from the admin's fetch client, or one that a call made without it
 * (the public Content API, a file download) attached as `problem`.
 */
export function problemOf(error: unknown, fallback: string): Problem {
  const own = (error as { problem?: Problem } | null)?.problem;
  if (own) return { ...own, message: own.message || fallback };
  if (!isFetchError(error)) return { message: fallback, fields: {} };
  return problemOfBody(error.response?.data?.error as ErrorBody | undefined, fallback, error.status);
}

/** A request the page itself abandoned (it moved on or closed) is not a failure to show. */
export const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError';
