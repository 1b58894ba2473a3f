/** The open statistics as JSON: the same rows as the CSV, with the snapshot, the rule's threshold and the dictionary's address. */
import type { APIRoute } from 'astro';
import { getAbsoluteLocaleUrl } from 'astro:i18n';
import { localeParams, t, type Locale } from '../../../i18n';
import { getRegions } from '../../../lib/cms';
import { getOpenStatistics } from '../../../lib/content';
import { COLUMNS, openDataRows } from '../../../lib/open-data';
import { snapshotDate } from '../../../lib/open-stats';

export const getStaticPaths = localeParams;

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const [statistics, regions] = await Promise.all([getOpenStatistics(), getRegions(locale)]);
  const body = {
    snapshotDate: snapshotDate(statistics),
    snapshotAt: statistics.snapshotAt,
    threshold: statistics.threshold,
    dictionary: getAbsoluteLocaleUrl(locale, 'statistics/dictionary/'),
    columns: COLUMNS,
    rows: openDataRows(statistics, new Map(regions.map((r) => [r.code, r.name])), t(locale)('open.country')),
  };
  return new Response(JSON.stringify(body, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
