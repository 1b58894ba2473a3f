import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { root } from '../../scripts/lib/env.mjs';

/** Starts another CMS instance on the same database (the suite's environment); resolves with its URL. */
export function startInstance(): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(process.execPath, [path.join(root, 'scripts', 'lib', 'serve-cms.mjs')], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the second CMS did not start:\n${output}`)), 120_000);
    child.stderr!.on('data', (d) => (output += d));
    child.stdout!.on('data', (d) => {
      output += d;
      const match = /QABILET_CMS_URL (\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1]!,
        stop: () =>
          new Promise<void>((done) => {
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
    child.on('exit', (code) => reject(new Error(`the second CMS exited (${code}):\n${output}`)));
  });
}
