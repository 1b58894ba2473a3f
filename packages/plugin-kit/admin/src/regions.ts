/** Kazakhstan's regions by code, named in the page's language (the public catalogue, read once a page). */
import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { catalogueLocale, getPublic } from './http';

export type Region = { code: string; name: string };

export function useRegions(): Region[] {
  const { locale } = useIntl();
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    const query = new URLSearchParams({
      'fields[0]': 'code',
      'fields[1]': 'name',
      locale: catalogueLocale(locale),
      'pagination[pageSize]': '100',
      sort: 'name',
    });
    getPublic<{ data?: Region[] }>('regions', query.toString(), { signal: controller.signal }).then(
      ({ ok, body }) => setRegions(ok ? (body.data ?? []).map(({ code, name }) => ({ code, name })) : []),
      () => undefined,
    );
    return () => controller.abort();
  }, [locale]);
  return regions;
}
