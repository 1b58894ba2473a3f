/**
 * The partners' admin HTTP API (README "HTTP") as typed calls. Every request names the
 * admin's language, so that the server's texts (field errors, the log's explanations, the queue's
 * reasons) come back in the language the page is shown in.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { isFetchError, useFetchClient } from '@strapi/strapi/admin';

export type PartnerKind = 'lti' | 'callback' | 'desktop';
export const PARTNER_KINDS: readonly PartnerKind[] = ['lti', 'callback', 'desktop'];

export type Text = { kk: string; ru: string; en: string };
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type ScaleMap = { from: string; to: string; min: number; max: number };
export type PartnerTest = { key: string; name: Text; url?: string; scales: ScaleMap[] };
export type Share = { name: boolean; email: boolean };

/** The columns of a desktop export file, each named by its header; `takenAt` is the one required. */
export const COLUMN_KEYS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export type DesktopColumns = Partial<Record<ColumnKey, string>>;

/** `partners.config`, by kind; read loosely, since a partner's config is whatever its kind keeps. */
export type PartnerConfig = {
  loginUrl?: string;
  launchUrl?: string;
  redirectUris?: string[];
  jwksUrl?: string;
  deploymentId?: string;
  share?: Share;
  centre?: string;
  columns?: DesktopColumns;
  [key: string]: unknown;
};

/** Epoch milliseconds, or an ISO string. */
export type Instant = number | string;

export type PartnerView = {
  id: number;
  clientId: string;
  kind: PartnerKind;
  name: string;
  config: PartnerConfig;
  tests: PartnerTest[];
  active: boolean;
  secretHint: string | null;
  createdAt: Instant;
  updatedAt: Instant;
  counts?: { launches: number; results: number; refused: number };
};

/** What to give the partner: the platform's addresses and ids, those of its kind filled in. */
export type Platform = Partial<Record<PlatformKey, string | null>>;
export const PLATFORM_KEYS = ['issuer', 'clientId', 'deploymentId', 'authUrl', 'tokenUrl', 'jwksUrl', 'lineItemsUrl', 'callbackUrl', 'desktopUrl'] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number];

export type PartnerEvent = { id: number; kind: string; outcome: 'ok' | 'refused'; code: string; explanation: string; detail: string | null; at: Instant };
export type PageMeta = { page: number; pageSize: number; total: number };
export type Scale = { key: string; name: Text };

export type PartnerInput = { kind: PartnerKind; name: string; config: PartnerConfig; tests: PartnerTest[] };
export type PartnerChange = { name?: string; config?: PartnerConfig; tests?: PartnerTest[]; active?: boolean };

export type DesktopPartner = { id: number; clientId: string; name: string; centre: string; columns: DesktopColumns; tests: PartnerTest[] };
export type FieldError = { path: Array<string | number> | string; message: string; code?: string; column?: string };
export type ImportSummary = { rows: number; imported: number; queued: number; duplicates: number; rejected: Array<{ row: number; errors: FieldError[] }> };
export type Candidate = { kind: 'user' | 'child'; id: number | string; name: string };
export type QueuedRow = {
  id: number;
  partnerId: number;
  fileName: string | null;
  createdAt: Instant;
  reason: string;
  explanation: string;
  values: { externalId?: string | null; phone?: string | null; email?: string | null; bookingRef?: string | null; test?: string | null; takenAt?: string | null; scores?: Record<string, number | string> };
  candidates?: Candidate[];
};
/** How a queued row is settled: one of its candidates, a person found again from corrected details, or nobody. */
export type Resolution = { person: { kind: 'user' | 'child'; id: number | string } } | { phone?: string; email?: string; bookingRef?: string } | { discard: true };
export type Centre = { slug: string; name: string };

/** What a failed request tells the person: the server's message, its HTTP status and, per field, its messages. */
export type Problem = { message: string; fields: Record<string, string>; status?: number };

type ErrorBody = { status?: number; message?: string; details?: { errors?: Array<{ path?: Array<string | number> | string; message?: string }> } } | undefined;

/** A field's path as the form names it: `tests.0.scales.1.to`. */
export const pathOf = (path: FieldError['path'] | undefined) => (Array.isArray(path) ? path.join('.') : String(path ?? ''));

