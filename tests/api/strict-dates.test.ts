// Issue 16, item 3: every date and date-time that enters from outside is read by one strict parser.
// An impossible day (30 February, 31 April, 29 February of 2027), 24:00 or an offset past ±14:00 is a
// 400 naming the field, with nothing stored — never quietly rolled over into the next day or month.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import { SignJWT } from 'jose';
import request from 'supertest';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser, pupil, userCount } from './helpers.ts';
import { callEvent, lineOf, postCall, staffMember, type Staff } from './crm-helpers.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';

const CENTRE = 'east-kazakhstan';
type Res = { status: number; body: { error?: { message?: string; details?: { errors?: Array<{ path: string[]; code: string; message: string }> } } } };

/** Impossible calendar dates, written `YYYY-MM-DD`, and one with an hour glued on. */
const BAD_DATES = ['2026-02-30', '2026-04-31', '2027-02-29', '2026-05-10T24:00'];
const today = () => kzDate(new Date());
/**
 * Impossible date-times. `24:00` of yesterday is today's midnight, a time that every window of ours
 * (30 days back for callbacks) would take if it were rolled over.
 */
const badDateTimes = () => ['2026-02-30T10:00:00+05:00', '2026-04-31T10:00:00+05:00', `${addDays(today(), -1)}T24:00:00+05:00`, '2027-02-29T10:00:00+05:00'];

/** The answer is a 400 with a localised problem under `field`. */
function refusedOn(res: Res, field: string, what: string) {
  assert.equal(res.status, 400, `${what}: ${res.status} ${JSON.stringify(res.body)}`);
  const problem = res.body.error?.details?.errors?.find((e) => e.path.join('.') === field);
  assert.ok(problem, `${what}: no problem under ${field} in ${JSON.stringify(res.body.error)}`);
  assert.ok(problem.message && !problem.message.includes('.'.repeat(3)), what);
}

const count = async (table: string, where: Record<string, unknown> = {}) =>
  Number((await ctx.strapi.db.connection(table).where(where).count({ n: '*' }).first()).n);
const adult = (overrides: Record<string, unknown> = {}) =>
  confirmedUser({ birthDate: '1998-02-03', userType: 'student', education: 'university', phone: `+7701${crypto.randomInt(1e6, 9e6)}`, ...overrides });
const partners = () =>
  ctx.strapi.plugin('partners').service('partners') as {
    create(input: unknown): Promise<{ partner: { id: number; clientId: string }; secret: string | null }>;
  };
const sign = (secret: string, ts: number, raw: string) => `v1=${crypto.createHmac('sha256', secret).update(`${ts}.`).update(raw).digest('hex')}`;

