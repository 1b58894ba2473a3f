/**
 * The partners' admin HTTP API (README "HTTP") as typed calls. Every request names the
 * admin's language, so that the server's texts (field errors, the log's explanations, the queue's
 * reasons) come back in the language the page is shown in.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { catalogueLocale, getPublic, queryOf } from '@qabilet/plugin-kit/admin';
import type {
  DesktopPartnerView,
  ImportSummary,
  KnownScale,
  PartnerAdminView,
  PartnerEventPage,
  PartnerKind,
  PartnerPlatform,
  PartnerTestConfig,
  QueuePage,
  QueueResolution,
  Share,
} from '@qabilet/domain';

/** What the API sends (packages/domain/src/partners-view.ts), by the names the pages use. */
export type {
  DesktopPartnerView as DesktopPartner,
  ImportSummary,
  KnownScale as Scale,
  PartnerAdminView as PartnerView,
  PartnerEventView as PartnerEvent,
  PartnerKind,
  PartnerPlatform as Platform,
  QueueCandidate as Candidate,
  QueuedRowView as QueuedRow,
  ScaleMap,
  Share,
} from '@qabilet/domain';
export const PARTNER_KINDS: readonly PartnerKind[] = ['lti', 'callback', 'desktop'];

export type { Text } from '@qabilet/domain';
export const LANGUAGES = ['kk', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export type { PartnerTestConfig as PartnerTest } from '@qabilet/domain';

/** The columns of a desktop export file, each named by its header; `takenAt` is the one required. */
export const COLUMN_KEYS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt'] as const;
export type ColumnKey = (typeof COLUMN_KEYS)[number];
export type DesktopColumns = Partial<Record<ColumnKey, string>>;

/** `partners.config` as a form reads and sends it: every kind's fields, each optional. */
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

/** The order the page lists the platform's addresses and ids in. */
export const PLATFORM_KEYS = ['issuer', 'clientId', 'deploymentId', 'authUrl', 'tokenUrl', 'jwksUrl', 'lineItemsUrl', 'callbackUrl', 'desktopUrl'] as const;
export type PlatformKey = (typeof PLATFORM_KEYS)[number] & keyof PartnerPlatform;

export type PageMeta = PartnerEventPage['meta'];

export type PartnerInput = { kind: PartnerKind; name: string; config: PartnerConfig; tests: PartnerTestConfig[] };
export type PartnerChange = { name?: string; config?: PartnerConfig; tests?: PartnerTestConfig[]; active?: boolean };

export type FieldError = { path: Array<string | number> | string; message: string; code?: string; column?: string };
/** How a queued row is settled: one of its candidates, a person found again from corrected details, or nobody. */
export type Resolution =
  { person: { kind: 'user' | 'child'; id: number | string } } | { phone?: string; email?: string; bookingRef?: string } | { discard: true };
export type Centre = { slug: string; name: string };

const partnerPath = (id: number | string) => `/partners/partners/${encodeURIComponent(String(id))}`;

export function usePartnersApi() {
  const { get, post, put } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      list: async () => (await get<{ data: PartnerAdminView[] }>('/partners/partners', options)).data.data,
      create: async (body: PartnerInput) =>
        (await post<{ data: PartnerAdminView; secret: string | null; platform: PartnerPlatform }>('/partners/partners', body, options)).data,
      one: async (id: string) => (await get<{ data: PartnerAdminView; platform: PartnerPlatform }>(partnerPath(id), options)).data,
      update: async (id: number, body: PartnerChange) =>
        (await put<{ data: PartnerAdminView; platform: PartnerPlatform }>(partnerPath(id), body, options)).data.data,
      rotate: async (id: number) => (await post<{ data: PartnerAdminView; secret: string }>(`${partnerPath(id)}/secret`, {}, options)).data,
      events: async (id: number, page: number, pageSize: number) =>
        (await get<PartnerEventPage>(`${partnerPath(id)}/events`, { ...options, params: queryOf({ page, pageSize }) })).data,
      scales: async () => (await get<{ data: KnownScale[] }>('/partners/scales', options)).data.data,

      desktop: async () => (await get<{ data: DesktopPartnerView[] }>('/partners/desktop', options)).data.data,
      saveColumns: async (id: number, columns: DesktopColumns) =>
        (await put<{ data: DesktopPartnerView }>(`/partners/desktop/${id}/columns`, { columns }, options)).data.data,
      importFile: async (id: number, body: { fileName: string; content: string; format: 'csv' | 'xlsx' }) =>
        (await post<{ data: ImportSummary }>(`/partners/desktop/${id}/imports`, body, options)).data.data,
      queue: async (partner: number, page: number) => (await get<QueuePage>('/partners/queue', { ...options, params: queryOf({ partner, page }) })).data,
      resolve: async (rowId: number, body: Resolution) => (await post<{ data: QueueResolution }>(`/partners/queue/${rowId}/resolve`, body, options)).data.data,

      /** The centres, from the public Content API (the site's reference data), named in the page's language. */
      centres: async (signal?: AbortSignal): Promise<Centre[]> => {
        const query = new URLSearchParams({
          'fields[0]': 'slug',
          'fields[1]': 'name',
          locale: catalogueLocale(locale),
          sort: 'name',
          'pagination[pageSize]': '100',
        });
        const { ok, body } = await getPublic<{ data?: Centre[] }>('centres', query.toString(), { signal });
        return (ok ? (body.data ?? []) : []).map(({ slug, name }) => ({ slug, name }));
      },
    };
  }, [get, post, put, locale]);
}
