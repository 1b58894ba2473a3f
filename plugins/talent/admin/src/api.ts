/**
 * The registry's admin HTTP API as typed calls (the shapes are packages/domain's contracts). Every
 * request names the admin's language, so that refusals come back in the language of the page.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { fetchFile, queryOf } from '@qabilet/plugin-kit/admin';
import type { PeopleList, RegistryMe } from '@qabilet/domain';

export type { PeopleList, PersonListItem, RegistryMe } from '@qabilet/domain';

/** The list's filters as the query string carries them (several values comma-separated); empty means "any". */
export const FILTER_KEYS = ['q', 'kind', 'region', 'ageGroup', 'education', 'userType', 'consent', 'service', 'talent', 'activeFrom', 'activeTo'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filters = Partial<Record<FilterKey, string>>;
export type Template = { key: string; name: string };

export function useTalentApi() {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      options,
      me: async () => (await get<{ data: RegistryMe }>('/talent/me', options)).data.data,
      people: async (filters: Filters, page: number, pageSize: number) =>
        (await get<PeopleList>('/talent/people', { ...options, params: queryOf({ ...filters, page, pageSize }) })).data,
      templates: async () => (await get<{ data: Template[] }>('/talent/people-export/templates', options)).data.data,
      exportFile: (query: Filters & { file: 'xlsx' | 'csv'; template: string; locale: string }) =>
        fetchFile(get, '/talent/people-export', { ...options, params: queryOf(query) }, `people.${query.file}`),
    };
  }, [get, locale]);
}
