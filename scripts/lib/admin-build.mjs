// The admin panel's bundle (cms/dist/build), built with `strapi build` only when what it is made of
// changed: `npm start` and the browser tests share it. A stamp of the sources is written beside the
// bundle after a build succeeds; a lock keeps two processes of one checkout from building at once.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { cmsDir, root } from './env.mjs';

const buildDir = path.join(cmsDir, 'dist', 'build');
const stampFile = path.join(buildDir, '.qabilet-sources');
const lockDir = path.join(cmsDir, '.strapi', 'admin-build.lock');

const readOr = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** A hash of every file the admin bundle is built from that this repository can change. */
export function adminSourcesStamp() {
  const hash = crypto.createHash('sha256');
  const plugins = fs.readdirSync(path.join(root, 'plugins'));
  const sources = [
    path.join(cmsDir, 'src', 'admin'),
    // Which plugins the bundle holds, and where the admin is served from.
    path.join(cmsDir, 'config', 'plugins.ts'),
    path.join(cmsDir, 'config', 'admin.ts'),
    ...plugins.flatMap((p) => [path.join(root, 'plugins', p, 'admin'), path.join(root, 'plugins', p, 'package.json')]),
    // Bundled into the admin too: the plugin kit's admin half and the domain's rules and contracts.
    path.join(root, 'packages', 'plugin-kit', 'admin'),
    path.join(root, 'packages', 'domain', 'src'),
  ];
  const walk = (file) => {
    if (!fs.existsSync(file)) return;
    if (!fs.statSync(file).isDirectory()) {
      hash.update(file).update(fs.readFileSync(file));
      return;
    }
    for (const entry of fs.readdirSync(file).sort()) walk(path.join(file, entry));
  };
  sources.forEach(walk);
  hash.update(readOr(path.join(root, 'package-lock.json')));
  return hash.digest('hex');
}

export const adminBuildIsFresh = (stamp = adminSourcesStamp()) => fs.existsSync(path.join(buildDir, 'index.html')) && readOr(stampFile) === stamp;

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
};

/** Holds the checkout's build lock while `fn` runs; a lock left by a process that died is taken over. */
async function withLock(fn) {
  fs.mkdirSync(path.dirname(lockDir), { recursive: true });
  for (;;) {
    try {
      fs.mkdirSync(lockDir);
      fs.writeFileSync(path.join(lockDir, 'pid'), String(process.pid));
      break;
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      // An empty pid file is a lock being taken this very moment: wait for it like any other.
      const pid = Number(readOr(path.join(lockDir, 'pid')));
      if (pid && !alive(pid)) fs.rmSync(lockDir, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return await fn();
  } finally {
    fs.rmSync(lockDir, { recursive: true, force: true });
  }
}

/**
 * Builds the admin panel unless the bundle on disk was built from the sources as they are now.
 * `quiet` keeps the build's output to itself and shows it only if the build fails (tests);
 * `onChild` hears of the build's process (npm start stops it on Ctrl+C). Resolves to whether it built.
 */
export async function ensureAdminBuild({ env = process.env, quiet = false, onChild = () => {}, onBuild = () => {} } = {}) {
  if (adminBuildIsFresh()) return false;
  return withLock(async () => {
    // Another process may have built it while this one waited for the lock.
    const stamp = adminSourcesStamp();
    if (adminBuildIsFresh(stamp)) return false;
    onBuild();
    await new Promise((resolve, reject) => {
      const child = spawn('npx', ['strapi', 'build'], { cwd: cmsDir, env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
      onChild(child);
      let output = '';
      child.stdout?.on('data', (d) => (output += d));
      child.stderr?.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`Building the admin panel failed (exit ${code})${output ? `:\n${output}` : ''}`))));
    });
    fs.writeFileSync(stampFile, stamp);
    return true;
  });
}