/** Field errors keyed by their dotted path; two problems of one field are read one after the other. */
export function problemOfBody(body: ErrorBody, fallback: string, status?: number): Problem {
  const fields: Record<string, string> = {};
  for (const item of body?.details?.errors ?? []) {
    const key = pathOf(item.path);
    if (item.message) fields[key] = fields[key] && fields[key] !== item.message ? `${fields[key]} ${item.message}` : item.message;
  }
  return { message: body?.message || fallback, fields, status: body?.status ?? status };
}

export function problemOf(error: unknown, fallback: string): Problem {
  if (!isFetchError(error)) return { message: fallback, fields: {} };
  return problemOfBody(error.response?.data?.error as ErrorBody, fallback, error.status);
}

/** A request the page itself abandoned (it moved on or closed) is not a failure to show. */
export const isAbort = (error: unknown) => (error as { name?: unknown } | null)?.name === 'AbortError';

export const queryOf = (values: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== '').map(([k, v]) => [k, String(v)])).toString();

/** Where the admin's API is (the admin may be served apart from the CMS). */
const backendURL = () => (window as unknown as { strapi?: { backendURL?: string } }).strapi?.backendURL ?? '';

/** The catalogue's languages; an admin shown in another one reads the Russian names. */
export const catalogueLocale = (locale: string): Language => (LANGUAGES.includes(locale as Language) ? (locale as Language) : 'ru');

const partnerPath = (id: number | string) => `/partners/partners/${encodeURIComponent(String(id))}`;

export function usePartnersApi() {
  const { get, post, put } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      list: async () => (await get<{ data: PartnerView[] }>('/partners/partners', options)).data.data,
      create: async (body: PartnerInput) => (await post<{ data: PartnerView; secret: string | null; platform: Platform }>('/partners/partners', body, options)).data,
      one: async (id: string) => (await get<{ data: PartnerView; platform: Platform }>(partnerPath(id), options)).data,
      update: async (id: number, body: PartnerChange) => (await put<{ data: PartnerView }>(partnerPath(id), body, options)).data.data,
      rotate: async (id: number) => (await post<{ data: PartnerView; secret: string }>(`${partnerPath(id)}/secret`, {}, options)).data,
      events: async (id: number, page: number, pageSize: number) =>
        (await get<{ data: PartnerEvent[]; meta: PageMeta }>(`${partnerPath(id)}/events`, { ...options, params: queryOf({ page, pageSize }) })).data,
      scales: async () => (await get<{ data: Scale[] }>('/partners/scales', options)).data.data,

      desktop: async () => (await get<{ data: DesktopPartner[] }>('/partners/desktop', options)).data.data,
      saveColumns: async (id: number, columns: DesktopColumns) => (await put<{ data: unknown }>(`/partners/desktop/${id}/columns`, { columns }, options)).data.data,
      importFile: async (id: number, body: { fileName: string; content: string; format: 'csv' | 'xlsx' }) =>
        (await post<{ data: ImportSummary }>(`/partners/desktop/${id}/imports`, body, options)).data.data,
      queue: async (partner: number, page: number) =>
        (await get<{ data: QueuedRow[]; meta?: Partial<PageMeta> }>('/partners/queue', { ...options, params: queryOf({ partner, page }) })).data,
      resolve: async (rowId: number, body: Resolution) => (await post<{ data: unknown }>(`/partners/queue/${rowId}/resolve`, body, options)).data.data,

      /** The centres, from the public Content API (the site's reference data), named in the page's language. */
      centres: async (signal?: AbortSignal): Promise<Centre[]> => {
        const query = new URLSearchParams({ 'fields[0]': 'slug', 'fields[1]': 'name', locale: catalogueLocale(locale), sort: 'name', 'pagination[pageSize]': '100' });
        const response = await fetch(`${backendURL()}/api/centres?${query}`, { headers: { Accept: 'application/json' }, signal });
        const body = (await response.json().catch(() => ({}))) as { data?: Centre[] };
        return (response.ok ? (body.data ?? []) : []).map(({ slug, name }) => ({ slug, name }));
      },
    };
  }, [get, post, put, locale]);
}
