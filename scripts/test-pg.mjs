// `npm run test:pg`: the API suite on a throwaway PostgreSQL cluster that this script creates on a
// free loopback port and removes afterwards (Debian's server binaries, /usr/lib/postgresql/*/bin).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { checkNode, root } from './lib/env.mjs';
import { startPgCluster } from './lib/pg-cluster.mjs';

checkNode();
let cluster;
try {
  cluster = await startPgCluster();
} catch (error) {
  console.error(`test:pg ${error.message}`);
  process.exit(1);
}
let code;
try {
  console.log(`PostgreSQL ${cluster.version} on 127.0.0.1:${cluster.env.DATABASE_PORT}`);
  const env = { ...process.env, ...cluster.env, QABILET_TEST_BROWSER: '0' };
  const mocha = spawn(process.execPath, [path.join(root, 'node_modules', 'mocha', 'bin', 'mocha.js'), ...process.argv.slice(2)], {
    cwd: root,
    env,
    stdio: 'inherit',
  });
  code = await new Promise((resolve) => mocha.on('exit', (c) => resolve(c ?? 1)));
} finally {
  cluster.stop();
}
process.exit(code);
