/**
 * The dashboard's admin HTTP API as typed calls (the shapes are packages/domain's stats-view.ts).
 * Every request names the admin's language, so that names and refusals come back in it.
 */
import { useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useFetchClient } from '@strapi/strapi/admin';
import { catalogueLocale, fetchFile, queryOf } from '@qabilet/plugin-kit/admin';
import type { DashboardView, PanelId, PlaceFilter, SummaryView } from '@qabilet/domain';

export type { ColumnKind, DashboardView, Panel, PanelColumn, PanelId, PanelRow, PlaceFilter, PlaceLevel, SummaryView } from '@qabilet/domain';

/** What the dashboard is asked for: a period (the server's last twelve months when left out) and a place. */
export type DashboardQuery = PlaceFilter & { from?: string; to?: string };
export type ExportFile = 'xlsx' | 'csv';

export function useStatsApi() {
  const { get } = useFetchClient();
  const { locale } = useIntl();
  return useMemo(() => {
    const options = { headers: { 'Accept-Language': locale } };
    const names = catalogueLocale(locale);
    return {
      dashboard: async (query: DashboardQuery) =>
        (await get<{ data: DashboardView }>('/stats/dashboard', { ...options, params: queryOf({ ...query, locale: names }) })).data.data,
      summary: async () => (await get<{ data: SummaryView }>('/stats/summary', { ...options, params: queryOf({ locale: names }) })).data.data,
      /** A panel's table as a file, its headers in `headers`' language. */
      exportPanel: (panel: PanelId, query: DashboardQuery, format: ExportFile, headers: string) =>
        fetchFile(get, `/stats/panels/${panel}/export`, { ...options, params: queryOf({ ...query, format, locale: headers }) }, `${panel}.${format}`),
    };
  }, [get, locale]);
}
