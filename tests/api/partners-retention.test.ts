// How long the partners keep their log, their launches and the desktop review queue's rows
// (plugins/partners/server/src/retention.ts): the nightly prune, called through the plugin's
// service with the clock moved forward. Old and recent rows are made by the real flows a few
// milliseconds apart, and the clock is put between them.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { setTimeout as sleep } from 'node:timers/promises';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const DAY = 86_400_000;
type Counts = { events: number; launches: number; queuedRows: number };
const retention = () => ctx.strapi.plugin('partners').service('retention') as { prune(now: Date): Promise<Counts> };
const partners = () =>
  ctx.strapi.plugin('partners').service('partners') as { create(input: unknown): Promise<{ partner: { id: number; clientId: string }; secret: string }> };
const knex = () => ctx.strapi.db.connection;
const ms = (v: unknown) => Number(v);
const adult = () => confirmedUser({ birthDate: '1995-03-04', userType: 'student', education: 'university' });
const TEST = {
  key: 'retained',
  name: { kk: 'Сөйлесу', ru: 'Общение', en: 'Talking' },
  url: 'https://partner.example.kz/start',
  scales: [{ from: 'talk', to: 'communication', min: 0, max: 10 }],
};
const HOLLAND = {
  key: 'holland',
  name: { kk: 'Холланд сауалнамасы', ru: 'Опросник Холланда', en: 'Holland questionnaire' },
  scales: [{ from: 'R', to: 'realistic', min: 0, max: 20 }],
};

