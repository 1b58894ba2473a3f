// Starts the CMS: compiles the TypeScript, checks the database settings, then loads and listens.
// A wrong setting ends the process with one sentence that names the variable, not a stack trace.
import { createRequire } from 'node:module';
import { cmsDir } from './lib/env.mjs';

const require = createRequire(`${cmsDir}/package.json`);
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
process.chdir(cmsDir);
require('dotenv').config({ path: `${cmsDir}/.env`, quiet: true });

const fail = (message) => {
  console.error(`\nQabilet CMS cannot start: ${message}\n`);
  process.exit(1);
};

const { compileStrapi, createStrapi } = require('@strapi/strapi');
// QABILET_COMPILED=1 skips the TypeScript compile when dist/ is known to be fresh (tests, bench).
const context = process.env.QABILET_COMPILED === '1' ? { appDir: cmsDir, distDir: `${cmsDir}/dist` } : await compileStrapi({ appDir: cmsDir });
const { readDatabaseSettings, explainConnectionError } = require(`${context.distDir}/src/lib/database-settings.js`);

let settings;
try {
  settings = readDatabaseSettings(process.env, cmsDir);
} catch (error) {
  fail(error.message);
}
for (const name of ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'ENCRYPTION_KEY']) {
  if (!process.env[name]) fail(`${name} is not set (npm start writes all secrets to cms/.env on first run).`);
}

const app = createStrapi({ ...context, autoReload: false });
try {
  await app.load();
  await app.listen();
} catch (error) {
  fail(explainConnectionError(error, settings) ?? (error.code === 'ADMIN_SETTINGS' ? error.message : `${error.message}`));
}

const stop = async () => {
  await app.destroy();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
