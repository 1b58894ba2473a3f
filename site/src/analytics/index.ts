import { createHash } from 'node:crypto';
import type { AstroGlobal } from 'astro';
import consentSource from './consent.js?raw';
import consentStyle from './consent.css?raw';
import type { MatomoTracker } from './config';

export { trackerFor, type MatomoTracker } from './config';

/**
 * The banner's script and styles go inline, and only into the pages that may carry the tracker:
 * a component's bundled <script> or <style> would put its hash into every page's CSP, and pages
 * of a site without analytics must stay exactly as they were.
 */
// Its comments (and the lint's list of browser globals) stay in the source, not in every page.
export const consentScript = consentSource.replace(/^\s*(\/\/.*|\/\* global .*\*\/)\n/gm, '');
export { consentStyle };

const sha256 = (text: string) => `sha256-${createHash('sha256').update(text).digest('base64')}` as const;
const scriptHash = sha256(consentScript);
const styleHash = sha256(consentStyle);

/**
 * Lets this page's CSP (Astro's <meta>, computed per page) run the banner and reach the tracker's
 * origin, and that origin alone: its script (script-src), its page views (connect-src for
 * sendBeacon, img-src for Matomo's image fallback). Called from the layout's frontmatter, before the
 * <head> carrying the <meta> is rendered.
 */
export function allowTracker(csp: AstroGlobal['csp'], tracker: MatomoTracker): void {
  if (!csp) throw new Error('Web analytics needs the site CSP (security.csp in astro.config.mjs).');
  csp.insertScriptHash(scriptHash);
  csp.insertStyleHash(styleHash);
  csp.insertScriptResource(tracker.origin);
  csp.insertDirective(`connect-src ${tracker.origin}`);
  csp.insertDirective(`img-src ${tracker.origin}`);
}
