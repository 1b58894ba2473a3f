/**
 * HTTP handlers of the registry. Who acts, their role and scope come from the admin session
 * (ctx.state.user and its abilities), never from the request; the rules are in requests.ts,
 * calls.ts and exports.ts.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import {
  checkPage,
  checkRegistryFilters,
  FORMATS,
  normalizeKzMobile,
  REQUEST_SOURCES,
  REQUEST_STATUSES,
  requestNumber,
  SERVICES,
  isLanguage,
  type RegistryFilters,
} from '@qabilet/domain';
import type { CrmMe, ExportTemplateView, PhoneMatch, RequestPage } from '@qabilet/domain';
import { allowOnly, CrmError, describe, fromDomain, handle, invalid, objectBody, type Problem } from './errors';
import { languageOf } from './messages';
import { scopeOf, type Scope } from './scope';
import { audit, listRows, rowBy } from './store';
import { viewsOf } from './views';
import { assignRequest, bookRequest, closeRequest, createRequest, requestInScope } from './requests';
import { authenticate, checkCall, currentCall, parseSecrets, recordCall, type CallCentreConfig } from './calls';
import { exportRequests, templates } from './exports';

type Admin = { id: number; roles?: Array<{ code: string }> };
const admin = (ctx: Context) => (ctx.state as { user: Admin }).user;
const can = (ctx: Context, action: string) => !!(ctx.state as { userAbility?: { can(a: string): boolean } }).userAbility?.can(`plugin::crm.${action}`);

/** The list's filters and page from the query, field by field; the phone normalised. */
function filtersOf(query: Record<string, unknown>, extra: string[] = []): { filters: RegistryFilters; page: number; pageSize: number } {
  const known = ['status', 'source', 'service', 'format', 'centre', 'specialist', 'from', 'to', 'phone', 'page', 'pageSize', 'locale', ...extra];
  const problems: Problem[] = Object.keys(query)
    .filter((k) => !known.includes(k))
    .map((field) => ({ field, code: 'field.notAllowed' as const }));
  const { filters, problems: filterProblems } = checkRegistryFilters(query);
  const { page, pageSize, problems: pageProblems } = checkPage(query);
  problems.push(...fromDomain(filterProblems), ...fromDomain(pageProblems));
  if (filters.phone !== undefined) {
    const phone = normalizeKzMobile(filters.phone);
    if (phone.ok) filters.phone = phone.e164;
    else problems.push({ field: 'phone', code: phone.problem });
  }
  if (problems.length) throw invalid(problems);
  return { filters, page, pageSize };
}

