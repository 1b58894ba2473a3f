/**
 * HTTP handlers of the desktop import (R-TEST-2). The push API knows its caller by the partner's
 * API key alone; staff are known by Strapi's admin auth, and reach only the desktop partners of
 * their scope (desktop-scope.ts). Every import, queue view and resolution goes to the audit log
 * and the partner's log with ids and counts only: never a phone, an e-mail or a name.
 */
import type { Context } from 'koa';
import type { DesktopPartnerView, ImportSummary, QueueResolution } from '@qabilet/domain';
import type { Core } from '@strapi/strapi';
import { audit } from '@qabilet/plugin-kit/server';
import { allowOnly, handle, invalid, objectBody, PartnersError, type Problem } from './errors';
import { languageOf, message, type Language } from './messages';
import { logEvent, partnerById, type DesktopColumns, type DesktopConfig, type PartnerRow } from './store';
import { PARTNERS } from './tables';
import { checkColumns } from './desktop-mapping';
import { authenticated, importFile, pushRows } from './desktop-push';
import { centreOf, desktopScope, partnerInScope, partnersInScope } from './desktop-scope';
import { discardRow, queuedRow, queueView, resolveRow } from './desktop-queue';
import type { Outcome } from './desktop-import';

type Admin = { id: number; roles?: Array<{ code: string }> };
const admin = (ctx: Context) => (ctx.state as { user: Admin }).user;
const query = (ctx: Context) => ctx.query as Record<string, unknown>;
const PARTNER = 'plugin::partners.partner';
const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store');

const counts = (o: Outcome) => ({ imported: o.imported, queued: o.queued, duplicates: o.duplicates, rejected: o.rejected.length });
const detailOf = (rows: number, o: Outcome) =>
  `rows=${rows} imported=${o.imported} queued=${o.queued} duplicates=${o.duplicates} rejected=${o.rejected.length}`;

/** A rejected row's problems in Strapi's error shape; for a file, with the column each came from. */
function errorsOf(problems: Problem[], language: Language, columns?: DesktopColumns) {
  return problems.map((p) => {
    const path = p.field ? p.field.split('.') : [];
    const column = !columns || !path.length ? undefined : path[0] === 'scores' ? path[1] : columns[path[0] as keyof DesktopColumns];
    return { path, message: message(language, p.code, p.values), code: p.code, ...(column ? { column } : {}) };
  });
}

const viewOf = (p: PartnerRow): DesktopPartnerView => ({
  id: p.id,
  clientId: p.clientId,
  name: p.name,
  active: p.active,
  centre: centreOf(p),
  columns: (p.config as DesktopConfig).columns,
  tests: p.tests,
});

