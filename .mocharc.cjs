// One mocha run boots one Strapi on a fresh database (tests/setup/global.ts) and, unless
// QABILET_TEST_BROWSER=0, builds the site against it and opens a real Chromium.
// QABILET_TEST_SPEC=a.test.ts,b.test.ts runs just those files (still with the global setup).
const browser = process.env.QABILET_TEST_BROWSER !== '0';
const only = process.env.QABILET_TEST_SPEC?.split(',');
module.exports = {
  require: ['tests/setup/global.ts'],
  spec: only ?? [
    'packages/*/src/**/*.test.ts',
    'integrations/*/src/**/*.test.ts',
    'tests/unit/**/*.test.ts',
    'tests/api/**/*.test.ts',
    ...(browser ? ['tests/browser/**/*.test.ts'] : []),
  ],
  timeout: 30000,
  slow: 2000,
  reporter: 'spec',
  exit: true,
};
