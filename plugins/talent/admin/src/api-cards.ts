/** The user card's admin API (GET /talent/people/:id and its results' export), typed by the domain's contract; refusals come back in the page's language. */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { fetchFile } from '@qabilet/plugin-kit/admin';
import type { UserCardView } from '@qabilet/domain';

export type { CardSections, UserCardView } from '@qabilet/domain';

export function useCardsApi() {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      card: async (id: string) => (await get<{ data: UserCardView }>(`/talent/people/${encodeURIComponent(id)}`, options)).data.data,
      /** The results over time as a table for the psychologist. */
      exportResults: (id: string, file: 'xlsx' | 'csv') =>
        fetchFile(
          get,
          `/talent/people/${encodeURIComponent(id)}/export`,
          { ...options, params: new URLSearchParams({ file }).toString() },
          `card-${id}.${file}`,
        ),
    };
  }, [get, locale]);
}
