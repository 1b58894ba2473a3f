// One mocha run boots one Strapi on a fresh database (tests/setup/global.ts) and, unless
// QABILET_TEST_BROWSER=0, builds the site against it and opens a real Chromium.
const browser = process.env.QABILET_TEST_BROWSER !== '0';
module.exports = {
  require: ['tests/setup/global.ts'],
  spec: ['packages/*/src/**/*.test.ts', 'integrations/*/src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/api/**/*.test.ts', ...(browser ? ['tests/browser/**/*.test.ts'] : [])],
  timeout: 30000,
  slow: 2000,
  reporter: 'spec',
  exit: true,
};
