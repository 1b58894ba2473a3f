// Site serving figures (part of `npm run bench`, or alone: `node bench/site.mjs`, which boots the
// CMS in-process on a throwaway SQLite database and builds the site from it; BENCH_SITE_DIR=site/dist
// uses a build already there): a profession page and the home page, asked with `Accept-Encoding:
// gzip` by 50 kept-alive connections for BENCH_SITE_SECONDS (3) each, from (a) a local nginx with
// the server block of site/nginx.conf (bench/nginx.mjs), (b) site/server.mjs in its own process, as
// `npm start` and compose run it, (c) the same with a visually-impaired settings cookie, which
// nginx passes to it, and (d) a bare Node `http` server sending the page's .gz from memory with no
// other work: what any Node server reaches here. Two rounds, interleaved; each line gives req/s, p50
// and p99, and the ratio to nginx in that round (issue 20's goal: 90 %). Figures, not pass/fail.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { checkNode, root, siteDir, testSecrets } from '../scripts/lib/env.mjs';
import { bootStrapi } from '../scripts/lib/strapi.mjs';
import { ms, percentile } from './lib.mjs';
import { freePort, listening, startNginx } from './nginx.mjs';

const PAGES = ['/kk/professions/software-developer/', '/kk/'];
const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SITE_SECONDS ?? 3);
const SETTINGS = 'qabilet-vi=size-200.theme-wb';
const GOAL = 0.9;
/** (d): a page's .gz read once, then sent with no other work. */
const BARE_NODE = `
const fs = require('node:fs');
const bodies = new Map();
require('node:http').createServer((req, res) => {
  const page = req.url.split('?')[0];
  let body = bodies.get(page);
  if (!body) bodies.set(page, (body = fs.readFileSync(process.env.SITE_OUT_DIR + page + 'index.html.gz')));
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Encoding': 'gzip', 'Content-Length': body.length });
  res.end(body);
}).listen(Number(process.env.SITE_PORT), '127.0.0.1');
`;

async function load(url, headers, seconds = SECONDS) {
  const worker = new Worker(new URL('./site-load.mjs', import.meta.url), { workerData: { url, headers, connections: CONNECTIONS, seconds } });
  const [result] = await once(worker, 'message');
  await worker.terminate();
  return { ...result, statuses: new Map(result.statuses), perSecond: result.times.length / (result.ms / 1000) };
}

/** Serves `outDir` from nginx, site/server.mjs, and both with the cookie; prints the figures. */
export async function benchSite(outDir) {
  const children = [];
  let nginx;
  try {
    const sitePort = freePort();
    const server = spawn(process.execPath, [path.join(siteDir, 'server.mjs')], {
      env: { ...process.env, SITE_OUT_DIR: outDir, SITE_PORT: String(sitePort), SITE_HOST: '127.0.0.1', SITE_REBUILD_TOKEN: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(server);
    const siteUrl = `http://127.0.0.1:${sitePort}`;
    await listening(`${siteUrl}/kk/`, server);

    const targets = [];
    nginx = await startNginx(outDir, sitePort);
    if (nginx) targets.push({ name: 'nginx (gzip_static)', url: nginx.url, headers: {} });
    else console.log('nginx is not installed (apt-get install nginx-light): the figures below are the site server’s alone, with no ratio.');
    const barePort = freePort();
    const bare = spawn(process.execPath, ['-e', BARE_NODE], { env: { ...process.env, SITE_OUT_DIR: outDir, SITE_PORT: String(barePort) }, stdio: 'inherit' });
    children.push(bare);
    await listening(`http://127.0.0.1:${barePort}/kk/`, bare);
    targets.push(
      { name: 'site server', url: siteUrl, headers: {} },
      { name: 'site server, settings cookie', url: siteUrl, headers: { Cookie: SETTINGS } },
      { name: 'bare Node http, same bytes', url: `http://127.0.0.1:${barePort}`, headers: {} },
    );

    console.log(
      `\nSite pages, ${CONNECTIONS} connections, ${SECONDS} s each, Accept-Encoding: gzip, two rounds interleaved (goal: ≥ ${GOAL * 100} % of nginx)`,
    );
    // The same bytes from each: the build's gzip copy, or the page with its settings compressed once.
    for (const target of targets) {
      for (const page of PAGES) {
        const res = await fetch(`${target.url}${page}`, { headers: { ...target.headers, 'Accept-Encoding': 'gzip' } });
        if (res.status !== 200 || res.headers.get('content-encoding') !== 'gzip') {
          throw new Error(`${target.name} ${page}: ${res.status} ${res.headers.get('content-encoding') ?? 'not compressed'}`);
        }
        await load(`${target.url}${page}`, { ...target.headers, 'Accept-Encoding': 'gzip' }, 0.5);
      }
    }
    const width = Math.max(...PAGES.map((p) => p.length), ...targets.map((t) => t.name.length)) + 2;
    console.log(`${'round  page / server'.padEnd(width + 7)}  ${'req/s'.padStart(7)}  ${'p50'.padStart(8)}  ${'p99'.padStart(8)}  bytes   of nginx`);
    for (const round of [1, 2]) {
      for (const page of PAGES) {
        console.log(`${String(round).padEnd(7)}${page}`);
        let bar;
        for (const target of targets) {
          const r = await load(`${target.url}${page}`, { ...target.headers, 'Accept-Encoding': 'gzip' });
          bar ??= target.name.startsWith('nginx') ? r.perSecond : undefined;
          const failed = r.errors + r.times.length - (r.statuses.get(200) ?? 0);
          const ratio = bar ? `${String(Math.round((r.perSecond / bar) * 100)).padStart(5)} %` : '';
          console.log(
            `       ${target.name.padEnd(width)}  ${r.perSecond.toFixed(0).padStart(7)}  ${ms(percentile(r.times, 50)).padStart(8)}  ${ms(percentile(r.times, 99)).padStart(8)}  ${String(Math.round(r.bytes / r.times.length)).padStart(5)}  ${ratio}${failed ? `  (${failed} failed)` : ''}`,
          );
        }
      }
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? once(child, 'exit') : undefined)));
    await nginx?.stop();
  }
}

/** The site built from a CMS booted in this process on a throwaway SQLite database (as the tests do). */
async function buildFromCms(tmp) {
  Object.assign(process.env, testSecrets(), {
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(tmp, 'bench.db'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: 'bench@qabilet.example',
    ADMIN_PASSWORD: 'Bench-Passw0rd',
  });
  const { strapi, url } = await bootStrapi();
  try {
    const outDir = path.join(tmp, 'site');
    const child = spawn('npx', ['astro', 'build'], { cwd: siteDir, env: { ...process.env, CMS_URL: url, SITE_OUT_DIR: outDir }, stdio: 'ignore' });
    const [code] = await once(child, 'exit');
    if (code !== 0) throw new Error(`astro build exited ${code}`);
    return outDir;
  } finally {
    await strapi.destroy();
  }
}

if (import.meta.main) {
  checkNode();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-bench-'));
  try {
    const outDir = process.env.BENCH_SITE_DIR ? path.resolve(root, process.env.BENCH_SITE_DIR) : await buildFromCms(tmp);
    await benchSite(outDir);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  process.exit(0);
}
