/**
 * The signed results callback of partners without LTI (README "Signed redirect and callback"):
 * HMAC-SHA256 with the partner's secret over "<timestamp>.<raw body>" (the call-centre webhook's
 * scheme), refused when unsigned, altered, older or newer than five minutes, or replayed; results
 * only for a subject and test this partner was sent, mapped to our scales by the partner's mapping.
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import { parseDateTime } from '@qabilet/domain';
import { rawBodyOf, verifyCall } from '@qabilet/plugin-kit/server';
import { PartnersError, allowOnly, type Problem } from './errors';
import { LAUNCHES, NONCES, SUBJECTS, isUniqueViolation } from './tables';
import { logEvent, partnerByClientId, partnerSecret, scaled, type PartnerRow } from './store';
import { openLaunch } from './launches';
import { logResult, recordPartnerStatement } from './partner-statement';
import { consentedCandidate } from './desktop-match';
import type { MessageKey } from './messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function authenticate(strapi: Core.Strapi, ctx: Context): Promise<{ partner: PartnerRow; nonce: string }> {
  const partner = await partnerByClientId(strapi, ctx.params.clientId);
  if (!partner || partner.kind !== 'callback' || !partner.active) throw new PartnersError(401, { code: 'callback.partner' });
  const refuse = async (status: number, code: MessageKey) => {
    await logEvent(strapi, { partnerId: partner.id, kind: 'callback', outcome: 'refused', code });
    throw new PartnersError(status, { code });
  };
  const timestamp = ctx.get('x-qabilet-timestamp');
  const signature = ctx.get('x-qabilet-signature');
  let secret: string;
  try {
    secret = partnerSecret(partner) ?? '';
  } catch {
    // Sealed with another deployment key: no callback can be checked until a new secret is made.
    return refuse(401, 'callback.partner');
  }
  const check = verifyCall(secret, timestamp, signature, rawBodyOf(ctx) ?? '', Date.now());
  if (!check.ok) return refuse(401, check.reason === 'stale' ? 'callback.stale' : check.reason === 'mismatch' ? 'callback.signature' : 'callback.unsigned');
  const knex = strapi.db.connection;
  const nonce = `sig:${signature.slice(3)}`;
  try {
    await knex(NONCES).insert({ partner_id: partner.id, nonce, received_at: Date.now() });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return refuse(409, 'callback.replayed');
  }
  // Signatures older than the window cannot come again anyway (they would be stale).
  await knex(NONCES)
    .where('received_at', '<', Date.now() - 2 * SIGNATURE_WINDOW_MS)
    .delete();
  return { partner, nonce };
}

const SIGNATURE_WINDOW_MS = 5 * 60_000;

/** Receives a callback; one that was not stored (refused or failed) can be sent again with the same signature. */
export async function receiveCallback(strapi: Core.Strapi, ctx: Context): Promise<{ statementId: string; stored: boolean }> {
  const { partner, nonce } = await authenticate(strapi, ctx);
  try {
    return await receive(strapi, ctx, partner);
  } catch (error) {
    await strapi.db.connection(NONCES).where({ partner_id: partner.id, nonce }).delete();
    throw error;
  }
}

async function receive(strapi: Core.Strapi, ctx: Context, partner: PartnerRow): Promise<{ statementId: string; stored: boolean }> {
  const refuse = async (status: number, problems: Problem[]) => {
    await logEvent(strapi, {
      partnerId: partner.id,
      kind: 'callback',
      outcome: 'refused',
      code: problems[0]!.code,
      detail: problems
        .map((p) => p.field)
        .filter(Boolean)
        .join(',')
        .slice(0, 200),
    });
    throw new PartnersError(status, problems);
  };
  const body = ctx.request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse(400, [{ code: 'body.invalid' }]);
  const problems: Problem[] = allowOnly(body, ['id', 'subject', 'test', 'completedAt', 'scores']);
  if (typeof body.id !== 'string' || !UUID.test(body.id)) problems.push({ field: 'id', code: 'callback.id' });
  if (typeof body.subject !== 'string' || !/^[0-9a-f]{32}$/.test(body.subject)) problems.push({ field: 'subject', code: 'callback.subject' });
  const at = parseDateTime(body.completedAt);
  if (!at || at.getTime() > Date.now() + 5 * 60_000 || at.getTime() < Date.now() - 30 * 24 * 3600_000)
    problems.push({ field: 'completedAt', code: 'callback.completedAt' });
  const test = partner.tests.find((t) => t.key === body.test);
  if (!test) problems.push({ field: 'test', code: 'callback.test' });
  const scores = body.scores;
  const values: Array<{ scale: string; score: number; raw: number; min: number; max: number }> = [];
  if (!scores || typeof scores !== 'object' || Array.isArray(scores)) problems.push({ field: 'scores', code: 'callback.scores' });
  else if (test) {
    const given = scores as Record<string, unknown>;
    for (const name of Object.keys(given))
      if (!test.scales.some((m) => m.from === name)) problems.push({ field: `scores.${name}`, code: 'callback.scoreUnknown' });
    for (const m of test.scales) {
      const v = given[m.from];
      if (v === undefined) continue;
      const score = typeof v === 'number' ? scaled(m, v) : null;
      if (score === null) problems.push({ field: `scores.${m.from}`, code: 'callback.scoreRange', values: { min: m.min, max: m.max } });
      else values.push({ scale: m.to, score, raw: v as number, min: m.min, max: m.max });
    }
    if (!values.length && !problems.length) problems.push({ field: 'scores', code: 'callback.scores' });
  }
  if (problems.length) return refuse(400, problems);
  const id = (body.id as string).toLowerCase();
  const knex = strapi.db.connection;
  const subject = await knex(SUBJECTS).where({ partner_id: partner.id, sub: body.subject }).first();
  if (!subject) return refuse(403, [{ field: 'subject', code: 'callback.subjectUnknown' }]);
  const existing = await knex('assessment_statements').where({ id }).first('id', 'source_id', 'person_key');
  if (existing) {
    // A repeat of a result already kept is harmless; an id of another source's or person's is not.
    if (Number(existing.source_id) !== partner.id || existing.person_key !== subject.person_key)
      return refuse(409, [{ field: 'id', code: 'callback.idTaken' }]);
    await logEvent(strapi, { partnerId: partner.id, kind: 'callback', outcome: 'ok', code: 'event.repeat', detail: `statement=${id}` });
    return { statementId: id, stored: false };
  }
  const launched = await openLaunch(strapi, partner, subject.sub, test!.key);
  if (!launched) return refuse(403, [{ field: 'test', code: 'callback.notLaunched' }]);
  // Consent withdrawn since the launch: the result is not kept.
  const person = await consentedCandidate(strapi, subject.child_id ? { kind: 'child', id: subject.child_id } : { kind: 'user', id: subject.user_id });
  if (!person) return refuse(403, [{ field: 'subject', code: 'consent.withdrawn' }]);
  const stored = await knex.transaction(async (trx) => {
    // One launch, one result: of two different results sent at once, one takes the launch.
    const taken = await trx(LAUNCHES)
      .where({ id: launched.id })
      .whereIn('status', ['created', 'used'])
      .update({ status: 'completed', completed_at: Date.now() });
    if (!taken) return null;
    return recordPartnerStatement(strapi, trx, { id, subject, partner, test: test!, scales: values, at: at! });
  });
  if (stored === null) return refuse(403, [{ field: 'test', code: 'callback.notLaunched' }]);
  await logResult(strapi, partner.id, 'callback', stored, `test=${test!.key} statement=${id}`);
  return { statementId: id, stored };
}
