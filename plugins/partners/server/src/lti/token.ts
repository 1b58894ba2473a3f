/** The token endpoint (client credentials with the tool's signed JWT assertion) and the check of the access tokens it issues. */
import crypto from 'node:crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { SignJWT, createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';
import type { Language } from '@qabilet/domain';
import { PartnersError } from '../errors';
import { ALG, signingKey } from '../keys';
import { message, type MessageKey } from '../messages';
import { NONCES, isUniqueViolation } from '../tables';
import { logEvent, partnerByClientId, publicUrl, type LtiConfig, type PartnerRow } from '../store';
import { GRANTABLE, api, tokenUrl } from './shared';

const TOKEN_SECONDS = 3600;

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
