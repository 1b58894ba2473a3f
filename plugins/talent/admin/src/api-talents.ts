/**
 * The registry of talents' admin HTTP API as typed calls (the shapes are packages/domain's
 * contracts), in the admin's language so that refusals come back in the page's language.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { queryOf } from '@qabilet/plugin-kit/admin';
import type { TalentList, TalentListItem, TalentRules, TalentRulesView } from '@qabilet/domain';
import { TALENT_FILTER_KEYS } from '@qabilet/domain';

export type { TalentEvidence, TalentList, TalentListItem, TalentRules, TalentRulesVersion, TalentRulesView } from '@qabilet/domain';

export type TalentFilterKey = (typeof TALENT_FILTER_KEYS)[number];
export type TalentFilters = Partial<Record<TalentFilterKey, string>>;
export { TALENT_FILTER_KEYS };

export function useTalentsApi() {
  const { get, post, put } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      talents: async (filters: TalentFilters, page: number, pageSize: number) =>
        (await get<TalentList>('/talent/talents', { ...options, params: queryOf({ ...filters, page, pageSize }) })).data,
      confirm: async (entryId: number, note: string) =>
        (await post<{ data: TalentListItem | null }>(`/talent/talents/${entryId}/confirm`, { note }, options)).data.data,
      rules: async () => (await get<{ data: TalentRulesView }>('/talent/rules', options)).data.data,
      saveRules: async (rules: Partial<Record<keyof TalentRules, unknown>>) =>
        (await put<{ data: TalentRulesView }>('/talent/rules', rules, options)).data.data,
    };
  }, [get, post, put, locale]);
}