describe('API: strict dates and date-times from outside', () => {
  it('the call centre: a signed call at an impossible time is refused under `at`, no request made', async () => {
    const line = await lineOf(CENTRE);
    const before = await ctx.strapi.db.query('plugin::crm.request').count();
    for (const at of [...badDateTimes(), '2026-05-10T10:00:00+15:00', new Date().toUTCString()]) {
      refusedOn(await postCall(callEvent({ line, at })), 'at', at);
    }
    assert.equal(await ctx.strapi.db.query('plugin::crm.request').count(), before);
    // A real time still passes, in any offset.
    await postCall(callEvent({ line, at: '2026-02-28T23:59:59-03:00' })).expect(201);
  });

  it('a partner’s results callback: an impossible `completedAt` is refused, nothing kept', async () => {
    const { partner, secret } = await partners().create({
      kind: 'callback',
      name: 'Strict Dates Lab',
      config: { share: { name: false, email: false } },
      tests: [
        {
          key: 'talk',
          name: { kk: 'Сөйлесу', ru: 'Общение', en: 'Talking' },
          url: 'https://partner.example.kz/start',
          scales: [{ from: 'talk', to: 'communication', min: 0, max: 10 }],
        },
      ],
    });
    const post = (completedAt: string) => {
      const raw = JSON.stringify({ id: crypto.randomUUID(), subject: crypto.randomBytes(16).toString('hex'), test: 'talk', completedAt, scores: { talk: 5 } });
      const ts = Math.floor(Date.now() / 1000);
      return api()
        .post(`/api/partners/callback/${partner.clientId}`)
        .set({ 'Content-Type': 'application/json', 'Accept-Language': 'ru', 'X-Qabilet-Timestamp': String(ts), 'X-Qabilet-Signature': sign(secret!, ts, raw) })
        .send(raw);
    };
    for (const at of [...badDateTimes(), `${today()}T10:00:00+14:30`, new Date().toUTCString()]) refusedOn(await post(at), 'completedAt', at);
    assert.equal(await count('assessment_statements', { source_id: partner.id }), 0);
  });

  it('an LTI tool’s score: an impossible `timestamp` is refused, nothing kept', async () => {
    const { partner } = await partners().create({
      kind: 'lti',
      name: 'Strict Dates Tool',
      config: {
        loginUrl: 'https://tool.example.kz/login',
        launchUrl: 'https://tool.example.kz/launch',
        jwksUrl: 'https://tool.example.kz/jwks',
        share: { name: false, email: false },
      },
      tests: [{ key: 'teamwork', name: { kk: 'Командалық жұмыс', ru: 'Командная работа', en: 'Teamwork' }, scales: [{ from: 'score', to: 'collaboration' }] }],
    });
    const { signingKey } = createRequire(import.meta.url)('../../plugins/partners/dist/server/keys.js');
    const { kid, privateKey } = await signingKey(ctx.strapi);
    const access = await new SignJWT({ scope: 'https://purl.imsglobal.org/spec/lti-ags/scope/score' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(ctx.cmsUrl)
      .setAudience(`${ctx.cmsUrl}/api/partners/lti`)
      .setSubject(partner.clientId)
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);
    const post = (timestamp: string) =>
      api()
        .post(`/api/partners/lti/${partner.clientId}/lineitems/teamwork/scores`)
        .set({ Authorization: `Bearer ${access}`, 'Content-Type': 'application/vnd.ims.lis.v1.score+json', 'Accept-Language': 'kk' })
        .send(
          JSON.stringify({
            userId: crypto.randomBytes(16).toString('hex'),
            scoreGiven: 5,
            scoreMaximum: 10,
            activityProgress: 'Completed',
            gradingProgress: 'FullyGraded',
            timestamp,
          }),
        );
    for (const at of [...badDateTimes(), new Date().toUTCString()]) refusedOn(await post(at), 'timestamp', at);
    assert.equal(await count('assessment_statements', { source_id: partner.id }), 0);
  });

  it('an assessment answer: an impossible or loosely written `answeredAt` is refused, no answer stored', async () => {
    const user = await adult();
    const attempt = (
      await api()
        .post('/api/assessment/attempts')
        .set({ Authorization: `Bearer ${user.jwt}` })
        .send({ test: 'interests' })
        .expect(201)
    ).body.data;
    const item = attempt.test.sections[0].items[0];
    const now = new Date();
    const loose = [now.toUTCString(), now.toISOString().replace('T', ' '), now.toISOString().slice(0, 19)];
    for (const answeredAt of [...badDateTimes(), ...loose]) {
      const res = await api()
        .post(`/api/assessment/attempts/${attempt.id}/answers`)
        .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
        .send({ answers: [{ item: item.key, value: 1, seq: 1, timeMs: 1000, answeredAt }] });
      refusedOn(res, 'answers.0.answeredAt', answeredAt);
    }
    assert.equal(await count('assessment_answers', { attempt_id: attempt.id }), 0);
  });

  it('registration and a child’s record: an impossible birth date is refused, no one registered', async () => {
    const before = await userCount();
    for (const birthDate of BAD_DATES) refusedOn(await api().post('/api/auth/local/register').send(pupil({ birthDate })), 'birthDate', birthDate);
    assert.equal(await userCount(), before);
    const parent = await adult({ userType: 'parent' });
    const children = await ctx.strapi.db.query('api::child.child').count();
    for (const birthDate of BAD_DATES) {
      const res = await api()
        .post('/api/accounts/children')
        .set('Authorization', `Bearer ${parent.jwt}`)
        .send({ surname: 'Бала', firstName: 'Айлин', gender: 'female', birthDate, region: 'KZ-63', locality: 'kz-63-oskemen', education: 'school-7' });
      refusedOn(res, 'birthDate', birthDate);
    }
    assert.equal(await ctx.strapi.db.query('api::child.child').count(), children);
  });

  it('booking: slot and day queries and the waitlist refuse impossible days under their names', async () => {
    const from = addDays(today(), 1);
    for (const bad of BAD_DATES) {
      const slots = (query: Record<string, string>) =>
        api()
          .get('/api/booking/slots')
          .query({ centre: CENTRE, service: 'consultation', format: 'offline', from, to: from, ...query });
      refusedOn(await slots({ from: bad }), 'from', bad);
      refusedOn(await slots({ to: bad }), 'to', bad);
    }
    const user = await adult();
    const waitlist = await ctx.strapi.db.query('plugin::booking.waitlist-entry').count();
    for (const bad of BAD_DATES) {
      const join = (dates: Record<string, string>) =>
        api()
          .post('/api/booking/waitlist')
          .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'ru' })
          .send({ centre: CENTRE, service: 'consultation', format: 'offline', from, to: from, ...dates });
      refusedOn(await join({ from: bad }), 'from', bad);
      refusedOn(await join({ to: bad }), 'to', bad);
    }
    assert.equal(await ctx.strapi.db.query('plugin::booking.waitlist-entry').count(), waitlist);
  });

  it('the content API: a filter on a day or time that does not exist is refused, not rolled over', async () => {
    for (const [param, value] of [
      ['filters[date][$gt]', '2026-02-30'],
      ['filters[date][$lte]', '2027-02-29'],
      ['filters[updatedAt][$gt]', '2026-03-01T24:00:00Z'],
      ['filters[$or][0][updatedAt][$lt]', '2026-04-31T10:00:00+05:00'],
      ['filters[updatedAt][$gt]', '2026-03-01 10:00:60'],
    ]) {
      const res = await api()
        .get('/api/news-items')
        .set('Accept-Language', 'en')
        .query({ [param]: value });
      const path = param.replace(/\]\[|\[|\]/g, '.').replace(/\.$/, '');
      refusedOn(res, path, `${param}=${value}`);
      assert.equal(res.body.error?.details?.errors?.[0]?.code, 'query.date');
    }
    for (const value of ['2028-02-29', '2026-03-01T23:59:59+05:00', '2026-03-01 10:00']) {
      await api()
        .get('/api/news-items')
        .query({ 'filters[date][$gte]': value.slice(0, 10), 'filters[updatedAt][$gt]': value })
        .expect(200);
    }
  });

  describe('staff', () => {
    let coordinator: Staff;
    before(async () => {
      coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    });

    it('the registry’s and the day list’s filters refuse impossible days under their names', async () => {
      for (const bad of BAD_DATES) {
        refusedOn(await coordinator.http.get('/crm/requests', { from: bad }), 'from', bad);
        refusedOn(await coordinator.http.get('/crm/requests', { to: bad }), 'to', bad);
        refusedOn(await coordinator.http.get('/crm/exports/requests', { file: 'csv', from: bad }), 'from', bad);
        refusedOn(await coordinator.http.get('/booking/bookings', { from: bad, to: today() }), 'from', bad);
        refusedOn(await coordinator.http.get('/booking/bookings', { from: today(), to: bad }), 'to', bad);
      }
    });

    it('a specialist’s schedule exceptions refuse impossible days under their names, nothing stored', async () => {
      const specialist = await ctx.strapi.db.query('plugin::booking.specialist').create({
        data: {
          name: `Dates ${crypto.randomBytes(3).toString('hex')}`,
          centre: CENTRE,
          active: true,
          services: ['consultation'],
          formats: ['offline'],
          hours: [],
          timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 } },
        },
      });
      const add = (body: Record<string, unknown>) =>
        request(ctx.cmsUrl)
          .post(`/booking/specialists/${specialist.id}/exceptions`)
          .set({ Authorization: `Bearer ${coordinator.token}`, 'Accept-Language': 'en' })
          .send(body);
      for (const bad of BAD_DATES) {
        refusedOn(await add({ kind: 'closed', from: bad, to: '2026-05-10' }), 'from', bad);
        refusedOn(await add({ kind: 'closed', from: '2026-02-01', to: bad }), 'to', bad);
        refusedOn(await add({ kind: 'extra', date: bad, opens: '09:00', closes: '12:00' }), 'date', bad);
      }
      assert.equal(await ctx.strapi.db.query('plugin::booking.exception').count({ where: { specialist: specialist.id } }), 0);
    });

    it('a desktop database’s rows with an impossible date are refused rows with a reason, not rolled over', async () => {
      const roles = await ctx.strapi.db.query('admin::role').findMany({ where: { code: { $in: ['qabilet-specialist', 'qabilet-regional-coordinator'] } } });
      await requireCms(ctx.distDir, 'src/staff/partners-roles.js').grantPartnersToRoles(
        ctx.strapi,
        new Map(roles.map((r: { code: string; id: number }) => [r.code, r.id])),
      );
      const { partner, secret } = await partners().create({
        kind: 'desktop',
        name: `Strict dates ${crypto.randomBytes(3).toString('hex')}`,
        config: { centre: CENTRE, columns: { phone: 'Телефон', test: 'Тест', takenAt: 'Дата' } },
        tests: [
          {
            key: 'holland',
            name: { kk: 'Холланд сауалнамасы', ru: 'Опросник Холланда', en: 'Holland questionnaire' },
            scales: [{ from: 'R', to: 'realistic', min: 0, max: 20 }],
          },
        ],
      });
      const dates = [
        '2026-02-30',
        '2026-04-31',
        '2026-05-10T24:00',
        '2027-02-29',
        '30.02.2026',
        '31.04.2026 10:00',
        '29.02.2027',
        '2026-05-10 24:00',
        '2026-05-10T10:00+15:00',
        '2026-05-10T10:00+05:60',
      ];
      const rows = dates.map((takenAt) => ({ phone: `+7701${crypto.randomInt(1e6, 9e6)}`, test: 'holland', takenAt, scores: { R: 3 } }));
      const reasons = (rejected: Array<{ errors: Array<{ path: string[]; code: string; message: string }> }>) =>
        rejected.map((r) => r.errors.map((e) => `${e.path.join('.')}:${e.code}`).join());

      const pushed = (
        await api()
          .post(`/api/partners/desktop/${partner.clientId}/results`)
          .set({ Authorization: `Bearer ${secret}`, 'Accept-Language': 'en' })
          .send({ rows })
          .expect(200)
      ).body.data;
      assert.deepEqual(
        reasons(pushed.rejected),
        dates.map(() => 'takenAt:row.dateFormat'),
      );
      assert.deepEqual([pushed.imported, pushed.queued], [0, 0]);

      const csv = ['Телефон,Тест,Дата,R', ...rows.map((r) => `${r.phone},holland,${r.takenAt},3`)].join('\n');
      const imported = (
        await request(ctx.cmsUrl)
          .post(`/partners/desktop/${partner.id}/imports`)
          .set({ Authorization: `Bearer ${coordinator.token}`, 'Accept-Language': 'kk' })
          .send({ fileName: 'dates.csv', content: Buffer.from(csv).toString('base64') })
          .expect(200)
      ).body.data;
      assert.deepEqual(
        reasons(imported.rejected),
        dates.map(() => 'takenAt:row.dateFormat'),
      );
      assert.ok(
        imported.rejected.every((r: { errors: Array<{ message: string }> }) => /[әіңғүұқөһ]/i.test(r.errors[0]!.message)),
        'the reason is in Kazakh',
      );
      assert.equal(await count('partner_import_rows', { partner_id: partner.id }), 0);
      assert.equal(await count('assessment_statements', { source_id: partner.id }), 0);
    });
  });
});
