// The clients of lib.mjs's getsFromWorker: GETs in a worker thread, `concurrency` in flight.
import { parentPort, workerData } from 'node:worker_threads';

const { url, headers, paths, concurrency } = workerData;
const times = [];
const statuses = new Map();
let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const t = performance.now();
      const res = await fetch(`${url}${path}`, { headers });
      await res.arrayBuffer();
      times.push(performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
  }),
);
parentPort.postMessage({ times, statuses: [...statuses], ms: performance.now() - started });
