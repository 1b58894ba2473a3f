// Stats figures (part of `npm run bench`, or alone: `node --max-semi-space-size=64 bench/stats.mjs`,
// the CMS's V8 flags when deployed): on a throwaway PostgreSQL cluster, a year of what Qabilet
// records — 1 000 000 finished test attempts, 500 000 bookings, 200 000 people in the registry,
// with partners' and desktop results, CRM requests, recommendations and talents
// (bench/stats-data.mjs) — then (a) the rollups' reconciliation as the nightly task runs it
// (`rollups.reconcile()`: this and last calendar year), first on empty rollups and again after a
// night's changes, and (b) the dashboards' latency at 20 concurrent users, over HTTP from clients
// on a thread of their own, as the curator (country), a regional coordinator and a specialist: the
// dashboard with the default period and with a place, the home page's summary and a panel's
// export, everyone asking the same figures (a whole answer is kept until a rollup row changes, as
// in an office where all open the default dashboard); each role's default dashboard again with
// each request asking another period (no request finds a kept answer: the panels are computed from
// the kept sums, and the days a period needs are read when not kept). The second reconciliation
// runs last, after a night's changes. Issue 19's targets: the reconciliation under 5 minutes, p95
// under 200 ms. Figures, not pass/fail.
// BENCH_STATS_ATTEMPTS / _BOOKINGS / _PEOPLE scale the data set down for a quick run;
// BENCH_STATS_LOAD sets the requests per case (default 100). With 20 requests always in flight, a
// line's p50 is about 20 ÷ its throughput: the figures tell how many dashboards a second the CMS
// computes as much as how long one takes. BENCH_STATS_ONLY=reconcile skips the dashboards' load
// (the two reconciliations alone).
import { checkNode } from '../scripts/lib/env.mjs';
import { benchCms, getsFromWorker, ms, percentile, staffToken, timed } from './lib.mjs';
import { fillStatsSources } from './stats-data.mjs';

checkNode();
const ATTEMPTS = Number(process.env.BENCH_STATS_ATTEMPTS ?? 1_000_000);
const BOOKINGS = Number(process.env.BENCH_STATS_BOOKINGS ?? 500_000);
const PEOPLE = Number(process.env.BENCH_STATS_PEOPLE ?? 200_000);
const LOAD = Number(process.env.BENCH_STATS_LOAD ?? 100);
const DASHBOARDS = process.env.BENCH_STATS_ONLY !== 'reconcile';
const USERS = 20;
const ANSWER_SHARE = 0.02;
const STATEMENT_SHARE = 0.1;
const TARGET_MS = 200;

const count = (n) => Number(n).toLocaleString('en');
const seconds = (t) => `${(t / 1000).toFixed(1)} s`;

/** Specialists at every centre (the recommendations' authors, the bookings' staff), a coordinator and the curator; their tokens. */
export async function staffOf(strapi, url) {
  const centres = (await strapi.db.query('api::centre.centre').findMany({ where: { locale: 'kk' }, select: ['slug'] })).map((c) => c.slug).sort();
  const tokens = {};
  for (const slug of centres) tokens[slug] = await staffToken(strapi, url, 'qabilet-specialist', slug);
  const profiles = await strapi.db.query('api::staff-profile.staff-profile').findMany({
    populate: { user: { select: ['id', 'lastname'], populate: { roles: { select: ['code'] } } }, centre: { select: ['slug'] } },
  });
  const admins = {};
  const linked = new Set(
    (await strapi.db.query('plugin::booking.specialist').findMany({ select: ['id'], populate: { staffProfile: { select: ['id'] } } }))
      .filter((s) => s.staffProfile)
      .map((s) => s.id),
  );
  for (const p of profiles.filter((p) => p.user?.roles?.some((r) => r.code === 'qabilet-specialist') && p.user.lastname === 'qabilet-specialist')) {
    admins[p.centre.slug] = p.user.id;
    // One of the centre's specialists in the booking plugin is this staff member (their bookings count as their own).
    const free = (
      await strapi.db.query('plugin::booking.specialist').findMany({ where: { centre: p.centre.slug }, select: ['id'], orderBy: { id: 'asc' } })
    ).find((s) => !linked.has(s.id));
    if (free) await strapi.db.query('plugin::booking.specialist').update({ where: { id: free.id }, data: { staffProfile: p.id } });
  }
  return {
    admins,
    specialist: tokens.almaty,
    coordinator: await staffToken(strapi, url, 'qabilet-regional-coordinator', 'almaty-region'),
    curator: await staffToken(strapi, url, 'qabilet-project-curator', 'astana'),
  };
}

