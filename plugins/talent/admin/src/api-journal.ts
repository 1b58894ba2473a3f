/**
 * The consultation journal's admin HTTP API as typed calls (the shapes are packages/domain's
 * contracts): the specialist's completed consultations, an entry, its draft saves (naming the
 * version they were read at), signature and amendments; the coordinator's samples and reviews.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { queryOf } from '@qabilet/plugin-kit/admin';
import type { JournalEntryView, JournalFields, JournalList, JournalReviewVerdict, JournalSample, JournalSampleView } from '@qabilet/domain';

export type {
  JournalEntryView,
  JournalFields,
  JournalLink,
  JournalList,
  JournalListItem,
  JournalRecommendation,
  JournalReviewVerdict,
  JournalRevision,
  JournalSample,
  JournalSampleView,
  JournalState,
  LinkKind,
} from '@qabilet/domain';
export { EMPTY_FIELDS, LINK_KINDS } from '@qabilet/domain';

export type JournalText = JournalFields & { notes: string };

export function useJournalApi() {
  const { get, put, post } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    const base = (id: number) => `/talent/journal/${id}`;
    const entry = async (call: Promise<{ data: { data: JournalEntryView } }>) => (await call).data.data;
    return {
      list: async (page: number, pageSize: number) => (await get<JournalList>('/talent/journal', { ...options, params: queryOf({ page, pageSize }) })).data,
      entry: (id: number) => entry(get(base(id), options)),
      saveDraft: (id: number, version: number, text: JournalText) => entry(put(`${base(id)}/draft`, { version, ...text }, options)),
      sign: (id: number, version: number) => entry(post(`${base(id)}/sign`, { version }, options)),
      amend: (id: number, version: number, text: JournalText, reason: string) => entry(post(`${base(id)}/amend`, { version, reason, ...text }, options)),
      samples: async () => (await get<{ data: JournalSample[] }>('/talent/journal/samples', options)).data.data,
      sample: async (id: number) => (await get<{ data: JournalSampleView }>(`/talent/journal/samples/${id}`, options)).data.data,
      draw: async (body: { from: string; to: string; size: number | string }) =>
        (await post<{ data: JournalSampleView }>('/talent/journal/samples', body, options)).data.data,
      review: async (sample: number, body: { entryId: number; verdict: JournalReviewVerdict | ''; comment: string }) =>
        (await post<{ data: JournalSampleView }>(`/talent/journal/samples/${sample}/reviews`, body, options)).data.data,
    };
  }, [get, put, post, locale]);
}
