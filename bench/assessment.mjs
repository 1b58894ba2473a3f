// Assessment figures (part of `npm run bench`, or alone: `node bench/assessment.mjs`):
// 1. in-process, the pure rules: scoring one attempt of the interests test and computing the % fit
//    of its profile against 200 professions, ranked (what finishing an attempt and opening the
//    recommendations cost in CPU);
// 2. over HTTP, on a throwaway PostgreSQL cluster: 1 000 attempts submitted by 200 clients at once
//    (start, every answer in one batch, finish), then a check that every answer is stored once.
// Figures, not pass/fail.
import fs from 'node:fs';
import path from 'node:path';
import { checkNode, root } from '../scripts/lib/env.mjs';
import { benchCms, benchUsers, ms as msDigits, percentile, pool, timed } from './lib.mjs';

checkNode();
const ATTEMPTS = Number(process.env.BENCH_ATTEMPTS ?? 1000);
const CLIENTS = 200;
const TESTS = ['interests', 'soft-skills', 'profession-software-developer', 'profession-graphic-designer', 'profession-paediatric-nurse'];

const ms = (n) => msDigits(n, 2);

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
  const { strapi, url, stop } = await benchCms('qabilet_bench_assessment');
  try {
    const jwts = await benchUsers(strapi, url, CLIENTS);
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
    const timedPhase = async (phase, fn) => {
      const { result, ms: took } = await timed(fn);
      phases[phase].push(took);
      return result;
    };
    const started = performance.now();
    // Attempt i is client i % 200's attempt of test ⌊i / 200⌋: every client has one of each test running.
    const attempts = await pool(ATTEMPTS, CLIENTS, async (i) => {
      const jwt = jwts[i % CLIENTS];
      const attempt = await timedPhase('start', () => call(jwt, 'POST', '/attempts', { test: TESTS[Math.floor(i / CLIENTS) % TESTS.length] }));
      const items = attempt.test.sections.flatMap((s) => s.items);
      answersSent += items.length;
      const answers = items.map((item, n) => ({
        item: item.key,
        value: valueFor(item, n + i),
        seq: n + 1,
        timeMs: 1200,
        answeredAt: new Date().toISOString(),
      }));
      await timedPhase('answers', () => call(jwt, 'POST', `/attempts/${attempt.id}/answers`, { answers }));
      await timedPhase('finish', () => call(jwt, 'POST', `/attempts/${attempt.id}/finish`, {}));
      statuses.finished += 1;
    });
    const whole = attempts.map((r) => r.ms);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `  ${ATTEMPTS} attempts by ${CLIENTS} concurrent clients (start, answers, finish): ${(ATTEMPTS / seconds).toFixed(0)} attempts/s, whole attempt p50 ${ms(percentile(whole, 50))}, p99 ${ms(percentile(whole, 99))}`,
    );
    for (const [phase, values] of Object.entries(phases)) console.log(`    ${phase}: p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`);
    const [{ n }] = await strapi.db.connection('assessment_answers').count({ n: '*' });
    const [{ f }] = await strapi.db.connection('assessment_attempts').where({ status: 'finished' }).count({ f: '*' });
    console.log(`  stored: ${f} finished attempts (of ${statuses.finished}), ${n} answers (of ${answersSent} sent)`);
    const profileTimes = (await pool(200, 20, async (i) => call(jwts[i % CLIENTS], 'GET', '/profile'))).map((r) => r.ms);
    console.log(
      `  GET /profile (top 5 of the catalogue with explanations), 20 clients at once: p50 ${ms(percentile(profileTimes, 50))}, p99 ${ms(percentile(profileTimes, 99))}`,
    );
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchAssessmentRules();
  await benchAssessmentApi();
}
