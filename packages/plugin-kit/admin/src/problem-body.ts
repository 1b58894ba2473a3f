/**
 * What a failed request tells the person. Every Qabilet plugin refuses in Strapi's error shape
 * (`{ data: null, error: { status, name, message, details: { errors: [{ path, message, code }], code } } }`,
 * in the request's language); `problemOfBody` reads its `error` into the one `Problem` the pages
 * show. Pure, so that it can be tested without the admin.
 */

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

/** The problem in an error body; different messages for one field are read one after the other, each once. */
export function problemOfBody(body: ErrorBody | undefined, fallback: string, status?: number): Problem {
  const fields: Record<string, string> = {};
  const messages = new Map<string, string[]>();
  for (const item of body?.details?.errors ?? []) {
    const key = pathOf(item.path);
    const said = messages.get(key) ?? [];
    if (!item.message || said.includes(item.message)) continue;
    messages.set(key, [...said, item.message]);
    fields[key] = [...said, item.message].join(' ');
  }
  return { message: body?.message || fallback, fields, status: body?.status ?? status, code: body?.details?.code };
}
