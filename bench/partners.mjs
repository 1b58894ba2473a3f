// Partner and desktop-import figures (part of `npm run bench`, or alone: `node bench/partners.mjs`):
// 1. in-process: reading a desktop export of 5 000 rows (XLSX and CSV) into a table;
// 2. over HTTP, on a throwaway PostgreSQL cluster: 200 signed results callbacks from 50 partners'
//    connections at once (each sent twice, re-signed: the repeats must store nothing), and 5 000
//    desktop rows pushed in calls of 500 rows, then pushed again (all duplicates).
// Figures, not pass/fail.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import ExcelJS from 'exceljs';
import { checkNode, root } from '../scripts/lib/env.mjs';
import { benchCms, benchUsers, ms, percentile, pool } from './lib.mjs';

checkNode();
const require = createRequire(`${root}/package.json`);
const CALLBACKS = 200;
const ROWS = 5000;
const sign = (secret, ts, raw) => `v1=${crypto.createHmac('sha256', secret).update(`${ts}.`).update(raw).digest('hex')}`;

const phoneOf = (i) => `+7701${String(1000000 + i).slice(-7)}`;

export async function benchDesktopParse() {
  const { readTable } = require(`${root}/plugins/partners/dist/server/desktop-parse.js`);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Results');
  sheet.addRow(['ID', 'Phone', 'Test', 'Date', 'R', 'S']);
  const lines = ['ID;Phone;Test;Date;R;S'];
  for (let i = 0; i < ROWS; i++) {
    sheet.addRow([`PC-${i}`, phoneOf(i % 200), 'holland', new Date(Date.UTC(2026, 10, 1 + (i % 28), 9)), i % 21, (i * 7) % 21]);
    lines.push(`PC-${i};${phoneOf(i % 200)};holland;${1 + (i % 28)}.11.2026 14:00;${i % 21};${(i * 7) % 21}`);
  }
  const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
  const csv = Buffer.from(lines.join('\r\n'));
  for (const [name, bytes] of [
    ['export.xlsx', xlsx],
    ['export.csv', csv],
  ]) {
    const times = [];
    for (let r = 0; r < 5; r++) {
      const t = performance.now();
      const read = await readTable(bytes, name);
      times.push(performance.now() - t);
      if (!read.ok || read.table.records.length !== ROWS) throw new Error(`${name} was not read`);
    }
    console.log(
      `  reading a desktop export of ${ROWS} rows, ${name.split('.')[1].toUpperCase()} (${(bytes.length / 1024).toFixed(0)} KB): p50 ${ms(percentile(times, 50))} (5 runs)`,
    );
  }
}

export async function benchPartnersApi() {
  const { strapi, url, stop } = await benchCms('qabilet_bench_partners');
  try {
    const users = await benchUsers(strapi, url, CALLBACKS, phoneOf);
    const partners = strapi.plugin('partners').service('partners');
    const { partner, secret } = await partners.create({
      kind: 'callback',
      name: 'Bench partner',
      config: {},
      tests: [
        {
          key: 'talk',
          name: { kk: 'Сөйлесу', ru: 'Общение', en: 'Talking' },
          url: 'https://partner.example.kz/start',
          scales: [{ from: 'talk', to: 'communication', min: 0, max: 10 }],
        },
      ],
    });
    const subjects = await Promise.all(
      users.map(async (jwt) => {
        const res = await fetch(`${url}/api/partners/launches`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${jwt}` },
          body: JSON.stringify({ partner: partner.clientId, test: 'talk' }),
        });
        const token = new URL((await res.json()).data.url).searchParams.get('token');
        return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sub;
      }),
    );
    const bodies = subjects.map((subject, i) =>
      JSON.stringify({ id: crypto.randomUUID(), subject, test: 'talk', completedAt: new Date().toISOString(), scores: { talk: i % 11 } }),
    );
    const post = async (raw, ts) => {
      const res = await fetch(`${url}/api/partners/callback/${partner.clientId}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': String(ts), 'X-Qabilet-Signature': sign(secret, ts, raw) },
        body: raw,
      });
      if (res.status !== 200) throw new Error(`callback: ${res.status} ${await res.text()}`);
    };
    const started = performance.now();
    // A repeat is the same result sent again as a partner's retry: new bytes (here a space), a new signature.
    const calls = await pool(CALLBACKS * 2, 50, (i) =>
      post(i < CALLBACKS ? bodies[i] : bodies[i - CALLBACKS].replace('{', '{ '), Math.floor(Date.now() / 1000)),
    );
    const times = calls.map((r) => r.ms);
    const seconds = (performance.now() - started) / 1000;
    const [{ n }] = await strapi.db.connection('assessment_statements').where({ source_id: partner.id }).count({ n: '*' });
    console.log(
      `  ${CALLBACKS * 2} signed callbacks (each result twice) from 50 connections: ${((CALLBACKS * 2) / seconds).toFixed(0)} calls/s, p50 ${ms(percentile(times, 50))}, p99 ${ms(percentile(times, 99))}; statements stored: ${n} (of ${CALLBACKS} results)`,
    );

    const { partner: desktop, secret: key } = await partners.create({
      kind: 'desktop',
      name: 'Bench desktop',
      config: { centre: 'almaty', columns: { externalId: 'ID', phone: 'Phone', takenAt: 'Date' } },
      tests: [
        {
          key: 'holland',
          name: { kk: 'Холланд', ru: 'Холланд', en: 'Holland' },
          scales: [
            { from: 'R', to: 'realistic', min: 0, max: 20 },
            { from: 'S', to: 'social', min: 0, max: 20 },
          ],
        },
      ],
    });
    const rows = Array.from({ length: ROWS }, (_, i) => ({
      externalId: `PC-${i}`,
      phone: phoneOf(i % (CALLBACKS * 2)),
      test: 'holland',
      takenAt: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T09:00`,
      scores: { R: i % 21, S: (i * 7) % 21 },
    }));
    const push = async () => {
      const t = performance.now();
      const totals = { imported: 0, queued: 0, duplicates: 0, rejected: 0 };
      for (let i = 0; i < ROWS; i += 500) {
        const res = await fetch(`${url}/api/partners/desktop/${desktop.clientId}/results`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}` },
          body: JSON.stringify({ rows: rows.slice(i, i + 500) }),
        });
        const { data } = await res.json();
        for (const k of ['imported', 'queued', 'duplicates']) totals[k] += data[k];
        totals.rejected += data.rejected.length;
      }
      return { seconds: (performance.now() - t) / 1000, totals };
    };
    const first = await push();
    console.log(
      `  ${ROWS} desktop rows pushed in calls of 500 (a row whose phone is an account's is imported, the others queued): ${(ROWS / first.seconds).toFixed(0)} rows/s — imported ${first.totals.imported}, queued ${first.totals.queued}, duplicates ${first.totals.duplicates}, rejected ${first.totals.rejected}`,
    );
    const again = await push();
    console.log(
      `  the same ${ROWS} rows again: ${(ROWS / again.seconds).toFixed(0)} rows/s — imported ${again.totals.imported}, duplicates ${again.totals.duplicates}`,
    );
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await benchDesktopParse();
  await benchPartnersApi();
}
