/**
 * Signed webhooks (the CRM's call-centre webhook, R-NFR-7, and partners' results callbacks):
 * HMAC-SHA256 with the sender's secret over "<unix timestamp>.<raw body>", sent as
 * `X-Qabilet-Signature: v1=<hex>` beside `X-Qabilet-Timestamp`. A call older (or newer) than five
 * minutes is refused; each plugin refuses a replay within them by its own nonce table.
 */
import crypto from 'node:crypto';
import type { Context } from 'koa';

export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** The signature of a webhook call: HMAC-SHA256 over "<timestamp>.<raw body>", hex, as `v1=<hex>`. */
export function signCall(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex')}`;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** Checks a call's signature and age (both ways: a clock far ahead is as suspect as an old call). */
export function verifyCall(secret: string, timestamp: unknown, signature: unknown, rawBody: string | Buffer, nowMs: number): SignatureCheck {
  if (typeof timestamp !== 'string' || typeof signature !== 'string' || !timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{9,11}$/.test(timestamp) || !/^v1=[0-9a-f]{64}$/.test(signature)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signCall(secret, timestamp, rawBody));
  const given = Buffer.from(signature);
  return expected.length === given.length && crypto.timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** The bytes the caller signed, kept by `strapi::body` (`includeUnparsed`) beside the parsed body. */
export const rawBodyOf = (ctx: Context): string | undefined => {
  const body = ctx.request.body as Record<symbol, unknown> | undefined;
  const raw = body?.[Symbol.for('unparsedBody')];
  return typeof raw === 'string' ? raw : undefined;
};
