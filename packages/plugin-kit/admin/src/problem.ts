/**
 * What a failed request tells the person. Every Qabilet plugin refuses in Strapi's error shape
 * (`{ data: null, error: { status, name, message, details: { errors: [{ path, message, code }], code } } }`,
 * in the request's language); `problemOf` reads it into the one `Problem` the pages show.
 */
import { isFetchError } from '@strapi/strapi/admin';

/** One field's refusal, as the server lists it in `details.errors`. */
export type FieldError = { path?: Array<string | number> | string; message?: string; code?: string };

/** Strapi's `error` member, read loosely: it came over the wire. */
export type ErrorBody = { status?: number; name?: string; message?: string; details?: { errors?: FieldError[]; code?: string } };

/**
 * The server's message, its HTTP status and stable code when it gave them, and per field (keyed by
 * its dotted path, as the form fields name themselves) its message.
 */
export type Problem = { message: string; fields: Record<string, string>; status?: number; code?: string };

/** A field's path as the form names it: `tests.0.scales.1.to`. */
export const pathOf = (path: FieldError['path']) => (Array.isArray(path) ? path.join('.') : String(path ?? ''));

/** The problem in an error body; two different messages for one field are read one after the other. */
export function problemOfBody(body: ErrorBody | undefined, fallback: string, status?: number): Problem {
  const fields: Record<string, string> = {};
  for (const item of body?.details?.errors ?? []) {
    const key = pathOf(item.path);
    if (item.message) fields[key] = fields[key] && fields[key] !== item.message ? `${fields[key]} ${item.message}` : item.message;
  }
  return { message: body?.message || fallback, fields, status: body?.status ?? status, code: body?.details?.code };
}

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
