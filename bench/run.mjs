// `npm run bench`: prints the CMS's cold-start time and resident memory (first start on an empty
// SQLite database, with migrations and seeding, then a start on the seeded one), the gzip bytes of
// HTML and JavaScript of every built site page (and per kind of page), and Lighthouse's performance
// and accessibility scores (mobile, simulated slow 4G) for the home page, the professions catalogue
// and a profession page, run with the system Chromium; the site's pages served by nginx and by
// site/server.mjs (bench/site.mjs); the assessment figures of bench/assessment.mjs;
// then the booking figures of bench/booking.mjs
// (slot queries, 100 concurrent booking clients on PostgreSQL) and the registry figures of
// bench/registry.mjs (200 000 requests, the admin list by filter), the registry of users of
// bench/talent.mjs (200 000 people, search p95), and the partner and
// desktop-import figures of bench/partners.mjs, and the stats' figures of bench/stats.mjs (a year of
// records: the rollups' reconciliation, the dashboards at 20 concurrent users). Figures, not pass/fail.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { root, siteDir, testSecrets, checkNode } from '../scripts/lib/env.mjs';
import { compileCms } from '../scripts/lib/strapi.mjs';
import { createSiteServer } from '../site/server.mjs';
import { findPgBinaries } from '../scripts/lib/pg-cluster.mjs';
import { benchBooking } from './booking.mjs';
import { benchRegistry } from './registry.mjs';
import { benchTalent } from './talent.mjs';
import { benchAssessmentApi, benchAssessmentRules } from './assessment.mjs';
import { benchDesktopParse, benchPartnersApi } from './partners.mjs';
import { benchStats } from './stats.mjs';
import { benchSite } from './site.mjs';

checkNode();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-bench-'));
const port = 13370 + Math.floor(Math.random() * 500);
const env = {
  ...process.env,
  ...testSecrets(),
  DATABASE_CLIENT: 'sqlite',
  DATABASE_FILENAME: path.join(tmp, 'bench.db'),
  HOST: '127.0.0.1',
  PORT: String(port),
  LOG_LEVEL: 'warn',
  QABILET_COMPILED: '1',
  ADMIN_EMAIL: 'bench@qabilet.example',
  ADMIN_PASSWORD: 'Bench-Passw0rd',
};

const rssMiB = (pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(status.match(/VmRSS:\s+(\d+) kB/)[1]) / 1024;
};

async function startCms() {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'cms-server.mjs')], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  for (;;) {
    if (child.exitCode !== null) throw new Error('the CMS exited during the benchmark');
    try {
      if ((await fetch(`http://127.0.0.1:${port}/_health`)).status === 204) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, ms: performance.now() - started, rss: rssMiB(child.pid) };
}

const stop = (child) =>
  new Promise((resolve) => {
    child.on('exit', resolve);
    child.kill('SIGTERM');
  });

function build(cmsUrl, outDir) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], { cwd: siteDir, env: { ...env, CMS_URL: cmsUrl, SITE_OUT_DIR: outDir }, stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build exited ${code}`))));
  });
}

const gzip = (buffer) => zlib.gzipSync(buffer, { level: 9 }).length;

/** Every JavaScript file a page loads: its scripts and islands, and what they import, once each. */
function jsClosure(root, entries) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !fs.existsSync(file)) return;
    seen.add(file);
    const code = fs.readFileSync(file, 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+\.js)["']/g)) {
      visit(m[1].startsWith('/') ? path.join(root, m[1]) : path.resolve(path.dirname(file), m[1]));
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return seen;
}

/** Serves the built site locally and runs Lighthouse on each path with the system Chromium. */
async function lighthouse(outDir, paths) {
  const { default: run } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const server = createSiteServer(outDir, {});
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const results = [];
    for (const p of paths) {
      const { lhr } = await run(`http://127.0.0.1:${server.address().port}${p}`, {
        port: chrome.port,
        onlyCategories: ['performance', 'accessibility'],
        logLevel: 'error',
        output: 'json',
      });
      const score = (id) => Math.round((lhr.categories[id].score ?? 0) * 100);
      results.push({ path: p, performance: score('performance'), accessibility: score('accessibility') });
    }
    return results;
  } finally {
    await chrome.kill();
    server.close();
  }
}

