/**
 * Qabilet as an LTI 1.3 platform (1EdTech Core and Assignment and Grade Services 2.0), with `jose`:
 * - the OIDC authorisation that answers a tool's login with a signed `id_token` (form_post) for a
 *   launch made in the cabinet (launches.ts), single use, in the browser that made it (launch-binding.ts);
 * - the token endpoint: the client-credentials grant with the tool's signed JWT assertion, checked
 *   against the tool's JWKS, each assertion once;
 * - line items (one per test) and scores, which become statements in the common result model.
 */
import crypto from 'node:crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import { ageOn, kzDate, parseDateTime, type Language } from '@qabilet/domain';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { PartnersError, type Problem } from './errors';
import { ALG, signingKey } from './keys';
import { uuidFrom } from './crypto';
import { message, type MessageKey } from './messages';
import { LAUNCHES, NONCES, SUBJECTS, isUniqueViolation, ms } from './tables';
import { consentedCandidate } from './desktop-match';
import { logEvent, partnerByClientId, publicUrl, type LtiConfig, type PartnerRow, type PartnerTest } from './store';
import { returnUrl } from './launches';
import { authUrl, clearBinding, presentedBinding } from './launch-binding';

export const SCOPE_SCORE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
export const SCOPE_LINEITEM_READ = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem.readonly';
export const SCOPE_LINEITEM = 'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem';
const GRANTABLE = [SCOPE_SCORE, SCOPE_LINEITEM_READ, SCOPE_LINEITEM];
const CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/';
const LEARNER = 'http://purl.imsglobal.org/vocab/lis/v2/membership#Learner';
const TOKEN_SECONDS = 3600;

const api = () => `${publicUrl()}/api/partners`;
export const tokenUrl = () => `${api()}/lti/token`;
export const lineItemsUrl = (partner: PartnerRow) => `${api()}/lti/${partner.clientId}/lineitems`;
export const lineItemUrl = (partner: PartnerRow, test: PartnerTest) => `${lineItemsUrl(partner)}/${test.key}`;

