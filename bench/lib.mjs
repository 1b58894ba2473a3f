// What the benches share: figures (percentiles, timings, a pool of concurrent clients), repeatable
// random data, a CMS booted in-process on a throwaway PostgreSQL cluster with a mail sink, and
// sessions (registered users, staff members of a role at a centre). Figures, not pass/fail.
import crypto from 'node:crypto';
import { once } from 'node:events';
import { SMTPServer } from 'smtp-server';
import { CMS_NODE_FLAGS, testSecrets } from '../scripts/lib/env.mjs';
import { startPgCluster } from '../scripts/lib/pg-cluster.mjs';
import { bootStrapi } from '../scripts/lib/strapi.mjs';

export const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
export const ms = (n, digits = 1) => `${n.toFixed(digits)} ms`;

export async function timed(fn) {
  const t = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t };
}

/** Runs `count` calls of `fn`, `concurrency` at a time; returns each call's duration and result. */
export async function pool(count, concurrency, fn) {
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < count) {
        const i = next++;
        out.push(await timed(() => fn(i, worker)));
      }
    }),
  );
  return out;
}

/**
 * GETs `paths` from `url`, `concurrency` at a time, from a worker thread: the clients' own work
 * (sending, receiving, reading bodies) runs on another event loop than the CMS's booted in this
 * process, as a user's browser does. Returns each request's duration in ms, the count of each
 * status, and the requests a second.
 */
export async function getsFromWorker(url, headers, paths, concurrency) {
  const { Worker } = await import('node:worker_threads');
  const worker = new Worker(new URL('./gets-worker.mjs', import.meta.url), { workerData: { url, headers, paths, concurrency } });
  try {
    const [result] = await once(worker, 'message');
    return { times: result.times, statuses: new Map(result.statuses), perSecond: paths.length / (result.ms / 1000) };
  } finally {
    await worker.terminate();
  }
}

/** Random but repeatable (mulberry32): the same data on every run. */
export function seededRandom(seed = 42) {
  let s = seed;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = (list, r) => list[Math.floor(r * list.length) % list.length];

/** A local SMTP server that accepts and drops every mail (registration sends one). */
export async function mailSink() {
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData: (stream, _s, done) => stream.on('end', done).resume(),
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return smtp;
}

export const BENCH_ADMIN = { email: 'bench@qabilet.example', password: 'Bench-Passw0rd' };

/**
 * The CMS booted in this process on a throwaway PostgreSQL cluster named `name`, with a mail sink;
 * `stop()` destroys both. `env` adds to (or overrides) the bench's environment.
 */
export async function benchCms(name, env = {}) {
  const missing = CMS_NODE_FLAGS.filter((flag) => !process.execArgv.includes(flag));
  if (missing.length)
    console.warn(
      `\nThe CMS runs with ${missing.join(' ')} when deployed (scripts/lib/env.mjs): run \`node ${CMS_NODE_FLAGS.join(' ')} bench/…\` (npm run bench does) for its figures.\n`,
    );
  const cluster = await startPgCluster(name);
  const smtp = await mailSink();
  Object.assign(process.env, testSecrets(), cluster.env, {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: BENCH_ADMIN.email,
    ADMIN_PASSWORD: BENCH_ADMIN.password,
    BOOKING_OUTBOX_INTERVAL_MS: '0',
    DATABASE_POOL_MAX: '20',
    RATE_LIMIT_SCALE: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.server.address().port),
    ...env,
  });
  const { strapi, url } = await bootStrapi();
  return {
    strapi,
    url,
    cluster,
    stop: async () => {
      await strapi.destroy();
      cluster.stop();
      smtp.close();
    },
  };
}

const postJson = async (url, body, headers = {}) =>
  (await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })).json();

/** An admin session's token. */
export const adminLogin = async (url, email = BENCH_ADMIN.email, password = BENCH_ADMIN.password) =>
  (await postJson(`${url}/admin/login`, { email, password })).data.token;

/** A staff member of role `code` with a staff profile at the centre `centreSlug`; answers their admin token. */
export async function staffToken(strapi, url, code, centreSlug) {
  const role = await strapi.db.query('admin::role').findOne({ where: { code } });
  const email = `${code.replace('qabilet-', '')}.${crypto.randomBytes(4).toString('hex')}@qabilet.example`;
  const user = await strapi
    .service('admin::user')
    .create({ email, firstname: 'Bench', lastname: code, password: BENCH_ADMIN.password, isActive: true, registrationToken: null, roles: [role.id] });
  const centre = await strapi.db.query('api::centre.centre').findOne({ where: { slug: centreSlug, locale: 'kk' }, populate: { region: true } });
  await strapi.documents('api::staff-profile.staff-profile').create({ data: { user: user.id, centre: centre.documentId, region: centre.region?.documentId } });
  return adminLogin(url, email, BENCH_ADMIN.password);
}

/** `count` registered, confirmed and logged-in adults (20 registrations at a time); `phoneOf(i)` gives each one's phone. Answers their JWTs. */
export async function benchUsers(strapi, url, count, phoneOf = () => '+77011234567') {
  const jwts = [];
  for (let i = 0; i < count; i += 20) {
    jwts.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(20, count - i) }, async (_, k) => {
          const email = `bench.${crypto.randomBytes(5).toString('hex')}@example.kz`;
          const password = 'Qabilet2026bench';
          const { user } = await postJson(`${url}/api/auth/local/register`, {
            surname: 'Бенчмарк',
            firstName: 'Тест',
            gender: 'female',
            birthDate: '2000-01-01',
            region: 'KZ-75',
            locality: 'kz-75-medeu-district',
            email,
            phone: phoneOf(i + k),
            education: 'university',
            userType: 'student',
            password,
          });
          await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { confirmed: true } });
          return (await postJson(`${url}/api/auth/local`, { identifier: email, password })).jwt;
        }),
      )),
    );
  }
  return jwts;
}
