// Rebuilds the static site when the CMS says its content changed: debounced (a content manager
// saving five entries causes one build), one build at a time (a change during a build causes one
// more after it), built aside and swapped in, so visitors never see a half-built site. `astro build`
// writes the pages' .br and .gz copies too (integrations/precompress.mjs), before the swap.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';

// The site's own astro, or the one npm hoisted to the root of the workspace.
const astro = [path.join(import.meta.dirname, 'node_modules', '.bin', 'astro'), path.join(import.meta.dirname, '..', 'node_modules', '.bin', 'astro')].find(
  existsSync,
);

function build(outDir, cmsUrl) {
  return new Promise((resolve, reject) => {
    if (!astro) return reject(new Error('astro is not installed (npm install)'));
    const child = spawn(astro, ['build'], {
      cwd: import.meta.dirname,
      env: { ...process.env, CMS_URL: cmsUrl, SITE_OUT_DIR: outDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk) => (errors = (errors + chunk).slice(-4000)));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited ${code}: ${errors.trim()}`))));
  });
}

/**
 * @param {{ outDir: string, cmsUrl: string, delayMs?: number, log?: (line: string) => void,
 *   build?: (outDir: string, cmsUrl: string) => Promise<void>, onSwapped?: () => void }} options `build`
 *   is `astro build` unless a test gives another; `onSwapped` is called once a new build is in place
 * @returns {{ schedule(): void, idle(): Promise<void>, builds: number }}
 */
export function createRebuilder({ outDir, cmsUrl, delayMs = 5000, log = console.log, build: buildSite = build, onSwapped = () => {} }) {
  let timer;
  let running;
  let again = false;
  const state = {
    builds: 0,
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(start, delayMs);
      timer.unref?.();
    },
    /** Resolves once no build is waiting or running (for tests and shutdown). */
    async idle() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, 50)));
    },
  };

  async function start() {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      const next = `${outDir}.next`;
      const old = `${outDir}.old`;
      const began = Date.now();
      try {
        await fs.rm(next, { recursive: true, force: true });
        await buildSite(next, cmsUrl);
        await fs.rm(old, { recursive: true, force: true });
        await fs.rename(outDir, old).catch(() => {});
        await fs.rename(next, outDir);
        onSwapped();
        await fs.rm(old, { recursive: true, force: true });
        state.builds += 1;
        log(`site rebuilt in ${((Date.now() - began) / 1000).toFixed(1)} s`);
      } catch (error) {
        log(`site rebuild failed, the previous build stays online: ${error.message}`);
      }
    })();
    await running;
    running = undefined;
    if (again) {
      again = false;
      await start();
    }
  }
  return state;
}