/** A night's changes: a twentieth of the confirmed past bookings completed, a hundredth of the recommendations withdrawn. */
async function aNightsChanges(knex) {
  const moved = await knex('booking_bookings')
    .where({ status: 'confirmed' })
    .where('start', '<', new Date())
    .whereRaw('id % 20 = 0')
    .update({ status: 'completed' });
  const withdrawn = await knex('assessment_notes').whereRaw('id % 100 = 0').delete();
  return `${count(moved)} bookings completed, ${count(withdrawn)} recommendations withdrawn`;
}

/** What a reconciliation did, and where its time went when it says. */
const reconciled = (r, t) =>
  `${seconds(t)} — period ${r.from}–${r.to}: ${count(r.people)} people, facts ${count(r.factsWritten)} written / ${count(r.factsRemoved)} removed, ` +
  `rollup rows ${count(r.rowsWritten)} written / ${count(r.rowsRemoved)} removed, ${count(r.monthsRebuilt)} months rebuilt` +
  (typeof r.ms === 'object' ? `; finding the people ${seconds(r.ms.people)}, their facts ${seconds(r.ms.facts)}, the months' rows ${seconds(r.ms.rows)}` : '');

/** Runs `LOAD` requests of a case, `USERS` at a time, from clients on their own thread; `pathOf(i)` gives the i-th request's path. */
const load = (url, token, pathOf) =>
  getsFromWorker(
    url,
    { Authorization: `Bearer ${token}` },
    Array.from({ length: LOAD }, (_, i) => pathOf(i)),
    USERS,
  );

