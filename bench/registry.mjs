// Registry figures (part of `npm run bench`, or alone: `node bench/registry.mjs`): on a throwaway
// PostgreSQL cluster, 200 000 consultation requests over a year in the 17 centres; the latency of
// the admin list (`GET /crm/requests`, over HTTP, with the page's names and counts) for the filters
// staff use, as the super admin (whole country) and as a regional coordinator; and one export.
// Figures, not pass/fail.
import crypto from 'node:crypto';
import { checkNode } from '../scripts/lib/env.mjs';
import { adminLogin, benchCms, ms, percentile, pick, seededRandom, staffToken } from './lib.mjs';

checkNode();
const ROWS = Number(process.env.BENCH_REQUESTS ?? 200_000);
const RUNS = 40;

export async function benchRegistry() {
  const { strapi, url, cluster, stop } = await benchCms('qabilet_bench_registry', { SEED_DEMO: 'true' });
  try {
    const knex = strapi.db.connection;
    const centres = await strapi.db
      .query('api::centre.centre')
      .findMany({ where: { locale: 'kk' }, select: ['slug'], populate: { region: { select: ['code'] } } });
    const specialists = await strapi.db.query('plugin::booking.specialist').findMany({ select: ['id', 'centre'] });
    const byCentre = new Map(centres.map((c) => [c.slug, specialists.filter((s) => s.centre === c.slug).map((s) => s.id)]));
    const statuses = ['open', 'booked', 'confirmed', 'completed', 'completed', 'completed', 'cancelled', 'no_show', 'no_answer'];
    const sources = ['site', 'site', 'site', 'call_centre', 'call_centre', 'staff'];
    const now = Date.now();
    const t0 = performance.now();
    const random = seededRandom(42);
    for (let done = 0; done < ROWS; done += 2000) {
      const batch = [];
      for (let i = 0; i < Math.min(2000, ROWS - done); i++) {
        const centre = pick(centres, random());
        const status = pick(statuses, random());
        const lead = random() < 0.3;
        const created = new Date(now - Math.floor(random() * 365 * 86_400_000));
        batch.push({
          document_id: crypto.randomBytes(12).toString('hex').slice(0, 24),
          source: pick(sources, random()),
          status,
          service: random() < 0.7 ? 'consultation' : 'testing',
          format: random() < 0.6 ? 'offline' : 'online',
          person_kind: lead ? 'lead' : 'user',
          user_id: null,
          phone: lead ? `+7701${String(Math.floor(random() * 1e7)).padStart(7, '0')}` : null,
          lead_name: lead ? 'Bench' : null,
          region: centre.region?.code ?? null,
          centre: centre.slug,
          specialist_id: status === 'open' || status === 'no_answer' ? null : pick(byCentre.get(centre.slug) ?? [null], random()),
          history: JSON.stringify([{ at: created.toISOString(), by: { kind: 'system' }, action: 'created' }]),
          is_demo: true,
          created_at: created,
          updated_at: created,
          published_at: created,
        });
      }
      await knex('crm_requests').insert(batch);
    }
    // What autovacuum does on a live database soon after a bulk load.
    await knex.raw('VACUUM ANALYZE crm_requests');
    console.log(
      `\nRegistry (PostgreSQL ${cluster.version}; ${ROWS.toLocaleString('en')} requests over a year in ${centres.length} centres, inserted in ${((performance.now() - t0) / 1000).toFixed(1)} s)`,
    );

    const admin = await adminLogin(url);
    const coordinator = await staffToken(strapi, url, 'qabilet-regional-coordinator', 'almaty-region');

    const day = (d) => new Date(now - d * 86_400_000 + 5 * 3_600_000).toISOString().slice(0, 10);
    const someSpecialist = byCentre.get('almaty-region')?.[0];
    const someLead = (await knex('crm_requests').whereNotNull('phone').first('phone')).phone;
    const cases = [
      ['country, no filter, page 1', admin, {}],
      ['country, status=completed, page 1', admin, { status: 'completed' }],
      ['country, centre+status+service', admin, { centre: 'almaty', status: 'confirmed', service: 'testing' }],
      ['country, source+format, last 30 days', admin, { source: 'call_centre', format: 'online', from: day(30), to: day(0) }],
      ['country, by phone', admin, { phone: someLead }],
      ['country, page 400 of 25 rows', admin, { page: 400 }],
      ['region, no filter, page 1', coordinator, {}],
      ['region, specialist, status', coordinator, { specialist: someSpecialist, status: 'completed' }],
      ['region, date range (a week), 100 rows', coordinator, { from: day(60), to: day(53), pageSize: 100 }],
    ];
    const all = [];
    for (const [label, token, query] of cases) {
      const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
      const times = [];
      let total = 0;
      for (let i = 0; i < RUNS; i++) {
        const t = performance.now();
        const res = await fetch(`${url}/crm/requests?${qs}`, { headers: { Authorization: `Bearer ${token}` } });
        const body = await res.json();
        if (res.status !== 200) throw new Error(`${label}: ${res.status} ${JSON.stringify(body.error)}`);
        times.push(performance.now() - t);
        total = body.meta.pagination.total;
      }
      all.push(...times.slice(5));
      console.log(
        `  ${label.padEnd(40)} ${String(total).padStart(7)} rows  p50 ${ms(percentile(times.slice(5), 50))}  p95 ${ms(percentile(times.slice(5), 95))}`,
      );
    }
    console.log(`  all list queries above (after 5 warm-up runs each): p95 ${ms(percentile(all, 95))}`);
    const t = performance.now();
    const file = await fetch(`${url}/crm/exports/requests?file=xlsx&status=completed&centre=almaty-region`, {
      headers: { Authorization: `Bearer ${coordinator}` },
    });
    const size = (await file.arrayBuffer()).byteLength;
    const rows = (await strapi.db.query('api::audit-event.audit-event').findOne({ where: { action: 'crm.export' }, orderBy: { id: 'desc' } }))?.details?.rows;
    console.log(`  export to XLSX, one centre's completed requests: ${rows} rows, ${(size / 1024).toFixed(0)} KB in ${ms(performance.now() - t)}`);
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchRegistry();
