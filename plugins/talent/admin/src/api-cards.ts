/** The user card's admin API (GET /talent/people/:id), typed by the domain's contract; refusals come back in the page's language. */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import type { UserCardView } from '@qabilet/domain';

export type { CardSections, UserCardView } from '@qabilet/domain';

export function useCardsApi() {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    return {
      card: async (id: string) => (await get<{ data: UserCardView }>(`/talent/people/${encodeURIComponent(id)}`, options)).data.data,
    };
  }, [get, locale]);
}
