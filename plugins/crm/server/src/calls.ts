/**
 * The call-centre webhook (R-NFR-7): each incoming call the telephony reports becomes a request at
 * once, matched to the registered person by phone (else a lead with the number only), in the region
 * of the called line (a centre's own number) or the person's region. The signature is checked and a
 * replay refused before anything is read or stored; the same call id twice is one request.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { normalizeKzLine, parseDateTime, serviceOfIvr } from '@qabilet/domain';
import { allowOnly, CrmError, invalid, objectBody, type Problem } from './errors';
import { rawBodyOf, verifyCall } from '@qabilet/plugin-kit/server';
import { audit, entry, insertRequest, rowBy, type RequestRow } from './store';
import { NONCES, REQUESTS, isUniqueViolation } from './tables';
import { centreForRegion } from './requests';

export type CallCentreConfig = { secrets: Record<string, string> };

/** `CALL_CENTRE_SECRETS` as `id:secret,id2:secret2` → { id: secret }. */
export function parseSecrets(value: string | undefined): Record<string, string> {
  const pairs = (value ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => [p.slice(0, p.indexOf(':')), p.slice(p.indexOf(':') + 1)] as const);
  return Object.fromEntries(pairs.filter(([id, secret]) => /^[A-Za-z0-9_-]{1,40}$/.test(id) && secret.length >= 16));
}

const refuse = (strapi: Core.Strapi, integration: string, reason: string) =>
  audit(strapi, { actorType: 'system', action: 'crm.call.refused', details: { integration: integration.slice(0, 40), reason } });

/** Checks the signature, age and freshness of a call; throws 401 or 409 (and logs the attempt). */
export async function authenticate(strapi: Core.Strapi, ctx: Context, config: CallCentreConfig): Promise<string> {
  const integration = ctx.get('x-qabilet-integration');
  const timestamp = ctx.get('x-qabilet-timestamp');
  const signature = ctx.get('x-qabilet-signature');
  const raw = rawBodyOf(ctx) ?? '';
  if (!integration || !timestamp || !signature) {
    await refuse(strapi, integration, 'unsigned');
    throw new CrmError(401, { code: 'call.unsigned' });
  }
  const secret = Object.hasOwn(config.secrets, integration) ? config.secrets[integration] : undefined;
  if (!secret) {
    await refuse(strapi, integration, 'integration');
    throw new CrmError(401, { code: 'call.integration' });
  }
  const check = verifyCall(secret, timestamp, signature, raw, Date.now());
  if (!check.ok) {
    await refuse(strapi, integration, check.reason);
    throw new CrmError(401, { code: check.reason === 'stale' ? 'call.stale' : check.reason === 'missing' ? 'call.unsigned' : 'call.signature' });
  }
  try {
    await strapi.db.connection(NONCES).insert({ integration, signature, received_at: Date.now() });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await refuse(strapi, integration, 'replayed');
    throw new CrmError(409, { code: 'call.replayed' });
  }
  return integration;
}

type Call = { callId: string; caller: string; line: string; at: string; operator?: string; ivr?: string };

export function checkCall(input: unknown): Call {
  const b = objectBody(input);
  const problems: Problem[] = allowOnly(b, ['callId', 'caller', 'line', 'at', 'operator', 'ivr']);
  if (typeof b.callId !== 'string' || !/^[A-Za-z0-9._:-]{1,100}$/.test(b.callId)) problems.push({ field: 'callId', code: 'call.callId' });
  // Landlines call too; only a mobile number can match an account (accounts have mobiles).
  const caller = normalizeKzLine(b.caller);
  if (!caller) problems.push({ field: 'caller', code: 'call.caller' });
  const line = normalizeKzLine(b.line);
  if (!line) problems.push({ field: 'line', code: 'call.line' });
  const at = parseDateTime(b.at);
  if (!at) problems.push({ field: 'at', code: 'call.at' });
  if (b.operator !== undefined && (typeof b.operator !== 'string' || !/^[^\s@]{1,64}@[^\s@]{1,190}$/.test(b.operator)))
    problems.push({ field: 'operator', code: 'call.operator' });
  if (b.ivr !== undefined && (typeof b.ivr !== 'string' || b.ivr.length > 40)) problems.push({ field: 'ivr', code: 'call.ivr' });
  if (problems.length) throw invalid(problems);
  return {
    callId: b.callId as string,
    caller: caller!,
    line: line!,
    at: at!.toISOString(),
    operator: b.operator as string | undefined,
    ivr: b.ivr as string | undefined,
  };
}

/** The centre whose public number was called, if any. */
async function centreOfLine(strapi: Core.Strapi, line: string): Promise<{ slug: string; region: string | null } | undefined> {
  const centres = await strapi.db
    .query('api::centre.centre')
    .findMany({ where: { locale: 'kk' }, select: ['slug', 'phone'], populate: { region: { select: ['code'] } } });
  const hit = centres.find((c: { phone: string }) => normalizeKzLine(c.phone) === line);
  return hit ? { slug: hit.slug, region: hit.region?.code ?? null } : undefined;
}

/** Records a call as a request; answers the existing one when the call id was seen before. */
export async function recordCall(strapi: Core.Strapi, integration: string, call: Call): Promise<{ row: RequestRow; created: boolean }> {
  const callId = `${integration}:${call.callId}`;
  const earlier = await rowBy(strapi, { call_id: callId });
  if (earlier) return { row: earlier, created: false };
  const users = await strapi.db
    .query('plugin::users-permissions.user')
    .findMany({ where: { phone: call.caller, blocked: false }, select: ['id', 'region'], limit: 2 });
  // One account with the number is that person; none or several (a family's shared phone) is left for the operator.
  const user = users.length === 1 ? users[0] : undefined;
  const byLine = await centreOfLine(strapi, call.line);
  const region = byLine?.region ?? user?.region ?? null;
  const centre = byLine?.slug ?? (region ? await centreForRegion(strapi, region) : null);
  const operator = call.operator
    ? await strapi.db.query('admin::user').findOne({ where: { email: call.operator.toLowerCase(), isActive: true }, select: ['id'] })
    : null;
  const now = new Date();
  try {
    const row = await insertRequest(strapi, {
      source: 'call_centre',
      status: 'open',
      service: serviceOfIvr(call.ivr) ?? 'consultation',
      format: 'offline',
      personKind: user ? 'user' : 'lead',
      userId: user?.id ?? null,
      phone: user ? null : call.caller,
      region,
      centre,
      callId,
      line: call.line,
      calledAt: call.at,
      operatorId: operator?.id ?? null,
      language: 'kk',
      history: [entry(now, { kind: 'call' }, 'created', { changes: { status: 'open', integration, matched: user ? 'user' : 'lead' } })],
    });
    return { row, created: true };
  } catch (error) {
    // The telephony retried while the first delivery was being stored: that one stands.
    if (!isUniqueViolation(error)) throw error;
    return { row: (await rowBy(strapi, { call_id: callId }))!, created: false };
  }
}

/** The newest call put through to this operator in the last 30 minutes. */
export async function currentCall(strapi: Core.Strapi, adminId: number, now = new Date()): Promise<RequestRow | undefined> {
  return strapi.db
    .connection(REQUESTS)
    .where({ operator_id: adminId })
    .andWhere('called_at', '>=', new Date(now.getTime() - 30 * 60_000))
    .orderBy('called_at', 'desc')
    .first();
}
