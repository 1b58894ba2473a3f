// Booking figures (part of `npm run bench`, or alone: `node bench/booking.mjs`): on a throwaway
// PostgreSQL cluster, 17 centres × 10 specialists with a quarter of their time already taken,
// - the latency of the public slot query for 30 days of one centre (sequential, then 20 at once);
// - booking writes from 100 concurrent clients, each booking free slots one after another
//   (req/s, p50, p99, and how many found their slot just taken).
// Figures, not pass/fail.
import crypto from 'node:crypto';
import { checkNode } from '../scripts/lib/env.mjs';
import { benchCms, benchUsers, ms, percentile, pool } from './lib.mjs';

checkNode();
const SPECIALISTS_PER_CENTRE = 10;
const CLIENTS = 100;
const BOOKINGS_PER_CLIENT = 5;

export async function benchBooking() {
  const { strapi, url, cluster, stop } = await benchCms('qabilet_bench');
  try {
    const { addDays, kzDate, cellsOf } = await import('@qabilet/domain');
    const centres = (await strapi.db.query('api::centre.centre').findMany({ where: { locale: 'kk' }, select: ['slug'] })).map((c) => c.slug);
    await strapi.db.query('plugin::booking.specialist').deleteMany({});
    await strapi.db.connection('booking_policies').update({ max_future_per_service: 10, min_notice_minutes: 0 });
    const hours = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'].flatMap((day) => [
      { day, opens: '09:00', closes: '13:00' },
      { day, opens: '14:00', closes: '18:00' },
    ]);
    const ids = [];
    for (const centre of centres) {
      for (let i = 0; i < SPECIALISTS_PER_CENTRE; i++) {
        const s = await strapi.db.query('plugin::booking.specialist').create({
          data: {
            name: `Bench ${centre} ${i}`,
            centre,
            active: true,
            services: ['consultation', 'testing'],
            formats: ['offline', 'online'],
            hours,
            timings: { consultation: { slotMinutes: 50, bufferMinutes: 10 }, testing: { slotMinutes: 90, bufferMinutes: 30 } },
          },
        });
        ids.push(s.id);
      }
    }
    const { forgetCache } = await import('../plugins/booking/dist/server/schedule.js');
    const { forgetSlots } = await import('../plugins/booking/dist/server/slots.js');
    forgetCache();
    const from = addDays(kzDate(new Date()), 1);
    const to = addDays(from, 29);
    // A quarter of every specialist's consultation slots taken (occupancy cells, as bookings leave them).
    const all = await (
      await fetch(`${url}/api/booking/slots?${new URLSearchParams({ centre: centres[0], service: 'consultation', format: 'offline', from, to })}`)
    ).json();
    const starts = [...new Set(all.data.map((s) => s.start))];
    const perSpecialist = starts.length;
    const taken = [];
    let fakeBooking = 1_000_000;
    for (const [n, specialistId] of ids.entries()) {
      for (const iso of starts.filter((_, i) => (i + n) % 4 === 0)) {
        const start = new Date(iso);
        for (const cell of cellsOf(start, new Date(start.getTime() + 60 * 60_000))) taken.push({ specialist_id: specialistId, cell, booking_id: fakeBooking });
        fakeBooking++;
      }
    }
    for (let i = 0; i < taken.length; i += 1000) await strapi.db.connection('booking_cells').insert(taken.slice(i, i + 1000));
    forgetSlots();
    console.log(
      `\nBooking (PostgreSQL ${cluster.version}; ${centres.length} centres × ${SPECIALISTS_PER_CENTRE} specialists, ~${Math.round(perSpecialist)} consultation slots each in 30 days, a quarter taken)`,
    );

    const slotUrl = (i) =>
      `${url}/api/booking/slots?${new URLSearchParams({ centre: centres[i % centres.length], service: 'consultation', format: 'offline', from, to })}`;
    await fetch(slotUrl(0));
    let count = 0;
    // Computed each time (the instance's 3-second memory emptied before every query), then as served.
    const sequential = await pool(170, 1, async (i) => {
      forgetSlots();
      const body = await (await fetch(slotUrl(i))).json();
      count = body.data.length;
    });
    const seqMs = sequential.map((r) => r.ms);
    console.log(
      `  slot query, one centre, 30 days (${count} free slots), computed: p50 ${ms(percentile(seqMs, 50))}, p99 ${ms(percentile(seqMs, 99))} (sequential, 170 queries)`,
    );
    const t = performance.now();
    const parallel = await pool(340, 20, async (i) => (await fetch(slotUrl(i))).arrayBuffer());
    const parMs = parallel.map((r) => r.ms);
    console.log(
      `  slot query, 20 clients at once over the 17 centres (answers kept 3 s): ${(340 / ((performance.now() - t) / 1000)).toFixed(0)} req/s, p50 ${ms(percentile(parMs, 50))}, p99 ${ms(percentile(parMs, 99))}`,
    );

    // 100 people with consent, logged in.
    const users = await benchUsers(strapi, url, CLIENTS);
    // Every client books free slots of the same three centres, one after another: collisions happen.
    const free = [];
    for (const centre of centres.slice(0, 3)) {
      free.push(
        ...(await (await fetch(`${url}/api/booking/slots?${new URLSearchParams({ centre, service: 'consultation', format: 'offline', from, to })}`)).json())
          .data,
      );
    }
    const statuses = {};
    const started = performance.now();
    const writes = await pool(CLIENTS * BOOKINGS_PER_CLIENT, CLIENTS, async (i, worker) => {
      const slot = free[crypto.randomInt(free.length)];
      const res = await fetch(`${url}/api/booking/bookings`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${users[worker]}`, 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ slot: slot.id, service: 'consultation', format: 'offline' }),
      });
      await res.arrayBuffer();
      statuses[res.status] = (statuses[res.status] ?? 0) + 1;
    });
    const seconds = (performance.now() - started) / 1000;
    const wMs = writes.map((r) => r.ms);
    console.log(
      `  booking writes, ${CLIENTS} concurrent clients, ${writes.length} requests: ${(writes.length / seconds).toFixed(0)} req/s, p50 ${ms(percentile(wMs, 50))}, p99 ${ms(percentile(wMs, 99))}; answers ${Object.entries(
        statuses,
      )
        .map(([s, n]) => `${s} × ${n}`)
        .join(', ')}`,
    );
    const rows = await strapi.db.query('plugin::booking.booking').count();
    const distinct = (await strapi.db.connection('booking_bookings').countDistinct({ n: 'start' }))[0].n;
    console.log(
      `  bookings stored: ${rows} (201s: ${statuses[201] ?? 0}); double bookings: ${(await strapi.db.connection.raw('select count(*) as n from (select specialist_id, cell from booking_cells group by specialist_id, cell having count(*) > 1) d')).rows[0].n} (distinct start times ${distinct})`,
    );
  } finally {
    await stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBooking();
