// The clients of bench/site.mjs: `connections` kept-alive connections asking `url` one request
// after another for `seconds`, on a thread of their own (as autocannon does on its own process).
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, connections, seconds } = workerData;
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const times = [];
const statuses = new Map();
let bytes = 0;
let errors = 0;

const request = () =>
  new Promise((resolve) => {
    const t = performance.now();
    http
      .get({ agent, host: target.hostname, port: target.port, path: target.pathname + target.search, headers }, (res) => {
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () => {
          times.push(performance.now() - t);
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          resolve();
        });
      })
      .on('error', () => {
        errors += 1;
        resolve();
      });
  });

const started = performance.now();
const until = started + seconds * 1000;
await Promise.all(
  Array.from({ length: connections }, async () => {
    while (performance.now() < until) await request();
  }),
);
agent.destroy();
parentPort.postMessage({ times, statuses: [...statuses], bytes, errors, ms: performance.now() - started });
