/**
 * The staff's dashboards (R-DASH, issue 19): the panels of their role within their scope for a
 * period and a place, the home page's summary, and a panel's table as XLSX/CSV (audited: who,
 * which panel, which filters — no personal data). Every figure is read from the rollups.
 */
import type { Context } from 'koa';
import { checkStatsQuery, isLanguage, PANEL_IDS, todayInKazakhstan, type PanelId, type SummaryView } from '@qabilet/domain';
import { audit, handle, routeConfigs, type Part } from '@qabilet/plugin-kit/server';
import { invalid, StatsError, type Problem } from '../errors';
import { languageOf } from '../messages';
import type { AdminUser } from './scope';
import { dashboardJson, panelFile, summaryView } from './views';

const { can } = routeConfigs('stats');
const adminOf = (ctx: Context) => ctx.state.user as AdminUser;

/** The query checked field by field (400 with every problem), and the language of the names. */
function queryOf(ctx: Context, extra: string[] = []) {
  const raw = ctx.query as Record<string, unknown>;
  const checked = checkStatsQuery(raw, todayInKazakhstan(), extra);
  return { raw, query: checked.query, problems: checked.problems as Problem[], language: checked.query.locale ?? languageOf(ctx) };
}

const part: Part = {
  name: 'dashboards',
  actions: { read: 'See the dashboards of one’s role (within its scope)', export: 'Export the dashboards’ tables' },
  admin: [
    ['GET /dashboard', 'dashboard', can('read')],
    ['GET /summary', 'summary', can('read')],
    ['GET /panels/:panel/export', 'export', can('export')],
  ],
  controllers: (strapi) => ({
    dashboard: handle(async (ctx) => {
      const { query, problems, language } = queryOf(ctx);
      if (problems.length) throw invalid(problems);
      ctx.set('Cache-Control', 'no-store');
      ctx.type = 'application/json';
      ctx.body = await dashboardJson(strapi, adminOf(ctx), query, language);
    }),
    summary: handle(async (ctx) => {
      const raw = ctx.query as Record<string, unknown>;
      const problems: Problem[] = Object.keys(raw)
        .filter((k) => k !== 'locale')
        .map((field) => ({ field, code: 'field.notAllowed' }));
      if (raw.locale !== undefined && !isLanguage(raw.locale)) problems.push({ field: 'locale', code: 'locale.malformed' });
      if (problems.length) throw invalid(problems);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: (await summaryView(strapi, adminOf(ctx), languageOf(ctx))) satisfies SummaryView };
    }),
    export: handle(async (ctx) => {
      const panel = ctx.params.panel as string;
      if (!(PANEL_IDS as readonly string[]).includes(panel)) throw new StatsError(404, { code: 'panel.unknown' });
      const { raw, query, problems, language } = queryOf(ctx, ['format']);
      if (raw.format !== 'xlsx' && raw.format !== 'csv') problems.push({ field: 'format', code: 'export.format' });
      if (problems.length) throw invalid(problems);
      const format = raw.format as 'xlsx' | 'csv';
      const { file, scope } = await panelFile(strapi, adminOf(ctx), panel as PanelId, query, format, language);
      await audit(strapi, {
        actorType: 'admin',
        actorId: scope.adminId,
        action: 'stats.export',
        subjectType: 'stats-panel',
        subjectId: panel,
        details: { format, from: query.from, to: query.to, ...query.place, locale: language, rows: file.rows },
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
      ctx.type = file.type;
      ctx.body = file.body;
    }),
  }),
};

export default part;
