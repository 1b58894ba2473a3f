/** The open statistics as CSV (one row per year, region, age group and format; KATO codes; the snapshot's date). */
import type { APIRoute } from 'astro';
import { localeParams, t, type Locale } from '../../../i18n';
import { getRegions } from '../../../lib/cms';
import { getOpenStatistics } from '../../../lib/content';
import { openDataRows, toCsv } from '../../../lib/open-data';

export const getStaticPaths = localeParams;

export const GET: APIRoute = async ({ params }) => {
  const locale = params.locale as Locale;
  const [statistics, regions] = await Promise.all([getOpenStatistics(), getRegions(locale)]);
  const rows = openDataRows(statistics, new Map(regions.map((r) => [r.code, r.name])), t(locale)('open.country'));
  return new Response(toCsv(rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
