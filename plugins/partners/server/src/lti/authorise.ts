/** The OIDC third-party login (LTI 1.3 core §5.1.1): the tool's authorisation request, answered by a form-posted id_token, and the pages around it. */
import crypto from 'node:crypto';
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import type { Language } from '@qabilet/domain';
import { message, type MessageKey } from '../messages';
import { LAUNCHES } from '../tables';
import { logEvent, partnerByClientId, type LtiConfig, type PartnerRow } from '../store';
import { authUrl, clearBinding, presentedBinding } from '../launch-binding';
import { escape, param } from './shared';
import { idToken } from './id-token';

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
  const token = await idToken(strapi, partner, test, row, nonce, language);
  await logEvent(strapi, { partnerId: partner.id, kind: 'auth', outcome: 'ok', code: 'event.auth', detail: `test=${test.key}` });
  const state = param(ctx, 'state');
  const csp = crypto.randomBytes(16).toString('base64');
  const fields = `<input type="hidden" name="id_token" value="${escape(token)}">${state ? `<input type="hidden" name="state" value="${escape(state)}">` : ''}`;
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