export async function benchStats() {
  const { addDays, defaultPeriod, todayInKazakhstan } = await import('@qabilet/domain');
  const { strapi, url, cluster, stop } = await benchCms('qabilet_bench_stats', { SEED_DEMO: 'true' });
  try {
    const knex = strapi.db.connection;
    const rollups = strapi.plugin('stats').service('rollups');
    const staff = await staffOf(strapi, url);
    // The rollups know staff from a catalogue they keep a minute (sources.ts): the reconciliation starts after it has seen these specialists.
    const catalogued = Date.now() + 61_000;
    const requests = Math.round(BOOKINGS * 0.3);
    const notes = Math.round(PEOPLE / 2);
    const generated = await timed(() =>
      fillStatsSources(strapi, {
        people: PEOPLE,
        attempts: ATTEMPTS,
        bookings: BOOKINGS,
        requests,
        notes,
        answerShare: ANSWER_SHARE,
        statementShare: STATEMENT_SHARE,
        staffOf: staff.admins,
      }),
    );
    const w = generated.result;
    console.log(
      `\nStats (PostgreSQL ${cluster.version}; a year of records generated by SQL in ${seconds(generated.ms)}: ${count(w.people)} people in ${w.regions} regions, ` +
        `${count(w.attempts)} finished attempts of ${w.tests.length} tests (answers for ${(ANSWER_SHARE * 100).toFixed(0)} % of them only: ${count(w.answered)} attempts, ${count(w.answers)} answers), ` +
        `${count(w.statements)} partners' and desktop results, ${count(w.bookings)} bookings, ${count(w.requests)} CRM requests, ${count(w.notes)} recommendations, ${count(w.talents)} talent entries)`,
    );

    // The boot's first reconciliation read the demo data only: start from empty rollups.
    await knex.raw('TRUNCATE stats_facts, stats_daily, stats_monthly');
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, catalogued - Date.now())));
    const first = await timed(() => rollups.reconcile());
    console.log(`  reconciliation on empty rollups (as the nightly task runs it): ${reconciled(first.result, first.ms)}`);
    for (const t of ['stats_facts', 'stats_daily', 'stats_monthly']) await knex.raw(`VACUUM ANALYZE ${t}`);
    const size = async (t) => count((await knex(t).count({ n: '*' }).first()).n);
    console.log(`  rollups: ${await size('stats_facts')} facts, ${await size('stats_daily')} daily rows, ${await size('stats_monthly')} monthly rows`);

    const today = todayInKazakhstan();
    const from = defaultPeriod(today).from;
    const qs = (q) => (Object.keys(q).length ? `?${new URLSearchParams(q)}` : '');
    // Each request of the second run asks another period: the same end, a start a day later each time.
    const periodOf = (i) => ({ from: addDays(from, i + 1), to: today });
    const cases = [
      ['curator', staff.curator, 'dashboard, default period', '/stats/dashboard', {}],
      ['curator', staff.curator, 'dashboard, region KZ-75', '/stats/dashboard', { region: 'KZ-75' }],
      ['curator', staff.curator, 'summary (30 days)', '/stats/summary', null],
      ['curator', staff.curator, 'export testsByPlace (xlsx)', '/stats/panels/testsByPlace/export', { format: 'xlsx' }],
      ['coordinator', staff.coordinator, 'dashboard, default period', '/stats/dashboard', {}],
      ['coordinator', staff.coordinator, 'dashboard, region KZ-19', '/stats/dashboard', { region: 'KZ-19' }],
      ['coordinator', staff.coordinator, 'summary (30 days)', '/stats/summary', null],
      ['coordinator', staff.coordinator, 'export testsByAge (csv)', '/stats/panels/testsByAge/export', { format: 'csv' }],
      ['specialist', staff.specialist, 'dashboard, default period', '/stats/dashboard', {}],
      ['specialist', staff.specialist, 'dashboard, centre almaty', '/stats/dashboard', { centre: 'almaty' }],
      ['specialist', staff.specialist, 'summary (30 days)', '/stats/summary', null],
    ];
    if (DASHBOARDS) console.log(`  dashboards over HTTP, ${USERS} concurrent users, ${LOAD} requests per line (the specialist has no export permission):`);
    if (DASHBOARDS)
      console.log(`  ${'role'.padEnd(12)}${'endpoint'.padEnd(29)}${'requests'.padEnd(22)}  first      p50       p95       max    throughput  answers`);
    const worst = { same: [], other: [] };
    for (const [role, token, label, path, query] of DASHBOARDS ? cases : []) {
      const cold = await timed(async () => (await fetch(`${url}${path}${qs(query ?? {})}`, { headers: { Authorization: `Bearer ${token}` } })).arrayBuffer());
      const runs = [['same', 'the same figures', () => `${path}${qs(query ?? {})}`]];
      // The uncached read of each role's default dashboard (an export or a place reads the same slices, fewer of them).
      if (label.startsWith('dashboard, default')) runs.push(['other', 'a period each', (i) => `${path}${qs({ ...query, ...periodOf(i) })}`]);
      for (const [kind, what, pathOf] of runs) {
        const { times, statuses, perSecond } = await load(url, token, pathOf);
        worst[kind].push(...times);
        const answers = [...statuses].map(([s, n]) => `${n}×${s}`).join(' ');
        console.log(
          `  ${role.padEnd(12)}${label.padEnd(29)}${`${LOAD} ${what}`.padEnd(22)}  ${ms(cold.ms).padStart(9)} ${ms(percentile(times, 50)).padStart(9)} ${ms(percentile(times, 95)).padStart(9)} ${ms(Math.max(...times)).padStart(9)} ${perSecond.toFixed(1).padStart(6)}/s  ${answers}`,
        );
      }
    }
    if (DASHBOARDS)
      console.log(
        `  p95 of all requests: the same figures ${ms(percentile(worst.same, 95))}, a period each ${ms(percentile(worst.other, 95))} (target: under ${TARGET_MS} ms)`,
      );
    const changes = await aNightsChanges(knex);
    const nightly = await timed(() => rollups.reconcile());
    console.log(`  reconciliation the night after (${changes}): ${reconciled(nightly.result, nightly.ms)}  (target: under 5 minutes)`);
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchStats();
