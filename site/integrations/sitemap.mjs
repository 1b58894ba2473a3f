// Writes sitemap.xml after the build from the pages actually built: every page in every locale,
// each with its alternates in the other locales (hreflang) where that page exists. The axe crawl
// of the tests reads it, so a new page is checked the moment it is built.
import fs from 'node:fs/promises';

const LOCALES = ['kk', 'ru', 'en'];

/** @param {{ exclude?: RegExp }} options pages whose path (below the locale) matches are left out */
export default function sitemap({ exclude } = {}) {
  let site;
  return {
    name: 'qabilet-sitemap',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site;
      },
      'astro:build:done': async ({ dir, pages }) => {
        const byLocale = new Map(LOCALES.map((l) => [l, new Set()]));
        for (const { pathname } of pages) {
          const [locale, ...rest] = pathname.replace(/^\//, '').split('/');
          const below = rest.join('/');
          if (!byLocale.has(locale) || below.startsWith('404') || (exclude && exclude.test(below))) continue;
          byLocale.get(locale).add(below.endsWith('/') || below === '' ? below : `${below}/`);
        }
        const url = (locale, below) => new URL(`/${locale}/${below}`, site).href;
        const entries = LOCALES.flatMap((locale) =>
          [...byLocale.get(locale)].sort().map((below) => {
            const alternates = LOCALES.filter((alt) => byLocale.get(alt).has(below))
              .map((alt) => `<xhtml:link rel="alternate" hreflang="${alt}" href="${url(alt, below)}"/>`)
              .join('');
            return `<url><loc>${url(locale, below)}</loc>${alternates}</url>`;
          }),
        );
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${entries.join('\n')}\n</urlset>\n`;
        await fs.writeFile(new URL('sitemap.xml', dir), xml);
      },
    },
  };
}
