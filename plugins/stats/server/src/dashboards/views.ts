/**
 * The dashboard, the home page's summary and a panel's table as a file: the staff member's scope,
 * the place checked against it, then the role's panels.
 */
import type { Core } from '@strapi/strapi';
import {
  addDays,
  placeLevel,
  todayInKazakhstan,
  type DashboardView,
  type Language,
  type Panel,
  type PanelId,
  type PlaceFilter,
  type StatsQuery,
  type SummaryView,
} from '@qabilet/domain';
import { tableFile, type TableFile } from '@qabilet/plugin-kit/server';
import { StatsError } from '../errors';
import { namesIn } from './names';
import { overviewPanels, overviewSummary } from './overview';
import { checkPlace, statsScope, type AdminUser, type StatsScope } from './scope';
import { specialistPanels, specialistSummary } from './specialist';
import { word, type Frame } from './view';
import { remembered } from './memo';

/** The panels of each role, in the order the dashboard shows them. */
export const PANELS_OF: Record<StatsScope['role'], PanelId[]> = {
  specialist: ['consultations', 'noShows', 'recommendations', 'afterTest', 'ratings'],
  coordinator: [
    'testsByPlace',
    'testsByAge',
    'testsByDirection',
    'servicesByFormat',
    'recommendations',
    'growth',
    'repeats',
    'testTime',
    'itemTime',
    'partnersShare',
    'ratings',
  ],
  curator: [],
  admin: [],
};
PANELS_OF.curator = PANELS_OF.coordinator;
PANELS_OF.admin = PANELS_OF.coordinator;

async function frameOf(strapi: Core.Strapi, user: AdminUser, query: StatsQuery, language: Language): Promise<Frame> {
  const [scope, names] = await Promise.all([statsScope(strapi, user), namesIn(strapi, language)]);
  checkPlace(scope, query.place, names);
  return { knex: strapi.db.connection, scope, from: query.from, to: query.to, place: query.place, language, names };
}

/** The chosen place's names in the asked language, for the admin's breadcrumbs (a reload keeps them). */
function placeNames({ place, names }: Frame): PlaceFilter {
  const out: PlaceFilter = {};
  if (place.region) out.region = names.regions.get(place.region) ?? place.region;
  if (place.locality) out.locality = names.localities.get(place.locality)?.name ?? place.locality;
  if (place.centre) out.centre = names.centres.get(place.centre) ?? place.centre;
  return out;
}

const panelsOf = (f: Frame) => (f.scope.role === 'specialist' ? specialistPanels(f) : overviewPanels(f));

/** What an answer depends on: the scope (a specialist's own figures: their id), the period, the place, the language and its names. */
const answerKey = (what: string, f: Frame, ...more: unknown[]) => {
  const { role, all, regions, centres, centre, adminId } = f.scope;
  return [what, role, all, regions, centres, centre, role === 'specialist' ? adminId : null, f.from, f.to, f.place, f.language, f.names.version, ...more];
};

/** The dashboard's answer as the JSON sent (`{ data }`), kept with the view: an office's same dashboard is not serialised again. */
export async function dashboardJson(strapi: Core.Strapi, user: AdminUser, query: StatsQuery, language: Language): Promise<string> {
  const f = await frameOf(strapi, user, query, language);
  return remembered(answerKey('dashboard.json', f), async () => JSON.stringify({ data: (await viewOf(f)) satisfies DashboardView }));
}

const viewOf = (f: Frame): Promise<DashboardView> =>
  remembered(answerKey('dashboard', f), async () => ({
    role: f.scope.role,
    period: { from: f.from, to: f.to },
    place: { ...f.place, level: placeLevel(f.place), names: placeNames(f) },
    regions: f.scope.all ? null : f.scope.regions,
    panels: await panelsOf(f),
  }));

/** The last 30 days up to today, for the home page's widgets. */
export async function summaryView(strapi: Core.Strapi, user: AdminUser, language: Language, now = new Date()): Promise<SummaryView> {
  const to = todayInKazakhstan(now);
  const f = await frameOf(strapi, user, { from: addDays(to, -29), to, place: {} }, language);
  return remembered(answerKey('summary', f), async () => {
    const figures = f.scope.role === 'specialist' ? await specialistSummary(f) : await overviewSummary(f, `${to.slice(0, 8)}01`);
    return { role: f.scope.role, period: { from: f.from, to }, figures };
  });
}

const cell = (kind: string, v: number | null | undefined): string => {
  if (v === null || v === undefined) return '';
  if (kind === 'share') return `${(v * 100).toFixed(1)}%`;
  return String(v);
};

/** The panel's table — its rows and its total — as an XLSX or CSV file with headers in the language. */
export async function panelFile(
  strapi: Core.Strapi,
  user: AdminUser,
  id: PanelId,
  query: StatsQuery,
  file: 'xlsx' | 'csv',
  language: Language,
  now = new Date(),
): Promise<{ file: TableFile; scope: StatsScope; panel: Panel }> {
  const f = await frameOf(strapi, user, query, language);
  if (!PANELS_OF[f.scope.role].includes(id)) throw new StatsError(404, { code: 'panel.unknown' });
  // The dashboard's panels (kept while nothing changed), and the file made once for the same answer.
  const panel = (await viewOf(f)).panels.find((p) => p.id === id) as Panel;
  const made = await remembered(answerKey('file', f, id, file), () => {
    const row = (label: string, values: Record<string, number | null>) => [label, ...panel.columns.map((c) => cell(c.kind, values[c.key]))];
    const rows = panel.rows.map((r) => row(r.label, r.values));
    if (panel.total) rows.push(row(word(f, 'label.total'), panel.total));
    return tableFile({
      header: [word(f, `rows.${id}`), ...panel.columns.map((c) => word(f, `column.${c.key}`))],
      rows,
      file,
      sheet: word(f, `panel.${id}`),
      filename: `qabilet-${id}-${f.from}-${f.to}`,
      now,
    });
  });
  return { scope: f.scope, panel, file: made };
}