function paging(q: Record<string, unknown>): { page: number; pageSize: number; partner?: unknown } {
  const problems = allowOnly(q, ['page', 'pageSize', 'partner', 'locale']);
  const page = q.page === undefined ? 1 : Number(q.page);
  const pageSize = q.pageSize === undefined ? 20 : Number(q.pageSize);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) problems.push({ field: 'page', code: 'queue.page' });
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) problems.push({ field: 'pageSize', code: 'queue.page' });
  if (problems.length) throw invalid(problems);
  return { page, pageSize, partner: q.partner };
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const publicApi = {
    results: handle(async (ctx) => {
      const partner = await authenticated(strapi, ctx.params.clientId, ctx.get('authorization'));
      const outcome = await pushRows(strapi, partner, ctx.request.body);
      const language = languageOf(ctx);
      await logEvent(strapi, {
        partnerId: partner.id,
        kind: 'import',
        outcome: 'ok',
        code: 'desktop.push',
        detail: detailOf(outcome.imported + outcome.queued + outcome.duplicates + outcome.rejected.length, outcome),
      });
      await audit(strapi, { actorType: 'system', action: 'partners.desktop.push', subjectType: PARTNER, subjectId: partner.id, details: counts(outcome) });
      noStore(ctx);
      ctx.body = { data: { ...counts(outcome), rejected: outcome.rejected.map((r) => ({ index: r.at, errors: errorsOf(r.problems, language) })) } };
    }),
  };

  const adminApi = {
    list: handle(async (ctx) => {
      const scope = await desktopScope(strapi, admin(ctx));
      const partners = await partnersInScope(strapi, scope);
      noStore(ctx);
      ctx.body = { data: partners.map(viewOf) };
    }),
    columns: handle(async (ctx) => {
      const partner = await partnerInScope(strapi, await desktopScope(strapi, admin(ctx)), ctx.params.id);
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['columns']);
      const mapping = checkColumns(body.columns, partner.tests);
      if (problems.length || !mapping.ok) throw invalid([...problems, ...(mapping.ok ? [] : mapping.problems)]);
      const config: DesktopConfig = { ...(partner.config as DesktopConfig), columns: mapping.columns };
      await strapi.db
        .connection(PARTNERS)
        .where({ id: partner.id })
        .update({ config: JSON.stringify(config), updated_at: Date.now() });
      await audit(strapi, { actorType: 'admin', actorId: admin(ctx).id, action: 'partners.desktop.columns', subjectType: PARTNER, subjectId: partner.id });
      ctx.body = { data: viewOf((await partnerById(strapi, partner.id))!) };
    }),
    imports: handle(async (ctx) => {
      const me = admin(ctx);
      const partner = await partnerInScope(strapi, await desktopScope(strapi, me), ctx.params.id);
      const language = languageOf(ctx);
      let result: Awaited<ReturnType<typeof importFile>>;
      try {
        result = await importFile(strapi, partner, ctx.request.body);
      } catch (error) {
        if (error instanceof PartnersError)
          await logEvent(strapi, {
            partnerId: partner.id,
            kind: 'import',
            outcome: 'refused',
            code: 'import.refused',
            detail: error.problems.map((p) => p.code).join(','),
          });
        throw error;
      }
      const { rows, outcome } = result;
      await logEvent(strapi, { partnerId: partner.id, kind: 'import', outcome: 'ok', code: 'import.done', detail: detailOf(rows, outcome) });
      await audit(strapi, {
        actorType: 'admin',
        actorId: me.id,
        action: 'partners.desktop.import',
        subjectType: PARTNER,
        subjectId: partner.id,
        details: { rows, ...counts(outcome) },
      });
      const columns = (partner.config as DesktopConfig).columns;
      noStore(ctx);
      ctx.body = {
        data: { rows, ...counts(outcome), rejected: outcome.rejected.map((r) => ({ row: r.at, errors: errorsOf(r.problems, language, columns) })) },
      } satisfies { data: ImportSummary };
    }),
    queue: handle(async (ctx) => {
      const me = admin(ctx);
      const { page, pageSize, partner: partnerId } = paging(query(ctx));
      const scope = await desktopScope(strapi, me);
      const partners = partnerId === undefined ? await partnersInScope(strapi, scope) : [await partnerInScope(strapi, scope, partnerId)];
      const view = await queueView(strapi, partners, page, pageSize, languageOf(ctx));
      await audit(strapi, {
        actorType: 'admin',
        actorId: me.id,
        action: 'partners.queue.list',
        details: { partners: partners.map((p) => p.id), page, count: view.data.length },
      });
      noStore(ctx);
      ctx.body = view;
    }),
    resolve: handle(async (ctx) => {
      const me = admin(ctx);
      const scope = await desktopScope(strapi, me);
      const row = await queuedRow(strapi, ctx.params.rowId);
      const partner = await partnerInScope(strapi, scope, row.partner_id);
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['person', 'discard', 'phone', 'email', 'bookingRef']);
      if (body.discard !== undefined && (body.discard !== true || Object.keys(body).length > 1)) problems.push({ field: 'discard', code: 'queue.body' });
      if (body.discard === undefined && !['person', 'phone', 'email', 'bookingRef'].some((f) => body[f] !== undefined)) problems.push({ code: 'queue.body' });
      if (problems.length) throw invalid(problems);
      if (body.discard === true) {
        await discardRow(strapi, row, me.id);
        await logEvent(strapi, { partnerId: partner.id, kind: 'import', outcome: 'ok', code: 'queue.discarded', detail: `row=${row.id}` });
        await audit(strapi, {
          actorType: 'admin',
          actorId: me.id,
          action: 'partners.queue.discard',
          subjectType: PARTNER,
          subjectId: partner.id,
          details: { row: row.id },
        });
        ctx.body = { data: { id: row.id, status: 'discarded' } } satisfies { data: QueueResolution };
        return;
      }
      const person = await resolveRow(strapi, partner, row, body, me.id);
      const subject = person.childId
        ? { subjectType: 'api::child.child', subjectId: person.childId }
        : { subjectType: 'plugin::users-permissions.user', subjectId: person.userId };
      await logEvent(strapi, { partnerId: partner.id, kind: 'import', outcome: 'ok', code: 'queue.matched', detail: `row=${row.id}` });
      await audit(strapi, { actorType: 'admin', actorId: me.id, action: 'partners.queue.resolve', ...subject, details: { row: row.id, partner: partner.id } });
      ctx.body = {
        data: { id: row.id, status: 'imported', person: { kind: person.childId ? 'child' : 'user', id: person.childId ?? person.userId } },
      } satisfies { data: QueueResolution };
    }),
  };

  return { public: publicApi, admin: adminApi };
};
