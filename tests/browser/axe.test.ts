import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext } from 'playwright-core';
import type { AxeResults } from 'axe-core';
import { ctx } from '../setup/context.ts';

// axe-core itself, loaded into each page before it runs: three times faster here than
// @axe-core/playwright, which injects and configures it anew for every call.
const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
// Every page in the standard view and the strongest visually-impaired one; the third view on one
// page of each kind (one profession, one news item…) per locale, as its styles are per template.
const MODES: Record<string, { cookie?: string; sample?: boolean }> = {
  standard: {},
  'visually impaired (200%, white on black, no images)': { cookie: 'size-200.theme-wb.images-off' },
  'visually impaired (150%, dark blue on light blue), one page of each kind': { cookie: 'size-150.theme-blue', sample: true },
};

function onePerKind(paths: string[]): string[] {
  const seen = new Set<string>();
  return paths.filter((p) => {
    const kind = p.replace(/\/(professions|news|news\/page|centres|pages)\/[^/]+\/$/, '/$1/*/').replace(/\/statistics\/kz-\d{2}\/$/, '/statistics/*/');
    if (seen.has(kind)) return false;
    seen.add(kind);
    return true;
  });
}

/** Every page of the sitemap (all three locales) plus the 404 pages, in each display mode. */
describe('axe crawl: WCAG 2.2 AA', function () {
  this.timeout(600_000);

  for (const [mode, { cookie, sample }] of Object.entries(MODES)) {
    it(`has no violations on any page, ${mode}`, async () => {
      const sitemap = await (await fetch(`${ctx.siteUrl}/sitemap.xml`)).text();
      const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
      assert.ok(paths.length >= 60);
      // Pages left out of the sitemap on purpose (404s, the account pages mails link to, one's own
      // bookings, the centres' booking forms: one of them stands for all 17).
      paths.push('/kk/missing/', '/ru/missing/', '/en/missing/', '/xx/');
      for (const locale of ['kk', 'ru', 'en']) {
        paths.push(`/${locale}/centres/almaty/book/`);
        for (const page of [
          '',
          'bookings/',
          'register/',
          'login/',
          'forgot-password/',
          'reset-password/?code=' + 'a'.repeat(64),
          'confirmed/',
          'parental-consent/?token=' + 'b'.repeat(64),
          'parental-consent/given/',
          'parental-consent/invalid/',
          'email-confirm/',
        ]) {
          paths.push(`/${locale}/account/${page}`);
        }
      }

      const unique = sample ? onePerKind([...new Set(paths)]) : [...new Set(paths)];
      const context: BrowserContext = await ctx.browser!.newContext({ baseURL: ctx.siteUrl });
      await context.addInitScript(axeSource);
      // The site server applies the settings the visitor chose from this cookie.
      if (cookie) await context.addCookies([{ name: 'qabilet-vi', value: cookie, url: ctx.siteUrl }]);
      const failures: string[] = [];
      try {
        // Two pages at a time: the machine has two cores.
        const queue = [...unique];
        await Promise.all(
          [0, 1].map(async () => {
            const page = await context.newPage();
            for (let path = queue.shift(); path; path = queue.shift()) {
              await page.goto(path, { waitUntil: 'load' });
              // Islands are checked as a visitor meets them: hydrated.
              if (await page.locator('astro-island').count()) await page.waitForLoadState('networkidle');
              const { violations } = await page.evaluate(
                (tags) =>
                  (window as unknown as { axe: { run: (c: Document, o: object) => Promise<AxeResults> } }).axe.run(document, {
                    runOnly: { type: 'tag', values: tags },
                    resultTypes: ['violations'],
                  }),
                TAGS,
              );
              for (const v of violations)
                failures.push(
                  `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes
                    .map((n) => n.target.join(' '))
                    .slice(0, 3)
                    .join(', ')}`,
                );
            }
            await page.close();
          }),
        );
      } finally {
        await context.close();
      }
      assert.deepEqual(failures, []);
    });
  }
});
