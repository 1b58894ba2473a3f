import type { Core } from '@strapi/strapi';
import { audit } from '../accounts/audit';
import { personalTypes } from '../staff/personal-types';

/** The admin's Content Manager routes that read entries: lists, one entry, and relation pickers. */
const ROUTE = /^\/content-manager\/(collection-types|single-types|relations)\/([^/]+)(?:\/([^/]+))?(?:\/([^/]+))?$/;

/**
 * Staff see people through our audited pages (Requests, Results…), and no staff role is given the
 * Content Manager on personal types. A super admin still can read them there, and a role could be
 * granted it by hand: every such read is written to the audit log — who, which type, which entry
 * or how many, whether a search was made (never its terms) — like the reads of our own pages.
 */
const personalDataAudit: Core.MiddlewareFactory = (_config, { strapi }) => {
  let personal: Set<string> | undefined;
  return async (ctx, next) => {
    await next();
    if (ctx.method !== 'GET' || ctx.status !== 200) return;
    const match = ROUTE.exec(ctx.path);
    if (!match) return;
    const [, kind, rawModel, second, third] = match;
    const model = decodeURIComponent(rawModel!);
    personal ??= personalTypes(strapi);
    const relations = kind === 'relations';
    // A relation picker lists the entries of the field's target: personal when the target is.
    const field = relations ? (third ?? second) : undefined;
    const target = field ? (strapi.contentType(model as never)?.attributes?.[field] as { target?: string } | undefined)?.target : undefined;
    const subjectType = relations ? target : model;
    if (!subjectType || !personal.has(subjectType)) return;
    const admin = ctx.state?.user as { id?: number } | undefined;
    if (!admin?.id) return;
    const body = ctx.body as { results?: unknown[]; pagination?: { total?: number } } | undefined;
    const one = !relations && kind === 'collection-types' && second ? decodeURIComponent(second) : undefined;
    await audit(strapi, {
      actorType: 'admin',
      actorId: admin.id,
      action: relations ? 'content-manager.relations' : one ? 'content-manager.view' : 'content-manager.list',
      subjectType,
      subjectId: one,
      details: one ? undefined : { count: Array.isArray(body?.results) ? body.results.length : undefined, total: body?.pagination?.total, searched: typeof ctx.query._q === 'string' || 'filters' in ctx.query },
    });
  };
};

export default personalDataAudit;