describe('API: partners’ records are kept for a set time', () => {
  // The partners made here leave the cabinet's and the staff's lists when done.
  const made: number[] = [];
  after(() => knex()('partners').whereIn('id', made).update({ active: false }));

  it('keeps the log a year, launches a month and the review queue a quarter unless configured, and refuses a launch period under eight days', () => {
    const config = ctx.strapi.config.get('plugin::partners') as Record<string, unknown>;
    assert.deepEqual([config.logRetentionDays, config.launchRetentionDays, config.queueRetentionDays], [365, 30, 90]);
    const { retentionDefaults, validateRetention } = createRequire(import.meta.url)('../../plugins/partners/dist/server/retention.js');
    const env = (vars: Record<string, string>) => (name: string, fallback?: string) => vars[name] ?? fallback;
    assert.deepEqual(
      retentionDefaults({ env: env({ PARTNER_LOG_RETENTION_DAYS: '730', PARTNER_LAUNCH_RETENTION_DAYS: '', DESKTOP_QUEUE_RETENTION_DAYS: '60' }) }),
      { logRetentionDays: 730, launchRetentionDays: 30, queueRetentionDays: 60 },
    );
    assert.throws(
      () => validateRetention({ logRetentionDays: 365, launchRetentionDays: 7, queueRetentionDays: 90 }),
      /PARTNER_LAUNCH_RETENTION_DAYS.*at least 8/,
    );
    assert.throws(
      () => validateRetention({ logRetentionDays: Number('a year'), launchRetentionDays: 30, queueRetentionDays: 90 }),
      /PARTNER_LOG_RETENTION_DAYS/,
    );
    assert.throws(() => validateRetention({ logRetentionDays: 365, launchRetentionDays: 30, queueRetentionDays: 1.5 }), /DESKTOP_QUEUE_RETENTION_DAYS/);
  });

  it('deletes launches past 30 days and log lines past 365, keeping the more recent ones, the same however often it runs', async () => {
    const { partner } = await partners().create({
      kind: 'callback',
      name: `Retention ${crypto.randomBytes(3).toString('hex')}`,
      config: { share: { name: false, email: false } },
      tests: [TEST],
    });
    made.push(partner.id);
    const user = await adult();
    const launch = () =>
      api().post('/api/partners/launches').set('Authorization', `Bearer ${user.jwt}`).send({ partner: partner.clientId, test: 'retained' }).expect(200);
    await launch();
    await sleep(30);
    await launch();
    const launches = async () => knex()('partner_launches').where({ partner_id: partner.id }).orderBy('created_at').select('id', 'created_at');
    const events = async () => knex()('partner_events').where({ partner_id: partner.id, code: 'event.launch' }).orderBy('at').select('id', 'at');
    const [oldLaunch, newLaunch] = await launches();
    const [oldEvent, newEvent] = await events();
    const between = (a: { created_at?: unknown; at?: unknown }, b: { created_at?: unknown; at?: unknown }) =>
      (ms(a.created_at ?? a.at) + ms(b.created_at ?? b.at)) / 2;

    // Just inside the periods: nothing of this partner goes.
    await retention().prune(new Date(ms(oldLaunch!.created_at) + 30 * DAY - 1000));
    assert.equal((await launches()).length, 2);
    assert.equal((await events()).length, 2);
    // Past 30 days for the older launch only; the log keeps both lines.
    const first = await retention().prune(new Date(between(oldLaunch!, newLaunch!) + 30 * DAY));
    assert.ok(first.launches >= 1);
    assert.deepEqual(
      (await launches()).map((l: { id: string }) => l.id),
      [newLaunch!.id],
    );
    assert.equal((await events()).length, 2);
    // Again, or on another instance at once: nothing more.
    const again = await Promise.all([
      retention().prune(new Date(between(oldLaunch!, newLaunch!) + 30 * DAY)),
      retention().prune(new Date(between(oldLaunch!, newLaunch!) + 30 * DAY)),
    ]);
    assert.deepEqual(
      again.map((c) => c.launches),
      [0, 0],
    );
    assert.deepEqual(
      (await launches()).map((l: { id: string }) => l.id),
      [newLaunch!.id],
    );
    // Past 365 days for the older log line only.
    const later = await retention().prune(new Date(between(oldEvent!, newEvent!) + 365 * DAY));
    assert.ok(later.events >= 1);
    assert.deepEqual(
      (await events()).map((e: { id: number }) => e.id),
      [newEvent!.id],
    );
    assert.equal((await launches()).length, 0, 'by then the recent launch is past its month too');
  });

  it('takes rows waiting in the desktop review queue past 90 days out of it, erasing their phone, e-mail and booking reference, and a re-import does not bring them back', async () => {
    const { partner, secret } = await partners().create({
      kind: 'desktop',
      name: `Retention desktop ${crypto.randomBytes(3).toString('hex')}`,
      config: { centre: 'east-kazakhstan', columns: { externalId: 'ID', phone: 'Телефон', email: 'E-mail', test: 'Тест', takenAt: 'Дата' } },
      tests: [HOLLAND],
    });
    made.push(partner.id);
    const row = (externalId: string) => ({
      externalId,
      phone: `+7701${crypto.randomInt(1e6, 9e6)}`,
      email: `nobody-${crypto.randomBytes(4).toString('hex')}@example.kz`,
      test: 'holland',
      takenAt: '2025-04-01T09:15',
      scores: { R: 12 },
    });
    const push = (rows: unknown[]) =>
      api()
        .post(`/api/partners/desktop/${partner.clientId}/results`)
        .set({ Authorization: `Bearer ${secret}` })
        .send({ rows })
        .expect(200);
    const oldRow = row('PC-OLD');
    assert.equal((await push([oldRow])).body.data.queued, 1);
    await sleep(30);
    const newRow = row('PC-NEW');
    assert.equal((await push([newRow])).body.data.queued, 1);
    const rows = async () =>
      knex()('partner_import_rows').where({ partner_id: partner.id }).orderBy('created_at').select('id', 'status', 'reason', 'data', 'created_at');
    const [before0, before1] = await rows();

    // Just inside the quarter: both wait.
    await retention().prune(new Date(ms(before0!.created_at) + 90 * DAY - 1000));
    assert.deepEqual(
      (await rows()).map((r: { status: string }) => r.status),
      ['queued', 'queued'],
    );
    const counts = await retention().prune(new Date((ms(before0!.created_at) + ms(before1!.created_at)) / 2 + 90 * DAY));
    assert.ok(counts.queuedRows >= 1);
    const [expired, waiting] = await rows();
    assert.deepEqual([expired!.status, expired!.reason], ['discarded', 'queue.expired']);
    const kept = JSON.parse(expired!.data);
    assert.deepEqual([kept.phone, kept.email, kept.bookingRef], [null, null, null]);
    assert.deepEqual([kept.externalId, kept.test, kept.scores], ['PC-OLD', 'holland', { R: 12 }], 'what was measured stays, for the counts');
    assert.ok(!JSON.stringify(await rows()).includes(oldRow.phone) && !JSON.stringify(await rows()).includes(oldRow.email));
    assert.equal(waiting!.status, 'queued');
    assert.equal(JSON.parse(waiting!.data).phone, newRow.phone);
    // The log counts them, without a phone or an e-mail.
    const logged = await knex()('partner_events').where({ partner_id: partner.id, code: 'queue.expired' }).select('kind', 'outcome', 'detail');
    assert.deepEqual(logged, [{ kind: 'import', outcome: 'ok', detail: 'rows=1' }]);
    // The same file again: a duplicate, not a new row in the queue with the phone number.
    const again = (await push([oldRow])).body.data;
    assert.deepEqual([again.queued, again.duplicates], [0, 1]);
    assert.equal((await rows()).length, 2);
  });

  it('is run every night by the CMS scheduler', async () => {
    const tasks = ctx.strapi.config.get('server.cron.tasks') as Record<
      string,
      { task: (args: { strapi: unknown }) => Promise<void>; options: { rule: string; tz: string } }
    >;
    assert.deepEqual(tasks.prunePartnerRecords?.options, { rule: '30 3 * * *', tz: 'Asia/Almaty' });
    await tasks.prunePartnerRecords!.task({ strapi: ctx.strapi });
  });
});
