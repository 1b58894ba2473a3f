import type { Core } from '@strapi/strapi';
import { audit } from '@qabilet/plugin-kit/server';
import { personalTypes } from '../staff/personal-types';

type Matched = { _matchedRoute?: string | RegExp; params?: Record<string, string> };

/** The Content Manager's routes, as the router matched them (its case and trailing slashes folded). */
const CONTENT_MANAGER = '/content-manager/';

/** What a Content Manager route did, in the audit's words, from the route's pattern and method. */
function actionOf(route: string, method: string): string {
  const path = route.slice(CONTENT_MANAGER.length);
  if (path.startsWith('relations/')) return 'content-manager.relations';
  const action = /\/actions\/(\w+)$/.exec(path)?.[1];
  if (action) return `content-manager.${action}`.slice(0, 60);
  if (/\/(auto-)?clone\//.test(path)) return 'content-manager.clone';
  if (method === 'GET') return path.endsWith('/:id') || path.startsWith('single-types/') ? 'content-manager.view' : 'content-manager.list';
  return `content-manager.${{ POST: 'create', PUT: 'update', DELETE: 'delete' }[method] ?? method.toLowerCase()}`;
}

/**
 * Staff see people through our audited pages (Requests, Results…), and no staff role is given the
 * Content Manager on personal types. A super admin still can read them there, and a role could be
 * granted it by hand: every successful Content Manager call on such a type — reads, and the
 * writes and bulk actions that answer with the entries — is written to the audit log: who, what,
 * which type, which entry or how many, whether a search was made (never its terms). The route is
 * the one the router matched, so a path written in capitals or with a trailing slash is caught too.
 */
const personalDataAudit: Core.MiddlewareFactory = (_config, { strapi }) => {
  let personal: Set<string> | undefined;
  return async (ctx, next) => {
    await next();
    const { _matchedRoute: route, params = {} } = ctx as unknown as Matched;
    if (typeof route !== 'string' || !route.startsWith(CONTENT_MANAGER) || ctx.status < 200 || ctx.status >= 300 || !params.model) return;
    personal ??= personalTypes(strapi);
    const action = actionOf(route, ctx.method);
    // A relation picker lists the entries of the field's target: personal when the target is.
    const model = strapi.getModel(params.model as never) as { attributes?: Record<string, { target?: string }> } | undefined;
    const subjectType = action === 'content-manager.relations' ? model?.attributes?.[params.targetField ?? '']?.target : params.model;
    if (!subjectType || !personal.has(subjectType)) return;
    const admin = ctx.state?.user as { id?: number } | undefined;
    if (!admin?.id) return;
    const body = ctx.body as { results?: unknown[]; pagination?: { total?: number } } | undefined;
    const request = ctx.request.body as { documentIds?: unknown } | undefined;
    const one = action === 'content-manager.relations' ? undefined : (params.id ?? params.sourceId);
    await audit(strapi, {
      actorType: 'admin',
      actorId: admin.id,
      action,
      subjectType,
      subjectId: one ? String(one).slice(0, 40) : undefined,
      details: one
        ? undefined
        : {
            count: Array.isArray(body?.results) ? body.results.length : Array.isArray(request?.documentIds) ? request.documentIds.length : undefined,
            total: body?.pagination?.total,
            searched: typeof ctx.query._q === 'string' || 'filters' in ctx.query,
          },
    });
  };
};

export default personalDataAudit;
