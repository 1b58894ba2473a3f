// A local nginx running site/nginx.conf's server block for the site, for bench/site.mjs and the
// tests of the config (tests/unit/site-nginx.test.ts): the compose-only names (the build's volume,
// Docker's resolver, the site and CMS services) swapped for a local build and local addresses, in a
// config of its own with the nginx image's workers and sendfile, and the access log off.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { siteDir } from '../scripts/lib/env.mjs';

export const freePort = () => 20000 + Math.floor(Math.random() * 20000);

export function nginxBinary() {
  return [process.env.NGINX, '/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/local/nginx/sbin/nginx'].find((file) => file && fs.existsSync(file));
}

/** Resolves once `url` answers at all; fails if `child` exits first. */
export async function listening(url, child) {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited (${child.exitCode})`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  throw new Error(`${url} did not answer`);
}

function writeConfig(tmp, outDir, port, sitePort) {
  const swaps = [
    ['root /srv/site/dist;', `root ${outDir};`],
    ['listen 80;', `listen 127.0.0.1:${port};`],
    ['listen 1337;', `listen 127.0.0.1:${freePort()};`],
    ['set $site http://site:4321;', `set $site http://127.0.0.1:${sitePort};`],
    ['set $cms_api http://cms:1337;', 'set $cms_api http://127.0.0.1:9;'],
    ['set $cms http://cms:1337;', 'set $cms http://127.0.0.1:9;'],
  ];
  let site = fs.readFileSync(path.join(siteDir, 'nginx.conf'), 'utf8').replaceAll('resolver 127.0.0.11 valid=10s;', 'resolver 127.0.0.1;');
  for (const [from, to] of swaps) {
    if (!site.includes(from)) throw new Error(`site/nginx.conf no longer says "${from}": update bench/nginx.mjs`);
    site = site.replace(from, to);
  }
  fs.writeFileSync(path.join(tmp, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((name) => `${name}_temp_path ${path.join(tmp, name)};`).join(' ');
  const config = path.join(tmp, 'nginx.conf');
  // As root, nginx's workers would otherwise run as nobody, who cannot read a build under a private temp folder.
  fs.writeFileSync(
    config,
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}worker_processes auto;
pid ${path.join(tmp, 'nginx.pid')};
error_log ${path.join(tmp, 'error.log')} warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  keepalive_timeout 65;
  ${temp}
  include ${path.join(tmp, 'site.conf')};
}
`,
  );
  return config;
}

/**
 * Starts nginx on `outDir`, passing what goes to the site server to `sitePort`; undefined when
 * nginx is not installed. Throws what `nginx -t` says when it refuses the config.
 * @returns {Promise<{ url: string, stop(): Promise<void> } | undefined>}
 */
export async function startNginx(outDir, sitePort) {
  const nginx = nginxBinary();
  if (!nginx) return undefined;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-nginx-'));
  const port = freePort();
  const config = writeConfig(tmp, outDir, port, sitePort);
  const args = ['-p', tmp, '-e', path.join(tmp, 'error.log'), '-c', config];
  const checked = spawnSync(nginx, ['-t', '-q', ...args], { encoding: 'utf8' });
  if (checked.status !== 0) throw new Error(`nginx -t refused site/nginx.conf:\n${checked.stderr}`);
  const child = spawn(nginx, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await once(child, 'exit');
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await listening(`${url}/`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, stop };
}