const param = (ctx: Context, name: string): string | undefined => {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const v = ctx.method === 'POST' ? body[name] : (ctx.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A whole page, in the person's language: the auto-submitted form, or why the launch stopped. */
function page(ctx: Context, language: Language, status: number, title: string, body: string, nonce: string, formAction?: string) {
  ctx.status = status;
  ctx.set('Cache-Control', 'no-store');
  ctx.set(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; form-action ${formAction ? new URL(formAction).origin : "'none'"}; frame-ancestors 'none'; base-uri 'none'`,
  );
  ctx.type = 'text/html; charset=utf-8';
  ctx.body =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>` +
    `<style nonce="${nonce}">body{font:1.125rem/1.5 system-ui,sans-serif;margin:2rem;max-width:40rem;color:#111;background:#fff}button{font:inherit;padding:.5rem 1rem}</style></head>` +
    `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function refusePage(ctx: Context, language: Language, code: MessageKey) {
  const nonce = crypto.randomBytes(16).toString('base64');
  page(
    ctx,
    language,
    400,
    message(language, 'lti.stopped'),
    `<p>${escape(message(language, code))}</p><p>${escape(message(language, 'lti.tryAgain'))}</p>`,
    nonce,
  );
}

/** Marks the authorisation request re-posted from our own origin (see launch-binding.ts). */
const REPOSTED = 'qabilet_reposted';

/**
 * A tool's form-posted login came from its site, so the browser left out our SameSite=Lax cookie:
 * the same fields are posted once more from our own page, a same-site request that carries it.
 */
function repostPage(ctx: Context, language: Language, partner: PartnerRow) {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const fields =
    Object.entries(body)
      .filter(([k, v]) => /^[a-z_]{1,40}$/.test(k) && typeof v === 'string' && v.length <= 2000)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${escape(v as string)}">`)
      .join('') + `<input type="hidden" name="${REPOSTED}" value="1">`;
  const nonce = crypto.randomBytes(16).toString('base64');
  page(
    ctx,
    language,
    200,
    message(language, 'lti.opening'),
    `<form id="launch" method="post" action="${escape(authUrl())}">${fields}<p>${escape(message(language, 'lti.opening.text', { partner: partner.name }))}</p><button type="submit">${escape(message(language, 'lti.continue'))}</button></form>` +
      `<script nonce="${nonce}">document.getElementById('launch').submit();</script>`,
    nonce,
    authUrl(),
  );
}

/** OIDC authorisation (LTI 1.3 core §5.1.1.2): checks the tool's request and form-posts the id_token. */
export async function authorise(strapi: Core.Strapi, ctx: Context, language: Language): Promise<void> {
  const partner = await partnerByClientId(strapi, param(ctx, 'client_id'));
  if (!partner || partner.kind !== 'lti' || !partner.active) return refusePage(ctx, language, 'lti.client');
  const refuse = async (code: MessageKey, detail?: string) => {
    await logEvent(strapi, { partnerId: partner.id, kind: 'auth', outcome: 'refused', code, detail });
    refusePage(ctx, language, code);
  };
  const config = partner.config as LtiConfig;
  const redirectUri = param(ctx, 'redirect_uri');
  if (!redirectUri || !config.redirectUris.includes(redirectUri)) return refuse('lti.redirectUri');
  if (
    param(ctx, 'scope') !== 'openid' ||
    param(ctx, 'response_type') !== 'id_token' ||
    param(ctx, 'response_mode') !== 'form_post' ||
    param(ctx, 'prompt') !== 'none'
  )
    return refuse('lti.request');
  const nonce = param(ctx, 'nonce');
  const hint = param(ctx, 'login_hint');
  if (!nonce || nonce.length > 200 || !hint || hint.length > 64) return refuse('lti.request');
  if (param(ctx, 'lti_message_hint') !== undefined && param(ctx, 'lti_message_hint') !== hint) return refuse('lti.launch');
  const knex = strapi.db.connection;
  const now = Date.now();
  const browser = presentedBinding(ctx, hint);
  if (!browser && ctx.method === 'POST' && param(ctx, REPOSTED) === undefined) return repostPage(ctx, language, partner);
  // Single use, in the browser that asked for it: only the first authorisation of a launch, within
  // its five minutes, that brings the launch's cookie is answered.
  const used = browser
    ? await knex(LAUNCHES)
        .where({ id: hint, partner_id: partner.id, status: 'created', browser_hash: browser })
        .where('expires_at', '>', now)
        .update({ status: 'used', used_at: now })
    : 0;
  if (!used) {
    // Another browser's (or no) cookie leaves the launch as it was, for the browser that has it.
    const waiting = await knex(LAUNCHES).where({ id: hint, partner_id: partner.id, status: 'created' }).where('expires_at', '>', now).first('test_key');
    return waiting ? refuse('lti.browser', `test=${waiting.test_key}`) : refuse('lti.launch');
  }
  clearBinding(ctx, hint);
  const row = await knex(LAUNCHES).where({ id: hint }).first();
  const test = partner.tests.find((t) => t.key === row.test_key);
  if (!test) return refuse('lti.launch');
  // The tool and the person's return in the language they launched in (the browser may say another).
  language = row.language as Language;
  const claims: JWTPayload & Record<string, unknown> = {
    nonce,
    azp: partner.clientId,
    [`${CLAIM}message_type`]: 'LtiResourceLinkRequest',
    [`${CLAIM}version`]: '1.3.0',
    [`${CLAIM}deployment_id`]: config.deploymentId,
    [`${CLAIM}target_link_uri`]: test.url ?? config.launchUrl,
    [`${CLAIM}resource_link`]: { id: test.key, title: test.name[language] },
    [`${CLAIM}roles`]: [LEARNER],
    [`${CLAIM}tool_platform`]: { guid: new URL(publicUrl()).host, name: 'Qabilet', product_family_code: 'qabilet' },
    [`${CLAIM}launch_presentation`]: { document_target: 'window', locale: language, return_url: returnUrl(partner, test, language) },
    'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
      scope: [SCOPE_LINEITEM_READ, SCOPE_SCORE],
      lineitems: lineItemsUrl(partner),
      lineitem: lineItemUrl(partner, test),
    },
  };
  // Personal data only as far as the partner's configuration allows (none by default).
  if (config.share.name || config.share.email) {
    const user = await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: row.user_id }, select: ['firstName', 'surname', 'email', 'birthDate'] });
    const child = row.child_id ? await strapi.db.query('api::child.child').findOne({ where: { id: row.child_id }, select: ['firstName', 'surname'] }) : null;
    const who = child ?? user;
    if (config.share.name && who) Object.assign(claims, { given_name: who.firstName, family_name: who.surname, name: `${who.firstName} ${who.surname}` });
    // An e-mail address only of an adult taking the test themselves: never a minor's.
    if (config.share.email && user && !child && ageOn(String(user.birthDate).slice(0, 10), kzDate(new Date())) >= 18) claims.email = user.email;
  }
  const { kid, privateKey } = await signingKey(strapi);
  const idToken = await new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
    .setIssuer(publicUrl())
    .setAudience(partner.clientId)
    .setSubject(row.sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
  await logEvent(strapi, { partnerId: partner.id, kind: 'auth', outcome: 'ok', code: 'event.auth', detail: `test=${test.key}` });
  const state = param(ctx, 'state');
  const csp = crypto.randomBytes(16).toString('base64');
  const fields = `<input type="hidden" name="id_token" value="${escape(idToken)}">${state ? `<input type="hidden" name="state" value="${escape(state)}">` : ''}`;
  page(
    ctx,
    language,
    200,
    message(language, 'lti.opening'),
    `<form id="launch" method="post" action="${escape(redirectUri)}">${fields}<p>${escape(message(language, 'lti.opening.text', { partner: partner.name }))}</p><button type="submit">${escape(message(language, 'lti.continue'))}</button></form>` +
      `<script nonce="${csp}">document.getElementById('launch').submit();</script>`,
    csp,
    redirectUri,
  );
}

