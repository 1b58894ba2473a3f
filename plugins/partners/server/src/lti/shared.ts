/** What the LTI steps share: the AGS scopes, the claim names, our endpoints' addresses, a request's parameters and HTML escaping. */
import type { Context } from 'koa';
import { publicUrl, type PartnerRow, type PartnerTest } from '../store';

export const SCOPE_SCORE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
export const SCOPE_LINEITEM_READ = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly';
export const SCOPE_LINEITEM = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem';
export const GRANTABLE = [SCOPE_SCORE, SCOPE_LINEITEM_READ, SCOPE_LINEITEM];
export const CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/';
export const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';

export const api = () => `${publicUrl()}/api/partners`;
export const tokenUrl = () => `${api()}/lti/token`;
export const lineItemsUrl = (partner: PartnerRow) => `${api()}/lti/${partner.clientId}/lineitems`;
export const lineItemUrl = (partner: PartnerRow, test: PartnerTest) => `${lineItemsUrl(partner)}/${test.key}`;

export const param = (ctx: Context, name: string): string | undefined => {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const v = ctx.method === 'POST' ? body[name] : (ctx.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

export const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
