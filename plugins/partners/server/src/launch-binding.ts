/**
 * An LTI launch belongs to the browser that asked for it. The `login_hint` travels through the
 * tool's login in an address (browser history, the tool's logs), so on its own it would open the
 * launch for anyone within its five minutes. The cabinet's launch call therefore sets a cookie
 * holding a random secret (the launch keeps only its SHA-256), and the OIDC authorisation answers
 * only a browser that sends it back.
 *
 * - One cookie per launch (its name is derived from the launch id): two tests started in two tabs
 *   do not overwrite each other's.
 * - `Path` is the authorisation endpoint's: the cookie goes nowhere else. The browser receives it
 *   from the site (the cabinet calls `/api` on its own origin, proxied to the CMS) and must send it
 *   to `<PUBLIC_URL>/api/partners/lti/auth`, where the tool sends it: on one host (ports may differ,
 *   cookies ignore them) the cookie is host-only; when the site and `PUBLIC_URL` are two hosts of one
 *   domain (`qabilet.kz` and `cms.qabilet.kz`) it is set for that domain. Hosts with nothing in
 *   common cannot share it, and LTI launches are then refused: keep them under one domain.
 * - `SameSite=Lax`: the authorisation request is a top-level navigation from the tool's site.
 *   Lax cookies travel with a cross-site top-level GET, which is what ltijs (a 302 from its login
 *   route) and most tools send; `Strict` would not travel after a redirect from another site, and
 *   `None` needs `Secure` (so would break plain-http development) and would also ride along on any
 *   other site's requests. LTI also allows the tool to form-POST its request: a cross-site POST
 *   carries no Lax cookie, so that request is re-posted once from our own origin (lti.ts), which does.
 * - `Secure` when `PUBLIC_URL` is https; `HttpOnly` always; it lives as long as the launch.
 */
import crypto from 'node:crypto';
import type { Context } from 'koa';
import { siteUrl } from '@qabilet/plugin-kit/server';
import { publicUrl } from './store';

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export const authUrl = () => `${publicUrl()}/api/partners/lti/auth`;
export const bindingCookieName = (launchId: string) => `qabilet_lti_${sha256(launchId).slice(0, 16)}`;

/**
 * Kazakhstan's public second-level domains (and a few common elsewhere): a browser drops a cookie
 * set for one of them, as for a top-level domain, so two hosts sharing only such a suffix share nothing.
 */
const PUBLIC_SUFFIXES = new Set(['com.kz', 'edu.kz', 'gov.kz', 'mil.kz', 'net.kz', 'org.kz', 'co.uk', 'com.ru', 'org.ru']);

/** The domain the site's host and PUBLIC_URL's host share (two labels at least, not a public suffix), when they differ. */
export function sharedDomain(site: string, cms: string): string | undefined {
  if (site === cms || [site, cms].some((h) => /^[\d.]+$|:|^\[/.test(h))) return undefined;
  const a = site.split('.').reverse();
  const b = cms.split('.').reverse();
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  const domain = a.slice(0, n).reverse().join('.');
  return n >= 2 && !PUBLIC_SUFFIXES.has(domain) ? domain : undefined;
}

/**
 * Why LTI launches cannot work with this configuration, or nothing: the site and PUBLIC_URL on two
 * hosts that share no domain a cookie can be set for. Said once at start-up (host names only).
 */
export function bindingProblem(): string | undefined {
  const site = new URL(siteUrl()).hostname;
  const cms = new URL(publicUrl()).hostname;
  if (site === cms || sharedDomain(site, cms)) return undefined;
  return `LTI launches will be refused: the site (${site}) and PUBLIC_URL (${cms}) share no domain for the launch cookie; serve them on one host or two hosts of one domain`;
}

function cookie(name: string, value: string, maxAge: number): string {
  const attributes = [`${name}=${value}`, `Path=${new URL(authUrl()).pathname}`, `Max-Age=${maxAge}`, 'HttpOnly', 'SameSite=Lax'];
  const domain = sharedDomain(new URL(siteUrl()).hostname, new URL(publicUrl()).hostname);
  if (domain) attributes.push(`Domain=${domain}`);
  if (publicUrl().startsWith('https:')) attributes.push('Secure');
  return attributes.join('; ');
}

/** A new binding for a launch: the hash to keep with it and the Set-Cookie header for the browser. */
export function newBinding(launchId: string, lifeSeconds: number): { hash: string; setCookie: string } {
  const secret = crypto.randomBytes(32).toString('base64url');
  return { hash: sha256(secret), setCookie: cookie(bindingCookieName(launchId), secret, lifeSeconds) };
}

/** The hash of the binding secret this browser sent for the launch, if it sent one. */
export function presentedBinding(ctx: Context, launchId: string): string | undefined {
  // Unsigned: the value is a random secret compared by its hash, not something we vouch for.
  const value = ctx.cookies.get(bindingCookieName(launchId), { signed: false });
  return value && /^[A-Za-z0-9_-]{43}$/.test(value) ? sha256(value) : undefined;
}

/** The launch is done: the browser may forget its cookie. */
export const clearBinding = (ctx: Context, launchId: string) => ctx.append('Set-Cookie', cookie(bindingCookieName(launchId), '', 0));
