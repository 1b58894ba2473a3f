/**
 * The registry of users (R-REG-1): every person Qabilet knows, in one list within the staff
 * member's scope, searched and filtered, and exported by template; kept by project.ts and events.ts.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkPeopleFilters, isLanguage, PEOPLE_FILTER_KEYS, type PeopleList, type RegistryMe } from '@qabilet/domain';
import { audit, handle, routeConfigs } from '@qabilet/plugin-kit/server';
import type { Part } from '../part';
import { adminOf, can, knownOnly, pageOf, refuse } from '../admin';
import { invalid, type Problem } from '../errors';
import { languageOf, message } from '../messages';
import { talentScope } from '../scope';
import { ensurePeopleTables } from './tables';
import { listPeople, MAX_PAGE_SIZE } from './list';
import { checkColumns, DEFAULT_TEMPLATE, exportPeople, TEMPLATE, templates } from './export';
import { followSources } from './events';
import { reconcilePeople } from './project';

const { can: allowed } = routeConfigs('talent');

/** The actions every part names in `me.can` (each part registers its own). */
export const RIGHTS = ['read', 'card', 'export', 'journal', 'review', 'confirm', 'settings', 'specialists'];

/** Refuses an export template whose columns the export does not know, in the admin's words. */
function checkTemplate(event: { params: { data?: Record<string, unknown> } }) {
  const columns = event.params.data?.columns;
  if (columns === undefined) return;
  const checked = checkColumns(columns);
  if (checked.ok) return;
  const text = (p: Problem) => `${p.field}: ${message('en', p.code, p.values)}`;
  throw new errors.ValidationError(checked.problems.map((p) => text(p as Problem)).join(' '), {
    errors: checked.problems.map((p) => ({ path: ['columns'], message: text(p as Problem), name: 'ValidationError' })),
  });
}

const part: Part = {
  name: 'people',
  actions: { read: 'See the registry of users (within the role’s scope; operators: name, phone and open requests)', export: 'Export the registry of users' },
  tables: ensurePeopleTables,
  async bootstrap(strapi: Core.Strapi) {
    strapi.db.lifecycles.subscribe({ models: [TEMPLATE], beforeCreate: checkTemplate, beforeUpdate: checkTemplate } as never);
    if (!(await strapi.db.query(TEMPLATE).count({}))) await strapi.db.query(TEMPLATE).create({ data: DEFAULT_TEMPLATE });
    followSources(strapi);
    // A new database (or one that had no registry yet) gets its registry at once.
    const { n } = (await strapi.db.connection('talent_people').count({ n: '*' }).first()) as { n: number | string };
    if (Number(n) === 0) await reconcilePeople(strapi);
  },
  admin: [
    ['GET /me', 'me', allowed('read')],
    ['GET /people', 'list', allowed('read')],
    ['GET /people-export/templates', 'templates', allowed('export')],
    ['GET /people-export', 'export', allowed('export')],
  ],
  controllers: (strapi) => ({
    me: handle(async (ctx) => {
      const scope = await talentScope(strapi, adminOf(ctx));
      ctx.body = {
        data: {
          role: scope.role,
          limited: scope.limited,
          readOnly: scope.readOnly,
          regions: scope.regions,
          centre: scope.centre,
          can: Object.fromEntries(RIGHTS.map((r) => [r, can(ctx, r) && !(scope.readOnly && ['journal', 'review', 'confirm'].includes(r))])),
        } satisfies RegistryMe,
      };
    }),
    list: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      const paging = pageOf(query, MAX_PAGE_SIZE);
      const checked = checkPeopleFilters(query);
      refuse([...knownOnly(query, [...PEOPLE_FILTER_KEYS, 'page', 'pageSize', 'locale']), ...paging.problems, ...(checked.problems as Problem[])]);
      const scope = await talentScope(strapi, adminOf(ctx));
      // Who looked at which list (the filters' names, never what was searched for), written beside the query.
      const [list] = await Promise.all([
        listPeople(strapi, scope, checked.filters, paging.page, paging.pageSize),
        audit(strapi, {
          actorType: 'admin',
          actorId: scope.adminId,
          action: 'talent.people.list',
          details: { filters: Object.keys(checked.filters), page: paging.page },
        }),
      ]);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = list satisfies PeopleList;
    }),
    templates: handle(async (ctx) => {
      ctx.body = { data: await templates(strapi) };
    }),
    export: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      const checked = checkPeopleFilters(query);
      const problems: Problem[] = [...knownOnly(query, [...PEOPLE_FILTER_KEYS, 'file', 'template', 'locale']), ...(checked.problems as Problem[])];
      if (query.file !== 'xlsx' && query.file !== 'csv') problems.push({ field: 'file', code: 'export.file' });
      const template = (await templates(strapi)).find((t) => (query.template ? t.key === query.template : t.isDefault));
      if (!template) problems.push({ field: 'template', code: 'export.template' });
      if (problems.length || !template) throw invalid(problems);
      const scope = await talentScope(strapi, adminOf(ctx));
      const language = isLanguage(query.locale) ? query.locale : languageOf(ctx);
      const file = await exportPeople(strapi, scope, checked.filters, template, query.file as 'xlsx' | 'csv', language, new Date());
      await audit(strapi, {
        actorType: 'admin',
        actorId: scope.adminId,
        action: 'talent.people.export',
        details: { filters: Object.keys(checked.filters), file: query.file, template: template.key, rows: file.rows },
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
      ctx.type = file.type;
      ctx.body = file.body;
    }),
  }),
};

export default part;
