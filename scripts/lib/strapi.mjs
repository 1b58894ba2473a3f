// Boots the CMS in-process for tests and benchmarks: compile, load, listen on a free port.
import { createRequire } from 'node:module';
import { cmsDir } from './env.mjs';

const require = createRequire(`${cmsDir}/package.json`);

/**
 * `serveAdminPanel` serves the built admin panel (cms/dist/build, see admin-build.mjs) at /admin, for
 * the browser tests of the admin; it must be built before the CMS boots, which looks for it once.
 */
export async function bootStrapi({ serveAdminPanel = false } = {}) {
  const { compileStrapi, createStrapi } = require('@strapi/strapi');
  const context = await compileStrapi({ appDir: cmsDir });
  const app = createStrapi({ ...context, autoReload: false, serveAdminPanel });
  await app.load();
  await app.listen();
  const { port } = app.server.httpServer.address();
  return { strapi: app, url: `http://127.0.0.1:${port}`, distDir: context.distDir };
}

/** Loads a compiled CMS module (dist/…) so tests exercise exactly what runs. */
export function requireCms(distDir, file) {
  return require(`${distDir}/${file}`);
}

/** Compiles the CMS's TypeScript into dist/ (what `strapi build` does, without the admin panel). */
export async function compileCms() {
  const { compileStrapi } = require('@strapi/strapi');
  return compileStrapi({ appDir: cmsDir });
}
