// @ts-check
import { defineConfig } from 'astro/config';
import react from '@astrojs/react';
import sitemap from './integrations/sitemap.mjs';
import precompress from './integrations/precompress.mjs';

const cms = new URL(process.env.CMS_URL ?? 'http://127.0.0.1:1337');

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  output: 'static',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory', inlineStylesheets: 'always' },
  // The cabinet's one-time pages (confirmation results, password reset), the visitor's own bookings,
  // tests, results and fit with a profession, and the centres' booking forms (the centre's own page is the one to find) are
  // not for search engines.
  integrations: [
    react(),
    sitemap({ exclude: /^account\/(confirmed|reset-password|email-confirm|parental-consent|bookings|offer|tests|results|fit)|^centres\/[^/]+\/book\// }),
    // Last: the .br and .gz copies of everything the build and the integrations above wrote.
    precompress(),
  ],
  i18n: {
    locales: ['kk', 'ru', 'en'],
    defaultLocale: 'kk',
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: true },
  },
  // Gallery photos come from the CMS at build time and are optimised into the static build,
  // so the published site never depends on the CMS being up.
  image: {
    remotePatterns: [{ protocol: cms.protocol.replace(':', ''), hostname: cms.hostname, port: cms.port || undefined }],
  },
  // Each page carries a Content-Security-Policy <meta> with the hashes of its own inline scripts
  // and styles (Astro's island loader is inline); the servers add what a meta cannot say. Web
  // analytics, when the build is given a Matomo, add its origin to the pages that may load it
  // (src/analytics/index.ts, through Astro.csp), and to no other.
  security: {
    csp: {
      scriptDirective: { resources: ["'self'"] },
      styleDirective: { resources: ["'self'"] },
      directives: ["default-src 'self'", "img-src 'self' data:", "connect-src 'self'", "object-src 'none'"],
    },
  },
  devToolbar: { enabled: false },
});
