// Booking figures (part of `npm run bench`, or alone: `node bench/booking.mjs`): on a throwaway
// PostgreSQL cluster, 17 centres × 10 specialists with a quarter of their time already taken,
// - the latency of the public slot query for 30 days of one centre (sequential, then 20 at once);
// - booking writes from 100 concurrent clients, each booking free slots one after another
//   (req/s, p50, p99, and how many found their slot just taken).
// Figures, not pass/fail.
import crypto from 'node:crypto';
import { checkNode, testSecrets } from '../scripts/lib/env.mjs';
import { startPgCluster } from '../scripts/lib/pg-cluster.mjs';
import { bootStrapi } from '../scripts/lib/strapi.mjs';
import { SMTPServer } from 'smtp-server';

checkNode();
const SPECIALISTS_PER_CENTRE = 10;
const CLIENTS = 100;
const BOOKINGS_PER_CLIENT = 5;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (n) => `${n.toFixed(1)} ms`;

async function timed(fn) {
  const t = performance.now();
  const result = await fn();
  return { result, ms: performance.now() - t };
}

/** Runs `count` calls of `fn`, `concurrency` at a time; returns each call's duration and result. */
async function pool(count, concurrency, fn) {
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

/** A local SMTP server that accepts and drops every mail (registration sends one). */
async function mailSink() {
  const smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData: (stream, _s, done) => stream.on('end', done).resume(),
  });
  await new Promise((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return smtp;
}

export async function benchBooking() {
  const cluster = await startPgCluster('qabilet_bench');
  const smtp = await mailSink();
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
    const users = [];
    for (let i = 0; i < CLIENTS; i += 20) {
      users.push(
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
            const login = await (
              await fetch(`${url}/api/auth/local`, {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body: JSON.stringify({ identifier: email, password }),
              })
            ).json();
            return login.jwt;
          }),
        )),
      );
    }
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
    await strapi.destroy();
    cluster.stop();
    smtp.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await benchBooking();
