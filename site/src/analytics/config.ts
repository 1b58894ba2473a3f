/**
 * Web analytics (R-NFR-5): an optional Matomo of one's own, set when the site is built.
 * `PUBLIC_ANALYTICS_MATOMO_URL` (where matomo.js and matomo.php are served) and
 * `PUBLIC_ANALYTICS_MATOMO_SITE_ID` (the site's id in that Matomo) switch it on together; with
 * neither, pages carry nothing about analytics. One without the other, or a value that is no
 * http(s) address / no positive integer, stops the build: a half-set tracker is a mistake.
 */
export interface MatomoTracker {
  /** The Matomo's base address, ending in `/`: `<base>matomo.js`, `<base>matomo.php`. */
  base: string;
  /** Its origin, the one the pages' CSP lets the tracker's script and requests use. */
  origin: string;
  siteId: string;
}

type Env = Record<string, string | undefined>;

export function matomoFromEnv(env: Env = process.env): MatomoTracker | undefined {
  const url = env.PUBLIC_ANALYTICS_MATOMO_URL?.trim() ?? '';
  const siteId = env.PUBLIC_ANALYTICS_MATOMO_SITE_ID?.trim() ?? '';
  if (!url && !siteId) return undefined;
  if (!url || !siteId) throw new Error('Set both PUBLIC_ANALYTICS_MATOMO_URL and PUBLIC_ANALYTICS_MATOMO_SITE_ID for web analytics, or neither.');
  if (!/^[1-9]\d{0,8}$/.test(siteId)) throw new Error(`PUBLIC_ANALYTICS_MATOMO_SITE_ID must be Matomo's numeric site id, not "${siteId}".`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`PUBLIC_ANALYTICS_MATOMO_URL is no address: "${url}".`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new Error(`PUBLIC_ANALYTICS_MATOMO_URL must be a plain http(s) address such as https://stats.example.kz/, not "${url}".`);
  }
  const path = parsed.pathname.replace(/(matomo\.(js|php))$/, '').replace(/\/?$/, '/');
  return { base: `${parsed.origin}${path}`, origin: parsed.origin, siteId };
}

const tracker = matomoFromEnv();

/**
 * The tracker for the page at `path` (below the locale), or undefined: none when unconfigured, and
 * none on the cabinet's pages, whose visits are the person's own business.
 */
export function trackerFor(path: string): MatomoTracker | undefined {
  return tracker && !/^account(\/|$)/.test(path) ? tracker : undefined;
}