try {
  await compileCms();
  const cold = await startCms();
  console.log(`CMS first start (empty database: migrations + seed): ${(cold.ms / 1000).toFixed(2)} s, RSS ${cold.rss.toFixed(0)} MiB`);
  await stop(cold.child);
  const warm = await startCms();
  console.log(`CMS start on the seeded database:                   ${(warm.ms / 1000).toFixed(2)} s, RSS ${warm.rss.toFixed(0)} MiB`);

  const outDir = path.join(tmp, 'site');
  const t = performance.now();
  await build(`http://127.0.0.1:${port}`, outDir);
  console.log(`Site build (3 locales):                              ${((performance.now() - t) / 1000).toFixed(2)} s`);
  const rss = rssMiB(warm.child.pid);
  console.log(`CMS RSS after serving the site build:               ${rss.toFixed(0)} MiB`);
  await stop(warm.child);
  const lighthouseRuns = await lighthouse(outDir, ['/kk/', '/kk/professions/', '/kk/professions/software-developer/', '/kk/map/']);

  const pages = fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .sort();
  const rows = pages.map((file) => {
    const html = fs.readFileSync(path.join(outDir, file));
    const entries = [...html.toString().matchAll(/<script\b[^>]*\bsrc="([^"]+)"|(?:component|renderer)-url="([^"]+)"/g)].map((m) => m[1] ?? m[2]);
    const inline = [...html.toString().matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).filter((code) => code.trim());
    const js =
      [...jsClosure(outDir, entries)].reduce((sum, file) => sum + gzip(fs.readFileSync(file)), 0) +
      inline.reduce((sum, code) => sum + gzip(Buffer.from(code)), 0);
    return { page: '/' + file.replace(/index\.html$/, ''), html: gzip(html), js };
  });
  const width = Math.max(...rows.map((r) => r.page.length));
  console.log(`\n${'page'.padEnd(width)}  html gz  js gz`);
  for (const r of rows) console.log(`${r.page.padEnd(width)}  ${String(r.html).padStart(7)}  ${String(r.js).padStart(5)}`);
  const total = rows.reduce((a, r) => ({ html: a.html + r.html, js: Math.max(a.js, r.js) }), { html: 0, js: 0 });
  console.log(
    `${rows.length} pages; median html ${rows.map((r) => r.html).sort((a, b) => a - b)[rows.length >> 1]} B gzip; largest JS on a page ${total.js} B gzip`,
  );

  // The same figures by kind of page: one profession page is like another.
  const kinds = new Map();
  for (const r of rows) {
    const kind = r.page.replace(/^\/(kk|ru|en)\//, '/*/').replace(/\/(professions|news|centres|pages|news\/page)\/[^/]+\/$/, '/$1/…/');
    kinds.set(kind, [...(kinds.get(kind) ?? []), r]);
  }
  const kindWidth = Math.max(...[...kinds.keys()].map((k) => k.length));
  console.log(`\n${'kind of page'.padEnd(kindWidth)}  pages  html gz (median, max)  js gz (max)`);
  for (const [kind, list] of [...kinds].sort()) {
    const html = list.map((r) => r.html).sort((a, b) => a - b);
    console.log(
      `${kind.padEnd(kindWidth)}  ${String(list.length).padStart(5)}  ${String(html[html.length >> 1]).padStart(7)} ${String(html.at(-1)).padStart(7)}        ${String(Math.max(...list.map((r) => r.js))).padStart(6)}`,
    );
  }
  const contentPages = rows.filter((r) => r.js === 0).length;
  console.log(`${contentPages} of ${rows.length} pages load no JavaScript at all`);

  console.log(`\nLighthouse (mobile, simulated throttling)   performance  accessibility`);
  for (const run of lighthouseRuns) console.log(`${run.path.padEnd(42)} ${String(run.performance).padStart(11)}  ${String(run.accessibility).padStart(13)}`);
  await benchSite(outDir);

  console.log('\nAssessments');
  await benchAssessmentRules();
  console.log('\nPartners and desktop imports');
  await benchDesktopParse();
  // Bookings on PostgreSQL (bench/booking.mjs), when its server binaries are installed.
  if (findPgBinaries()) {
    await benchBooking();
    // The applications registry: 200 000 requests, the admin list's filters (bench/registry.mjs).
    await benchRegistry();
    // The registry of users: 200 000 people, search by name, phone and e-mail (bench/talent.mjs).
    await benchTalent();
    // 1 000 attempts from 200 concurrent clients (bench/assessment.mjs).
    await benchAssessmentApi();
    // 200 signed callbacks sent twice, 5 000 desktop rows pushed twice (bench/partners.mjs).
    await benchPartnersApi();
    // 1 000 000 attempts, 500 000 bookings, 200 000 people: the reconciliation, the dashboards' p95 (bench/stats.mjs).
    await benchStats();
  } else console.log('\nBooking, registry and assessment figures skipped: PostgreSQL server binaries not found (apt-get install postgresql).');
} finally {
  fs.rmSync(tmp, { recursive: true, force: true });
}
