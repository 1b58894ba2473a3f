import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { root, testSecrets } from '../../scripts/lib/env.mjs';

/** Runs `npm start`'s CMS launcher with the given settings and collects what it prints. */
function launch(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['scripts/cms-server.mjs'], {
      cwd: root,
      env: { PATH: process.env.PATH!, HOME: process.env.HOME!, ...testSecrets(), QABILET_COMPILED: '1', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('start-up with wrong database settings', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['an unknown client', { DATABASE_CLIENT: 'oracle' }, /DATABASE_CLIENT must be "sqlite" or "postgres"/],
    ['PostgreSQL without a host', { DATABASE_CLIENT: 'postgres', DATABASE_NAME: 'q', DATABASE_USERNAME: 'q' }, /DATABASE_HOST is not set/],
    [
      'a port that is not a number',
      { DATABASE_CLIENT: 'postgres', DATABASE_HOST: '127.0.0.1', DATABASE_PORT: 'fivefour', DATABASE_NAME: 'q', DATABASE_USERNAME: 'q' },
      /DATABASE_PORT must be a port number/,
    ],
    [
      'a PostgreSQL server that is not there',
      {
        DATABASE_CLIENT: 'postgres',
        DATABASE_HOST: '127.0.0.1',
        DATABASE_PORT: '9',
        DATABASE_NAME: 'q',
        DATABASE_USERNAME: 'q',
        DATABASE_CONNECTION_TIMEOUT: '3000',
      },
      /Cannot reach PostgreSQL at 127\.0\.0\.1:9 .*DATABASE_HOST and DATABASE_PORT/,
    ],
  ];
  for (const [what, env, expected] of cases) {
    it(`stops with one readable line for ${what}`, async function () {
      this.timeout(30_000);
      const { code, stderr } = await launch(env);
      assert.equal(code, 1);
      assert.match(stderr, expected);
      const lines = stderr.split('\n').filter((l) => l.trim() !== '');
      assert.equal(lines.length, 1, `one line, got:\n${stderr}`);
      assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
    });
  }
});
