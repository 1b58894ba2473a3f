/**
 * What the plugins' API modules share besides the admin's fetch client: query strings, and the few
 * reads of the public Content API (the site's reference data), which go without the admin's token.
 */

/** A query string of the values given, without the empty ones; the fetch client appends a string as it is (it would not encode `+` in a phone). */
export const queryOf = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(
    Object.entries(values)
      .filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '')
      .map(([k, v]) => [k, String(v)]),
  ).toString();

/** Where the admin's API is (the admin may be served apart from the CMS). */
export const backendURL = () => (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/** The languages the catalogue is kept in. */
export const CATALOGUE_LOCALES = ['kk', 'ru', 'en'] as const;
export type CatalogueLocale = (typeof CATALOGUE_LOCALES)[number];

/** The catalogue's language for the admin's one; an admin shown in another one reads the Russian names. */
export const catalogueLocale = (locale: string): CatalogueLocale =>
  CATALOGUE_LOCALES.includes(locale as CatalogueLocale) ? (locale as CatalogueLocale) : 'ru';

/**
 * A GET of the public Content API (`/api/<path>?<query>`). The body is read whatever the status (an
 * unreadable one as `{}`), so that a caller can show a refusal or fall back to nothing.
 */
export async function getPublic<T>(path: string, query: string, init: { signal?: AbortSignal; locale?: string } = {}): Promise<{ ok: boolean; body: T }> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.locale) headers['Accept-Language'] = init.locale;
  const response = await fetch(`${backendURL()}/api/${path}?${query}`, { headers, signal: init.signal });
  const body = (await response.json().catch(() => ({}))) as T;
  return { ok: response.ok, body };
}
