// `npm run test:pg`: the API suite on a throwaway PostgreSQL cluster that this script creates on a
// free loopback port and removes afterwards (Debian's server binaries, /usr/lib/postgresql/*/bin).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { checkNode, root } from './lib/env.mjs';

checkNode();
const require = createRequire(import.meta.url);

function findBinaries() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions.length) {
    console.error('PostgreSQL server binaries not found under /usr/lib/postgresql: install them (apt-get install postgresql).');
    process.exit(1);
  }
  return path.join(base, versions[0], 'bin');
}

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const bin = findBinaries();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-pg-'));
const data = path.join(dir, 'data');
const asRoot = process.getuid?.() === 0;
// initdb refuses to run as root: there the cluster belongs to the postgres system user.
const pgRun = (tool, args) =>
  asRoot
    ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
    : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);

const port = await freePort();
let code = 1;
try {
  pgRun('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
  pgRun('pg_ctl', ['-D', data, '-o', `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off`, '-l', path.join(dir, 'log'), '-w', 'start']);
  const { Client } = require('pg');
  const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  await admin.query('CREATE DATABASE qabilet_test');
  await admin.end();
  console.log(`PostgreSQL ${path.basename(path.dirname(bin))} on 127.0.0.1:${port}`);

  const env = {
    ...process.env,
    DATABASE_CLIENT: 'postgres',
    DATABASE_HOST: '127.0.0.1',
    DATABASE_PORT: String(port),
    DATABASE_NAME: 'qabilet_test',
    DATABASE_USERNAME: 'postgres',
    DATABASE_PASSWORD: '',
    QABILET_TEST_BROWSER: '0',
  };
  const mocha = spawn(process.execPath, [path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...process.argv.slice(2)], { cwd: root, env, stdio: 'inherit' });
  code = await new Promise((resolve) => mocha.on('exit', (c) => resolve(c ?? 1)));
} catch (error) {
  console.error(`test:pg could not set up PostgreSQL: ${error.message}\n${error.stderr ?? ''}`);
  const log = path.join(dir, 'log');
  if (fs.existsSync(log)) console.error(fs.readFileSync(log, 'utf8'));
} finally {
  try {
    pgRun('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
  } catch {
    /* it was not running */
  }
  fs.rmSync(dir, { recursive: true, force: true });
}
process.exit(code);
