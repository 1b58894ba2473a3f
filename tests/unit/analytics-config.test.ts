import assert from 'node:assert/strict';
import { matomoFromEnv } from '../../site/src/analytics/config.ts';

// The site's web analytics are set by two variables at its build (site/src/analytics/config.ts);
// tests/browser/analytics.test.ts builds the site with them and follows a visitor.

describe('web analytics: the build configuration', () => {
  const env = (url?: string, siteId?: string) => ({ PUBLIC_ANALYTICS_MATOMO_URL: url, PUBLIC_ANALYTICS_MATOMO_SITE_ID: siteId });

  it('is off with neither variable, and reads a Matomo address however it is written', () => {
    assert.equal(matomoFromEnv(env()), undefined);
    assert.equal(matomoFromEnv(env(' ', '')), undefined);
    const expected = { base: 'https://stats.example.kz/', origin: 'https://stats.example.kz', siteId: '7' };
    assert.deepEqual(matomoFromEnv(env('https://stats.example.kz', '7')), expected);
    assert.deepEqual(matomoFromEnv(env('https://stats.example.kz/matomo.php', '7')), expected);
    assert.deepEqual(matomoFromEnv(env('https://example.kz/matomo', '7')), { ...expected, base: 'https://example.kz/matomo/', origin: 'https://example.kz' });
  });

  it('stops the build when only half of it is set, or set wrong', () => {
    for (const [url, siteId] of [
      ['https://stats.example.kz/', undefined],
      [undefined, '1'],
      ['https://stats.example.kz/', 'one'],
      ['https://stats.example.kz/', '0'],
      ['stats.example.kz', '1'],
      ['ftp://stats.example.kz/', '1'],
      ['https://user:pass@stats.example.kz/', '1'],
      ['https://stats.example.kz/?site=1', '1'],
    ]) {
      assert.throws(() => matomoFromEnv(env(url, siteId)), /PUBLIC_ANALYTICS_MATOMO/, `${url} ${siteId}`);
    }
  });
});
