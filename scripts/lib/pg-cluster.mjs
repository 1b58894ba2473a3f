// A throwaway PostgreSQL cluster on a free loopback port (Debian's server binaries under
// /usr/lib/postgresql/*/bin), for `npm run test:pg` and the benchmarks; removed by stop().
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export function findPgBinaries() {
  const base = '/usr/lib/postgresql';
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((v) => fs.existsSync(path.join(base, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(base, versions[0], 'bin') : undefined;
}

const freePort = () =>
  new Promise((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

/** Starts a cluster with one database; returns the DATABASE_* settings, its version and stop(). */
export async function startPgCluster(database = 'qabilet_test') {
  const bin = findPgBinaries();
  if (!bin) throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql: install them (apt-get install postgresql).');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-pg-'));
  const data = path.join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: there the cluster belongs to the postgres system user.
  const pgRun = (tool, args) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args], { stdio: 'pipe' })
      : execFileSync(path.join(bin, tool), args, { stdio: 'pipe' });
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const stop = () => {
    try {
      pgRun('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
    } catch {
      /* it was not running */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  const port = await freePort();
  try {
    pgRun('initdb', ['-D', data, '--auth=trust', '--username=postgres', '--encoding=UTF8', '--locale=C.UTF-8']);
    pgRun('pg_ctl', [
      '-D',
      data,
      '-o',
      `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200`,
      '-l',
      path.join(dir, 'log'),
      '-w',
      'start',
    ]);
    const { Client } = require('pg');
    const admin = new Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
  } catch (error) {
    const log = path.join(dir, 'log');
    const detail = fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '';
    stop();
    throw new Error(`could not set up PostgreSQL: ${error.message}\n${error.stderr ?? ''}${detail}`, { cause: error });
  }
  return {
    version: path.basename(path.dirname(bin)),
    env: {
      DATABASE_CLIENT: 'postgres',
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_NAME: database,
      DATABASE_USERNAME: 'postgres',
      DATABASE_PASSWORD: '',
    },
    stop,
  };
}
