// Assessment figures (part of `npm run bench`, or alone: `node bench/assessment.mjs`):
// 1. in-process, the pure rules: scoring one attempt of the interests test and computing the % fit
//    of its profile against 200 professions, ranked (what finishing an attempt and opening the
//    recommendations cost in CPU);
// 2. over HTTP, on a throwaway PostgreSQL cluster: 1 000 attempts submitted by 200 clients at once
//    (start, every answer in one batch, finish), then a check that every answer is stored once.
// Figures, not pass/fail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { checkNode, root, testSecrets } from '../scripts/lib/env.mjs';
import { startPgCluster } from '../scripts/lib/pg-cluster.mjs';
import { bootStrapi } from '../scripts/lib/strapi.mjs';

checkNode();
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 1000);
const CLIENTS = 200;
const TESTS = ['interests', 'soft-skills', 'profession-software-developer', 'profession-graphic-designer', 'profession-paediatric-nurse'];

const percentile = (values, p) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];
const ms = (n) => `${n.toFixed(2)} ms`;

async function pool(count, concurrency, fn) {
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await fn(i, worker);
        out.push(performance.now() - t);
      }
    }),
  );
  return out;
}

const valueFor = (item, n) =>
  item.type === 'likert'
    ? 1 + (n % (item.points ?? 5))
    : item.type === 'multiple'
      ? [item.options[n % item.options.length].key]
      : item.type === 'ranking'
        ? item.options.map((o) => o.key)
        : item.options[n % item.options.length].key;

export async function benchAssessmentRules() {
  const { scoreAttempt, rankProfessions, itemsOf, RIASEC_SCALES } = await import('@qabilet/domain');
  const test = JSON.parse(fs.readFileSync(path.join(root, 'cms', 'data', 'assessments', 'interests.json'), 'utf8'));
  let seed = 7;
  const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const professions = Array.from({ length: 200 }, (_, i) => ({
    slug: `p-${i}`,
    riasec: Object.fromEntries(RIASEC_SCALES.map((s) => [s, Math.floor(random() * 101)])),
  }));
  const items = itemsOf(test);
  const runs = 2000;
  const times = [];
  for (let r = 0; r < runs; r++) {
    const answers = new Map(items.map((item, i) => [item.key, { value: valueFor(item, i + r), timeMs: 1000 }]));
    const t = performance.now();
    const score = scoreAttempt(test, answers, 16);
    const profile = Object.fromEntries(score.scales.map((s) => [s.scale, s.score]));
    rankProfessions(profile, professions).slice(0, 5);
    times.push(performance.now() - t);
  }
  console.log(
    `  scoring one interests attempt (${items.length} items) + % fit of 200 professions, ranked: p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))} (${runs} runs)`,
  );
}

export async function benchAssessmentApi() {
  const cluster = await startPgCluster('qabilet_bench_assessment');
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData: (stream, _s, done) => stream.on('end', done).resume(),
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  Object.assign(process.env, testSecrets(), cluster.env, {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'error',
    ADMIN_EMAIL: 'bench@qabilet.example',
    ADMIN_PASSWORD: 'Bench-Passw0rd',
    BOOKING_OUTBOX_INTERVAL_MS: '0',
    DATABASE_POOL_MAX: '20',
    RATE_LIMIT_SCALE: '1000',
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.server.address().port),
  });
  const { strapi, url } = await bootStrapi();
  try {
    const jwts = [];
    for (let i = 0; i < CLIENTS; i += 20) {
      jwts.push(
        ...(await Promise.all(
          Array.from({ length: 20 }, async () => {
            const email = `bench.${crypto.randomBytes(5).toString('hex')}@example.kz`;
            const password = 'Qabilet2026bench';
            const reg = await fetch(`${url}/api/auth/local/register`, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({
                surname: 'Бенчмарк',
                firstName: 'Тест',
                gender: 'female',
                birthDate: '2000-01-01',
                region: 'KZ-75',
                locality: 'kz-75-medeu-district',
                email,
                phone: '+77011234567',
                education: 'university',
                userType: 'student',
                password,
              }),
            });
            const { user } = await reg.json();
            await strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { confirmed: true } });
            return (
              await (
                await fetch(`${url}/api/auth/local`, {
                  method: 'POST',
                  headers: { 'Content-Type': 'application/json' },
                  body: JSON.stringify({ identifier: email, password }),
                })
              ).json()
            ).jwt;
          }),
        )),
      );
    }
    const call = async (jwt, method, p, body) => {
      const res = await fetch(`${url}/api/assessment${p}`, {
        method,
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
        body: body && JSON.stringify(body),
      });
      const json = await res.json();
      if (!res.ok) throw new Error(`${method} ${p}: ${res.status} ${JSON.stringify(json.error)}`);
      return json.data;
    };
    const statuses = { finished: 0 };
    let answersSent = 0;
    const phases = { start: [], answers: [], finish: [] };
    const timed = async (phase, fn) => {
      const t = performance.now();
      const out = await fn();
      phases[phase].push(performance.now() - t);
      return out;
    };
    const started = performance.now();
    // Attempt i is client i % 200's attempt of test ⌊i / 200⌋: every client has one of each test running.
    const whole = await pool(ATTEMPTS, CLIENTS, async (i) => {
      const jwt = jwts[i % CLIENTS];
      const attempt = await timed('start', () => call(jwt, 'POST', '/attempts', { test: TESTS[Math.floor(i / CLIENTS) % TESTS.length] }));
      const items = attempt.test.sections.flatMap((s) => s.items);
      answersSent += items.length;
      const answers = items.map((item, n) => ({
        item: item.key,
        value: valueFor(item, n + i),
        seq: n + 1,
        timeMs: 1200,
        answeredAt: new Date().toISOString(),
      }));
      await timed('answers', () => call(jwt, 'POST', `/attempts/${attempt.id}/answers`, { answers }));
      await timed('finish', () => call(jwt, 'POST', `/attempts/${attempt.id}/finish`, {}));
      statuses.finished += 1;
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${ATTEMPTS} attempts by ${CLIENTS} concurrent clients (start, answers, finish): ${(ATTEMPTS / seconds).toFixed(0)} attempts/s, whole attempt p50 ${ms(percentile(whole, 50))}, p99 ${ms(percentile(whole, 99))}`,
    );
    for (const [phase, values] of Object.entries(phases)) console.log(`    ${phase}: p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`);
    const [{ n }] = await strapi.db.connection('assessment_answers').count({ n: '*' });
    const [{ f }] = await strapi.db.connection('assessment_attempts').where({ status: 'finished' }).count({ f: '*' });
    console.log(`  stored: ${f} finished attempts (of ${statuses.finished}), ${n} answers (of ${answersSent} sent)`);
    const profileTimes = await pool(200, 20, async (i) => call(jwts[i % CLIENTS], 'GET', '/profile'));
    console.log(
      `  GET /profile (top 5 of the catalogue with explanations), 20 clients at once: p50 ${ms(percentile(profileTimes, 50))}, p99 ${ms(percentile(profileTimes, 99))}`,
    );
  } finally {
    await strapi.destroy();
    cluster.stop();
    smtp.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchAssessmentRules();
  await benchAssessmentApi();
}
