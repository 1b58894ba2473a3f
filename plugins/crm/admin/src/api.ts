/**
 * The registry's admin HTTP API (README "Admin API") as typed calls. Every request names the
 * admin's language, so that the server's messages come back in the language the page is shown in.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { fetchFile, getPublic, problemOfBody, queryOf, type ErrorBody } from '@qabilet/plugin-kit/admin';
import type { BulkResult, Closing, CrmMe, ExportTemplateView, Format, PhoneMatch, RequestPage, RequestView, Service, SlotView } from '@qabilet/domain';

export type { Closing, Format, RequestSource, RequestStatus, Service } from '@qabilet/domain';

/** What the API sends (packages/domain/src/crm-view.ts), by the names the pages use. */
export type { CrmMe as Me, CrmRole as Role, PersonKind, RequestHistoryEntry as HistoryEntry, RequestView as CrmRequest } from '@qabilet/domain';
export type Can = CrmMe['can'];
export type Centre = CrmMe['centres'][number];
export type Specialist = CrmMe['specialists'][number];
export type Region = CrmMe['regions'][number];

/** The registry's filters as the query string carries them; an empty value means "any". */
export const FILTER_KEYS = ['status', 'centre', 'specialist', 'service', 'format', 'source', 'from', 'to', 'phone'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export type Pagination = RequestPage['meta']['pagination'];

export type { PhoneMatch as Person, BulkResult, ExportTemplateView as Template } from '@qabilet/domain';
export type NewRequest = {
  person: { user: string; child?: string } | { lead: { name: string; phone: string } };
  service: Service;
  format: Format;
  region?: string;
  centre?: string;
  wish?: string;
  consent?: true;
};
export type BulkAction = 'assign' | 'no_answer' | 'cancel';
export type ExportQuery = Filters & { file: 'xlsx' | 'csv'; template: string; locale: string };
export type { SlotView as Slot } from '@qabilet/domain';
export type SlotQuery = { centre?: string; service: Service; format: Format; from: string; to: string };

export function useCrmApi() {
  const { get, post } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    const requestPath = (id: string) => `/crm/requests/${encodeURIComponent(id)}`;
    return {
      me: async () => (await get<{ data: CrmMe }>('/crm/me', options)).data.data,
      list: async (filters: Filters, page: number, pageSize: number) =>
        (await get<RequestPage>('/crm/requests', { ...options, params: queryOf({ ...filters, page, pageSize }) })).data,
      one: async (id: string) => (await get<{ data: RequestView }>(requestPath(id), options)).data.data,
      create: async (body: NewRequest) => (await post<{ data: RequestView }>('/crm/requests', body, options)).data.data,
      people: async (phone: string) => (await get<{ data: PhoneMatch[] }>('/crm/people', { ...options, params: queryOf({ phone }) })).data.data,
      book: async (id: string, slot: string) => (await post<{ data: RequestView }>(`${requestPath(id)}/book`, { slot }, options)).data.data,
      assign: async (id: string, specialist: number) => (await post<{ data: RequestView }>(`${requestPath(id)}/assign`, { specialist }, options)).data.data,
      close: async (id: string, status: Closing, note?: string) =>
        (await post<{ data: RequestView }>(`${requestPath(id)}/close`, { status, ...(note ? { note } : {}) }, options)).data.data,
      bulk: async (body: { ids: string[]; action: BulkAction; specialist?: number; note?: string }) =>
        (await post<{ data: BulkResult }>('/crm/requests/bulk', body, options)).data.data,
      templates: async () => (await get<{ data: ExportTemplateView[] }>('/crm/exports/templates', options)).data.data,
      currentCall: async (signal?: AbortSignal) => (await get<{ data: RequestView | null }>('/crm/calls/current', { ...options, signal })).data.data,
      /** The filtered list as a file; the fetch client carries the admin's token, which a plain link could not. */
      exportFile: async (query: ExportQuery) => fetchFile(get, '/crm/exports/requests', { ...options, params: queryOf(query) }, `requests.${query.file}`),
      /** Free slots come from the public Content API (no admin token: it is not the admin's API). */
      slots: async (query: SlotQuery, signal?: AbortSignal): Promise<SlotView[]> => {
        // A refusal travels as the error's `problem`, which the plugin kit's problemOf shows as it is.
        const { ok, body } = await getPublic<{ data?: SlotView[]; error?: ErrorBody }>('booking/slots', queryOf(query), { signal, locale });
        if (!ok) throw Object.assign(new Error('slots'), { problem: problemOfBody(body.error, '') });
        return body.data ?? [];
      },
    };
  }, [get, post, locale]);
}