type OAuthError = { status: number; error: string; code: MessageKey };
const oauthError = (status: number, error: string, code: MessageKey): OAuthError => ({ status, error, code });

const remoteKeys = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const keysOf = (url: string) => {
  if (!remoteKeys.has(url)) remoteKeys.set(url, createRemoteJWKSet(new URL(url), { timeoutDuration: 5000, cooldownDuration: 10_000 }));
  return remoteKeys.get(url)!;
};

/** The client-credentials grant (RFC 6749 §4.4) with a JWT assertion (RFC 7523), per the LTI security framework. */
export async function token(strapi: Core.Strapi, ctx: Context, language: Language): Promise<void> {
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const fail = (e: OAuthError) => {
    ctx.status = e.status;
    ctx.set('Cache-Control', 'no-store');
    ctx.body = { error: e.error, error_description: message(language, e.code) };
  };
  if (body.grant_type !== 'client_credentials') return fail(oauthError(400, 'unsupported_grant_type', 'token.grant'));
  if (body.client_assertion_type !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || typeof body.client_assertion !== 'string')
    return fail(oauthError(400, 'invalid_request', 'token.assertion'));
  let claimed: JWTPayload;
  try {
    claimed = decodeJwt(body.client_assertion);
  } catch {
    return fail(oauthError(400, 'invalid_request', 'token.assertion'));
  }
  const partner = await partnerByClientId(strapi, claimed.sub);
  if (!partner || partner.kind !== 'lti' || !partner.active) return fail(oauthError(401, 'invalid_client', 'token.client'));
  const refuse = async (e: OAuthError) => {
    await logEvent(strapi, { partnerId: partner.id, kind: 'token', outcome: 'refused', code: e.code });
    fail(e);
  };
  let verified: JWTPayload;
  try {
    ({ payload: verified } = await jwtVerify(body.client_assertion, keysOf((partner.config as LtiConfig).jwksUrl), {
      algorithms: [ALG],
      issuer: partner.clientId,
      subject: partner.clientId,
      audience: tokenUrl(),
      maxTokenAge: '5m',
      requiredClaims: ['exp', 'iat', 'jti'],
    }));
  } catch {
    return refuse(oauthError(401, 'invalid_client', 'token.signature'));
  }
  try {
    await strapi.db.connection(NONCES).insert({ partner_id: partner.id, nonce: `jti:${String(verified.jti).slice(0, 120)}`, received_at: Date.now() });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refuse(oauthError(401, 'invalid_client', 'token.replayed'));
  }
  // Assertions live at most five minutes: older ids cannot come again.
  await strapi.db
    .connection(NONCES)
    .where('received_at', '<', Date.now() - 15 * 60_000)
    .delete();
  const asked = typeof body.scope === 'string' ? body.scope.split(' ').filter(Boolean) : [];
  const scopes = asked.filter((s) => GRANTABLE.includes(s));
  if (!scopes.length) return refuse(oauthError(400, 'invalid_scope', 'token.scope'));
  const { kid, privateKey } = await signingKey(strapi);
  const accessToken = await new SignJWT({ scope: scopes.join(' ') })
    .setProtectedHeader({ alg: ALG, kid, typ: 'at+jwt' })
    .setIssuer(publicUrl())
    .setAudience(`${api()}/lti`)
    .setSubject(partner.clientId)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${TOKEN_SECONDS}s`)
    .sign(privateKey);
  await logEvent(strapi, {
    partnerId: partner.id,
    kind: 'token',
    outcome: 'ok',
    code: 'event.token',
    detail: `scope=${scopes.map((s) => s.split('/').pop()).join(',')}`,
  });
  ctx.set('Cache-Control', 'no-store');
  ctx.body = { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_SECONDS, scope: scopes.join(' ') };
}

/** The partner an AGS call is for, when its bearer token is ours, for it, and grants the scope. */
export async function servicePartner(strapi: Core.Strapi, ctx: Context, needed: string[]): Promise<PartnerRow> {
  const partner = await partnerByClientId(strapi, ctx.params.clientId);
  const header = ctx.get('authorization');
  const bearer = /^Bearer ([A-Za-z0-9._-]+)$/i.exec(header)?.[1];
  ctx.set('WWW-Authenticate', 'Bearer');
  if (!partner || partner.kind !== 'lti' || !bearer) throw new PartnersError(401, { code: 'ags.token' });
  const { publicKey } = await signingKey(strapi);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(bearer, publicKey, { algorithms: [ALG], issuer: publicUrl(), audience: `${api()}/lti`, subject: partner.clientId }));
  } catch {
    await logEvent(strapi, { partnerId: partner.id, kind: 'score', outcome: 'refused', code: 'ags.token' });
    throw new PartnersError(401, { code: 'ags.token' });
  }
  const granted = String(payload.scope ?? '').split(' ');
  if (!needed.some((s) => granted.includes(s))) {
    await logEvent(strapi, { partnerId: partner.id, kind: 'score', outcome: 'refused', code: 'ags.scope' });
    throw new PartnersError(403, { code: 'ags.scope' });
  }
  if (!partner.active) throw new PartnersError(401, { code: 'ags.token' });
  return partner;
}

export function lineItemView(partner: PartnerRow, test: PartnerTest) {
  return { id: lineItemUrl(partner, test), label: test.name.en, scoreMaximum: 100, resourceLinkId: test.key, resourceId: test.key, tag: 'score' };
}

const PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'];
const GRADING = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'];

/** AGS score publish (§3.4): a fully graded score of a launched person becomes a statement. */
export async function score(
  strapi: Core.Strapi,
  partner: PartnerRow,
  testKey: string,
  input: unknown,
): Promise<{ statementId: string | null; stored: boolean }> {
  const test = partner.tests.find((t) => t.key === testKey);
  if (!test) throw new PartnersError(404, { code: 'ags.lineItem' });
  const refuse = async (status: number, problems: Problem[]) => {
    await logEvent(strapi, { partnerId: partner.id, kind: 'score', outcome: 'refused', code: problems[0]!.code, detail: `test=${test.key}` });
    throw new PartnersError(status, problems);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse(400, [{ code: 'body.invalid' }]);
  const body = input as Record<string, unknown>;
  // Fields beyond these (other platforms' extensions, a comment) are ignored, not refused.
  const problems: Problem[] = [];
  if (typeof body.userId !== 'string' || body.userId.length > 64) problems.push({ field: 'userId', code: 'ags.userId' });
  const max = body.scoreMaximum;
  const given = body.scoreGiven;
  if (given !== undefined && (typeof max !== 'number' || !Number.isFinite(max) || max <= 0)) problems.push({ field: 'scoreMaximum', code: 'ags.scoreMaximum' });
  if (given !== undefined && (typeof given !== 'number' || !Number.isFinite(given) || given < 0 || (typeof max === 'number' && given > max)))
    problems.push({ field: 'scoreGiven', code: 'ags.scoreGiven' });
  if (!PROGRESS.includes(body.activityProgress as string)) problems.push({ field: 'activityProgress', code: 'ags.activityProgress' });
  if (!GRADING.includes(body.gradingProgress as string)) problems.push({ field: 'gradingProgress', code: 'ags.gradingProgress' });
  const at = parseDateTime(body.timestamp);
  if (!at || at.getTime() > Date.now() + 5 * 60_000) problems.push({ field: 'timestamp', code: 'ags.timestamp' });
  if (problems.length) return refuse(400, problems);
  const knex = strapi.db.connection;
  const subject = await knex(SUBJECTS).where({ partner_id: partner.id, sub: body.userId }).first();
  if (!subject) return refuse(403, [{ field: 'userId', code: 'ags.userUnknown' }]);
  if (body.gradingProgress !== 'FullyGraded' || given === undefined) {
    await logEvent(strapi, {
      partnerId: partner.id,
      kind: 'score',
      outcome: 'ok',
      code: 'event.progress',
      detail: `test=${test.key} progress=${String(body.activityProgress)}`,
    });
    return { statementId: null, stored: false };
  }
  const id = uuidFrom(`lti:${partner.id}:${String(body.userId)}:${test.key}:${at!.toISOString()}`);
  // The same score sent again is the same statement: harmless, whatever became of the launch.
  if (await knex('assessment_statements').where({ id }).first('id')) {
    await logEvent(strapi, { partnerId: partner.id, kind: 'score', outcome: 'ok', code: 'event.repeat', detail: `test=${test.key} statement=${id}` });
    return { statementId: id, stored: false };
  }
  // A final score belongs to a launch of that test, used within the week, not yet scored.
  const launched = await knex(LAUNCHES)
    .where({ partner_id: partner.id, sub: body.userId, test_key: test.key, status: 'used' })
    .where('used_at', '>', Date.now() - 7 * 24 * 3600_000)
    .orderBy('used_at', 'desc')
    .first();
  if (!launched) return refuse(403, [{ field: 'userId', code: 'ags.userUnknown' }]);
  if (at!.getTime() < ms(launched.used_at)! - 5 * 60_000) return refuse(400, [{ field: 'timestamp', code: 'ags.timestamp' }]);
  const person = await consentedCandidate(strapi, subject.child_id ? { kind: 'child', id: subject.child_id } : { kind: 'user', id: subject.user_id });
  if (!person) return refuse(403, [{ field: 'userId', code: 'consent.withdrawn' }]);
  const percent = Math.round(((given as number) / (max as number)) * 100);
  const stored = await knex.transaction(async (trx) => {
    const taken = await trx(LAUNCHES).where({ id: launched.id, status: 'used' }).update({ status: 'completed', completed_at: Date.now() });
    if (!taken) return null;
    return (
      await servicesOf<AssessmentServices>(
        strapi,
        'assessment',
      )('results').record(
        {
          id,
          person: { key: subject.person_key, userId: subject.user_id, childId: subject.child_id ?? null },
          source: { kind: 'partner', partnerId: partner.id, name: partner.name },
          object: { test: test.key, name: test.name },
          scales: test.scales.map((m) => ({ scale: m.to, score: percent, raw: given as number, min: 0, max: max as number })),
          timestamp: at!,
        },
        trx,
      )
    ).stored;
  });
  if (stored === null) return refuse(409, [{ field: 'userId', code: 'ags.scored' }]);
  await logEvent(strapi, {
    partnerId: partner.id,
    kind: 'score',
    outcome: 'ok',
    code: stored ? 'event.score' : 'event.repeat',
    detail: `test=${test.key} statement=${id}`,
  });
  return { statementId: id, stored };
}
