// Boots one more CMS instance on the environment's database and prints `QABILET_CMS_URL <url>`:
// the tests and benchmarks use it to run several instances against one PostgreSQL database.
import { bootStrapi } from './strapi.mjs';

process.env.QABILET_SEED = 'false';
process.env.PORT = '0';
const { strapi, url } = await bootStrapi();
process.stdout.write(`QABILET_CMS_URL ${url}\n`);
const stop = async () => {
  await strapi.destroy();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