/** A filter on centres or specialists outside the scope is refused, not quietly emptied. */
async function checkFilterScope(strapi: Core.Strapi, scope: Scope, adminId: number, filters: RegistryFilters): Promise<void> {
  if (scope.all) return;
  const foreignCentre = filters.centre?.some((c) => (scope.role === 'coordinator' ? !scope.centres.includes(c) : c !== scope.centre));
  let foreignSpecialist = false;
  if (filters.specialist) {
    const rows = await strapi.db.query('plugin::booking.specialist').findMany({ where: { id: { $in: filters.specialist } }, select: ['id', 'centre'] });
    foreignSpecialist =
      rows.length !== filters.specialist.length ||
      rows.some((s: { id: number; centre: string }) =>
        scope.role === 'coordinator' ? !scope.centres.includes(s.centre) : !scope.specialistIds.includes(s.id),
      );
  }
  if (!foreignCentre && !foreignSpecialist) return;
  await audit(strapi, {
    actorType: 'admin',
    actorId: adminId,
    action: 'crm.refused',
    details: { reason: 'filter', centre: filters.centre, specialist: filters.specialist },
  });
  throw invalid([
    ...(foreignCentre ? [{ field: 'centre', code: 'centre.outOfScope' as const }] : []),
    ...(foreignSpecialist ? [{ field: 'specialist', code: 'specialist.notFound' as const }] : []),
  ]);
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const one = async (ctx: Context, id: number, withHistory = true) =>
    (await viewsOf(strapi, [(await rowBy(strapi, { id }))!], languageOf(ctx), withHistory))[0];

  const adminApi = {
    me: handle(async (ctx) => {
      const scope = await scopeOf(strapi, admin(ctx));
      const language = languageOf(ctx);
      const centreWhere = scope.all ? {} : { slug: { $in: scope.role === 'coordinator' ? scope.centres : scope.centre ? [scope.centre] : [] } };
      const centres = await strapi.db
        .query('api::centre.centre')
        .findMany({ where: { ...centreWhere, locale: language }, select: ['slug', 'name'], orderBy: { name: 'asc' } });
      const specialists = await strapi.db.query('plugin::booking.specialist').findMany({
        where: { active: true, centre: { $in: centres.map((c: { slug: string }) => c.slug) } },
        select: ['id', 'name', 'centre'],
        orderBy: [{ centre: 'asc' }, { name: 'asc' }],
      });
      const regions = await strapi.db
        .query('api::region.region')
        .findMany({ where: { locale: language, ...(scope.all ? {} : { code: { $in: scope.regions } }) }, select: ['code', 'name'], orderBy: { name: 'asc' } });
      ctx.body = {
        data: {
          role: scope.role,
          scope: scope.all ? 'all' : scope.role === 'coordinator' ? 'region' : 'own',
          can: { intake: can(ctx, 'intake'), manage: can(ctx, 'manage'), complete: can(ctx, 'complete'), export: can(ctx, 'export') },
          centres,
          specialists,
          regions,
          statuses: REQUEST_STATUSES,
          sources: REQUEST_SOURCES,
          services: SERVICES,
          formats: FORMATS,
        },
      } satisfies { data: CrmMe };
    }),
    list: handle(async (ctx) => {
      const { filters, page, pageSize } = filtersOf(ctx.query as Record<string, unknown>);
      const scope = await scopeOf(strapi, admin(ctx));
      await checkFilterScope(strapi, scope, admin(ctx).id, filters);
      const { rows, total } = await listRows(strapi, scope, filters, page, pageSize);
      // Staff see people's names and phones: the log records who, which filter and how many, not whom.
      const [data] = await Promise.all([
        viewsOf(strapi, rows, languageOf(ctx)),
        audit(strapi, { actorType: 'admin', actorId: admin(ctx).id, action: 'crm.list', details: { filters, page, count: rows.length } }),
      ]);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } } satisfies RequestPage;
    }),
    get: handle(async (ctx) => {
      const scope = await scopeOf(strapi, admin(ctx));
      const row = await requestInScope(strapi, scope, admin(ctx).id, ctx.params.id);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: await one(ctx, row.id) };
      await audit(strapi, { actorType: 'admin', actorId: admin(ctx).id, action: 'crm.view', subjectType: 'plugin::crm.request', subjectId: row.document_id });
    }),
    create: handle(async (ctx) => {
      const scope = await scopeOf(strapi, admin(ctx));
      const row = await createRequest(strapi, scope, admin(ctx).id, ctx.request.body, new Date());
      ctx.status = 201;
      ctx.body = { data: await one(ctx, row.id) };
    }),
    people: handle(async (ctx) => {
      const problems: Problem[] = Object.keys(ctx.query)
        .filter((k) => !['phone', 'locale'].includes(k))
        .map((field) => ({ field, code: 'field.notAllowed' as const }));
      const phone = normalizeKzMobile(String(ctx.query.phone ?? ''));
      if (!phone.ok) problems.push({ field: 'phone', code: ctx.query.phone ? phone.problem : 'field.required' });
      if (problems.length || !phone.ok) throw invalid(problems);
      const users = await strapi.db
        .query('plugin::users-permissions.user')
        .findMany({ where: { phone: phone.e164, blocked: false }, select: ['id', 'documentId', 'surname', 'firstName', 'patronymic', 'region'], limit: 10 });
      const children = users.length
        ? await strapi.db.query('api::child.child').findMany({
            where: { parent: { id: { $in: users.map((u: { id: number }) => u.id) } } },
            select: ['documentId', 'surname', 'firstName'],
            populate: { parent: { select: ['id'] } },
          })
        : [];
      const name = (p: { surname?: string; firstName?: string; patronymic?: string; [k: string]: unknown }) =>
        [p.surname, p.firstName, p.patronymic].filter(Boolean).join(' ');
      ctx.set('Cache-Control', 'no-store');
      ctx.body = {
        data: users.map((u: { id: number; documentId: string; region: string }): PhoneMatch => ({
          id: u.documentId,
          name: name(u),
          region: u.region,
          children: children
            .filter((c: { parent?: { id: number } }) => c.parent?.id === u.id)
            .map((c: { documentId: string }) => ({ id: c.documentId, name: name(c) })),
        })),
      };
      await audit(strapi, { actorType: 'admin', actorId: admin(ctx).id, action: 'crm.people', details: { count: users.length } });
    }),
    book: handle(async (ctx) => {
      const scope = await scopeOf(strapi, admin(ctx));
      const row = await bookRequest(strapi, scope, admin(ctx).id, ctx.params.id, ctx.request.body, new Date());
      ctx.body = { data: await one(ctx, row.id) };
    }),
    assign: handle(async (ctx) => {
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['specialist']);
      if (problems.length) throw invalid(problems);
      const scope = await scopeOf(strapi, admin(ctx));
      const row = await requestInScope(strapi, scope, admin(ctx).id, ctx.params.id);
      await assignRequest(strapi, scope, admin(ctx).id, row, body.specialist, new Date());
      ctx.body = { data: await one(ctx, row.id) };
    }),
    close: handle(async (ctx) => {
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['status', 'note']);
      if (problems.length) throw invalid(problems);
      // Completing and no-show are the specialist's; no answer and cancelling the operator's and coordinator's.
      const allowed = ['completed', 'no_show'].includes(String(body.status))
        ? can(ctx, 'complete') || can(ctx, 'manage')
        : can(ctx, 'manage') || can(ctx, 'intake');
      if (!allowed) throw new CrmError(403, { field: 'status', code: 'status.closing' });
      const scope = await scopeOf(strapi, admin(ctx));
      const row = await requestInScope(strapi, scope, admin(ctx).id, ctx.params.id);
      await closeRequest(strapi, admin(ctx).id, row, body.status, body.note, new Date());
      ctx.body = { data: await one(ctx, row.id) };
    }),
    bulk: handle(async (ctx) => {
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['ids', 'action', 'specialist', 'note']);
      const ids = body.ids;
      if (!Array.isArray(ids) || ids.length < 1 || ids.length > 200 || new Set(ids).size !== ids.length)
        problems.push({ field: 'ids', code: 'bulk.ids', values: { max: 200 } });
      if (!['assign', 'no_answer', 'cancel'].includes(String(body.action))) problems.push({ field: 'action', code: 'bulk.action' });
      if (problems.length) throw invalid(problems);
      const scope = await scopeOf(strapi, admin(ctx));
      const language = languageOf(ctx);
      const now = new Date();
      let updated = 0;
      const refused: Array<{ id: unknown; message: string }> = [];
      for (const id of ids as unknown[]) {
        try {
          const row = await requestInScope(strapi, scope, admin(ctx).id, id);
          if (body.action === 'assign') await assignRequest(strapi, scope, admin(ctx).id, row, body.specialist, now);
          else await closeRequest(strapi, admin(ctx).id, row, body.action === 'cancel' ? 'cancelled' : 'no_answer', body.note, now);
          updated++;
        } catch (error) {
          const message = describe(error, language);
          if (message === undefined) throw error;
          refused.push({ id, message });
        }
      }
      ctx.body = { data: { updated, refused } };
    }),
    templates: handle(async (ctx) => {
      ctx.body = { data: await templates(strapi) } satisfies { data: ExportTemplateView[] };
    }),
    export: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      const { filters } = filtersOf(query, ['file', 'template']);
      const problems: Problem[] = [];
      if (query.file !== 'xlsx' && query.file !== 'csv') problems.push({ field: 'file', code: 'export.file' });
      const template = (await templates(strapi)).find((t) => (query.template ? t.key === query.template : t.isDefault));
      if (!template) problems.push({ field: 'template', code: 'export.template' });
      if (problems.length || !template) throw invalid(problems);
      const scope = await scopeOf(strapi, admin(ctx));
      await checkFilterScope(strapi, scope, admin(ctx).id, filters);
      const language = isLanguage(query.locale) ? query.locale : languageOf(ctx);
      const file = await exportRequests(strapi, scope, filters, template, query.file as 'xlsx' | 'csv', language, new Date());
      await audit(strapi, {
        actorType: 'admin',
        actorId: admin(ctx).id,
        action: 'crm.export',
        details: { filters, file: query.file, template: template.key, rows: file.rows },
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.set('Content-Disposition', `attachment; filename="${file.filename}"`);
      ctx.type = file.type;
      ctx.body = file.body;
    }),
    currentCall: handle(async (ctx) => {
      const row = await currentCall(strapi, admin(ctx).id);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: row ? await one(ctx, row.id, false) : null };
    }),
  };

  const publicApi = {
    callEvent: handle(async (ctx) => {
      const config: CallCentreConfig = { secrets: parseSecrets(strapi.config.get('plugin::crm.callCentreSecrets') as string) };
      const integration = await authenticate(strapi, ctx, config);
      const call = checkCall(ctx.request.body);
      const { row, created } = await recordCall(strapi, integration, call);
      ctx.status = created ? 201 : 200;
      // The telephony gets the request's number and id, nothing about the person.
      ctx.body = { data: { id: row.document_id, number: requestNumber(row.id), status: row.status } };
    }),
  };

  return { admin: adminApi, public: publicApi };
};
