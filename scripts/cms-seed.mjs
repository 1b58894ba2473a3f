// Loads the CMS once, which runs the migrations and the seed, then exits. docker-compose runs it
// before the CMS replicas start, so that two replicas never seed an empty database at once.
import { createRequire } from 'node:module';
import { cmsDir } from './lib/env.mjs';

const require = createRequire(`${cmsDir}/package.json`);
process.chdir(cmsDir);
const { createStrapi } = require('@strapi/strapi');
try {
  const app = await createStrapi({ appDir: cmsDir, distDir: `${cmsDir}/dist`, autoReload: false, serveAdminPanel: false }).load();
  await app.destroy();
  process.exit(0);
} catch (error) {
  console.error(`Qabilet seed failed: ${error.message}`);
  process.exit(1);
}
