import type { APIRoute } from 'astro';
import { getAbsoluteLocaleUrl } from 'astro:i18n';
import { locales } from '../i18n';
import { getCentres } from '../lib/cms';

/** Every page in every locale, each with its alternates in the other two (hreflang). */
export const GET: APIRoute = async () => {
  const centres = await getCentres('kk');
  const paths = ['', 'centres/', 'accessibility/', ...centres.map((c) => `centres/${c.slug}/`)];
  const urls = paths.flatMap((path) =>
    locales.map((locale) => {
      const alternates = locales
        .map((alt) => `<xhtml:link rel="alternate" hreflang="${alt}" href="${getAbsoluteLocaleUrl(alt, path)}"/>`)
        .join('');
      return `<url><loc>${getAbsoluteLocaleUrl(locale, path)}</loc>${alternates}</url>`;
    }),
  );
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
