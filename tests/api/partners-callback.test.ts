import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { staffMember } from './crm-helpers.ts';

type Session = Awaited<ReturnType<typeof confirmedUser>>;
const adult = () => confirmedUser({ birthDate: '1996-09-10', userType: 'student', education: 'university' });
const service = () =>
  ctx.strapi.plugin('partners').service('partners') as {
    create(input: unknown): Promise<{ partner: { id: number; clientId: string }; secret: string }>;
    rotate(id: number): Promise<{ secret: string }>;
  };
const sign = (secret: string, ts: number, raw: string) => `v1=${crypto.createHmac('sha256', secret).update(`${ts}.`).update(raw).digest('hex')}`;

const TEST = {
  key: 'talk',
  name: { kk: 'Сөйлесу', ru: 'Общение', en: 'Talking' },
  url: 'https://partner.example.kz/start',
  scales: [
    { from: 'talk', to: 'communication', min: 0, max: 10 },
    { from: 'team', to: 'collaboration', min: 1, max: 5 },
  ],
};

describe('API: a partner with a signed redirect and a signed results callback', () => {
  let partner: { id: number; clientId: string };
  let secret: string;
  before(async () => {
    ({ partner, secret } = await service().create({
      kind: 'callback',
      name: 'Soft Skills Centre',
      config: { share: { name: false, email: false } },
      tests: [TEST],
    }));
    assert.match(secret, /^qps_[A-Za-z0-9_-]{43}$/);
    const stored = await ctx.strapi.db.connection('partners').where({ id: partner.id }).first();
    assert.ok(!JSON.stringify(stored).includes(secret), 'the secret is stored encrypted');
  });

  const post = (body: unknown, opts: { ts?: number; key?: string; raw?: string; signature?: string } = {}) => {
    const raw = opts.raw ?? JSON.stringify(body);
    const ts = opts.ts ?? Math.floor(Date.now() / 1000);
    return api()
      .post(`/api/partners/callback/${partner.clientId}`)
      .set({
        'Content-Type': 'application/json',
        'Accept-Language': 'en',
        'X-Qabilet-Timestamp': String(ts),
        'X-Qabilet-Signature': opts.signature ?? sign(opts.key ?? secret, ts, raw),
      })
      .send(raw);
  };

  async function launched(user: Session) {
    const res = await api()
      .post('/api/partners/launches')
      .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'ru' })
      .send({ partner: partner.clientId, test: 'talk' })
      .expect(200);
    const url = new URL(res.body.data.url);
    assert.equal(url.origin + url.pathname, TEST.url);
    const { payload } = await jwtVerify(url.searchParams.get('token')!, createRemoteJWKSet(new URL(`${ctx.cmsUrl}/api/partners/jwks`)), {
      issuer: ctx.cmsUrl,
      audience: partner.clientId,
    });
    assert.equal(payload.test, 'talk');
    assert.match(String(payload.return_url), new RegExp(`/ru/account/tests/\\?partner=${partner.clientId}&test=talk$`));
    assert.equal(payload.exp! - payload.iat!, 300);
    // The token travels in an address: nothing but the pseudonymous subject.
    assert.deepEqual(Object.keys(payload).sort(), ['aud', 'exp', 'iat', 'iss', 'jti', 'locale', 'return_url', 'sub', 'test']);
    return payload.sub!;
  }

  it('stores a signed result once, maps it to our scales and shows it with its source', async () => {
    const user = await adult();
    const subject = await launched(user);
    const result = { id: crypto.randomUUID(), subject, test: 'talk', completedAt: new Date().toISOString(), scores: { talk: 8, team: 4 } };
    const first = Math.floor(Date.now() / 1000);
    const ok = await post(result, { ts: first }).expect(200);
    assert.deepEqual(ok.body.data, { statementId: result.id, stored: true });
    // The same result re-signed (a partner's retry) is harmless; the same signed call again is a replay.
    // The retry's time is the first call's less a second: the clock's could land on the first's second.
    const ts = first - 1;
    assert.equal((await post(result, { ts }).expect(200)).body.data.stored, false);
    await post(result, { ts }).expect(409);
    const profile = (
      await api()
        .get('/api/assessment/profile')
        .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
        .expect(200)
    ).body.data;
    const scales = Object.fromEntries(profile.scales.map((s: { scale: string; score: number; source: unknown }) => [s.scale, s]));
    assert.equal(scales.communication.score, 80);
    assert.equal(scales.collaboration.score, 75);
    assert.deepEqual(scales.communication.source, { kind: 'partner', name: 'Soft Skills Centre' });
    assert.equal(profile.results.filter((r: { statementId: string | null }) => r.statementId === result.id).length, 1);
    const statement = JSON.parse((await ctx.strapi.db.connection('assessment_statements').where({ id: result.id }).first()).statement);
    assert.equal(statement.verb.id, 'http://adlnet.gov/expapi/verbs/completed');
    assert.equal(statement.actor.account.name, `u:${user.id}`);
    const listed = (await api().get('/api/partners/tests').set('Authorization', `Bearer ${user.jwt}`).expect(200)).body.data.find(
      (t: { key: string }) => t.key === 'talk',
    );
    assert.equal(listed.status, 'completed');
    // The specialist's card of the person (a booking at their centre) shows it, marked with its source.
    await ctx.strapi.db.query('plugin::crm.request').create({
      data: {
        source: 'staff',
        status: 'booked',
        service: 'testing',
        format: 'offline',
        personKind: 'user',
        userId: user.id,
        region: 'KZ-63',
        centre: 'east-kazakhstan',
        history: [],
      },
    });
    const specialist = await staffMember('qabilet-specialist', 'east-kazakhstan');
    const card = (await specialist.http.get(`/assessment/people/user/${user.id}`).expect(200)).body.data;
    assert.deepEqual(
      card.external.map((e: { id: string; source: unknown }) => [e.id, e.source]),
      [[result.id, { kind: 'partner', name: 'Soft Skills Centre' }]],
    );
    assert.equal(card.profile.scales.find((s: { scale: string }) => s.scale === 'communication').source.name, 'Soft Skills Centre');
  });

  it('refuses unsigned, altered, stale, foreign and out-of-range callbacks, storing nothing', async () => {
    const user = await adult();
    const subject = await launched(user);
    const good = { id: crypto.randomUUID(), subject, test: 'talk', completedAt: new Date().toISOString(), scores: { talk: 5 } };
    const count = async () => Number((await ctx.strapi.db.connection('assessment_statements').count({ n: '*' }).first())!.n);
    const before = await count();
    await api().post(`/api/partners/callback/${partner.clientId}`).send(good).expect(401);
    const raw = JSON.stringify(good);
    await post(good, { raw: raw.replace('"talk":5', '"talk":9'), signature: sign(secret, Math.floor(Date.now() / 1000), raw) }).expect(401);
    await post(good, { ts: Math.floor(Date.now() / 1000) - 301 }).expect(401);
    await post(good, { key: 'qps_not-the-secret' }).expect(401);
    const range = await post({ ...good, scores: { talk: 11, team: 0, nope: 1 } }).expect(400);
    assert.deepEqual(range.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort(), ['scores.nope', 'scores.talk', 'scores.team']);
    assert.match(range.body.error.message, /from 0 to 10/);
    const fields = await post({ id: 'x', subject: 'y', test: 'other', completedAt: 'soon', scores: [] }).expect(400);
    assert.deepEqual(fields.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort(), [
      'completedAt',
      'id',
      'scores',
      'subject',
      'test',
    ]);
    const stranger = await post({ ...good, subject: crypto.randomBytes(16).toString('hex') }).expect(403);
    assert.equal(stranger.body.error.details.code, 'callback.subjectUnknown');
    // Another partner cannot post for this partner's subject, even with its own valid secret.
    const other = await service().create({ kind: 'callback', name: 'Other', tests: [TEST], config: {} });
    const ts = Math.floor(Date.now() / 1000);
    const rawOther = JSON.stringify(good);
    await api()
      .post(`/api/partners/callback/${other.partner.clientId}`)
      .set({ 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': String(ts), 'X-Qabilet-Signature': sign(other.secret, ts, rawOther) })
      .send(rawOther)
      .expect(403);
    assert.equal(await count(), before);
    // A rotated secret: the old one stops working at once.
    const { secret: fresh } = await service().rotate(partner.id);
    await post(good).expect(401);
    await post(good, { key: fresh }).expect(200);
    secret = fresh;
    // One launch, one result: a second different result for it is refused.
    await post({ ...good, id: crypto.randomUUID() }).expect(403);
    const refused = await ctx.strapi.db.connection('partner_events').where({ partner_id: partner.id, outcome: 'refused' }).select('code', 'detail');
    for (const code of ['callback.unsigned', 'callback.signature', 'callback.stale', 'callback.scoreUnknown', 'callback.subjectUnknown'])
      assert.ok(
        refused.some((e: { code: string }) => e.code === code),
        code,
      );
    assert.ok(!JSON.stringify(refused).includes(user.email));
  });

  it('checks a partner field by field and never shares personal data in a redirect', async () => {
    const bad = await service()
      .create({
        kind: 'callback',
        name: '',
        config: { share: { name: true } },
        tests: [{ key: 'A', name: { kk: '', ru: 'x', en: 'x' }, url: 'ftp://x', scales: [{ from: 'a', to: 'nope', min: 5, max: 1 }] }],
      })
      .catch((e: { problems: Array<{ field: string }> }) => e);
    assert.deepEqual((bad as { problems: Array<{ field: string }> }).problems.map((p) => p.field).sort(), [
      'config.share',
      'name',
      'tests.0.key',
      'tests.0.name.kk',
      'tests.0.scales.0.max',
      'tests.0.scales.0.to',
      'tests.0.url',
    ]);
  });
  it('feeds the recommendations: interests measured by a partner rank the professions', async () => {
    const riasec = ['realistic', 'investigative', 'artistic', 'social', 'enterprising', 'conventional'];
    const { partner: interests, secret: key } = await service().create({
      kind: 'callback',
      name: 'Career Compass',
      config: {},
      tests: [
        {
          key: 'interests',
          name: { kk: 'Қызығушылықтар', ru: 'Интересы', en: 'Interests' },
          url: 'https://compass.example.kz/t',
          scales: riasec.map((r) => ({ from: r.slice(0, 1).toUpperCase(), to: r, min: 0, max: 40 })),
        },
      ],
    });
    const user = await adult();
    const before = (await api().get('/api/assessment/profile').set('Authorization', `Bearer ${user.jwt}`).expect(200)).body.data;
    assert.equal(before.recommendations.length, 0);
    const res = await api()
      .post('/api/partners/launches')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ partner: interests.clientId, test: 'interests' })
      .expect(200);
    const sub = JSON.parse(Buffer.from(new URL(res.body.data.url).searchParams.get('token')!.split('.')[1]!, 'base64url').toString()).sub;
    const raw = JSON.stringify({
      id: crypto.randomUUID(),
      subject: sub,
      test: 'interests',
      completedAt: new Date().toISOString(),
      scores: { R: 4, I: 38, A: 30, S: 8, E: 10, C: 12 },
    });
    const ts = Math.floor(Date.now() / 1000);
    await api()
      .post(`/api/partners/callback/${interests.clientId}`)
      .set({ 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': String(ts), 'X-Qabilet-Signature': sign(key, ts, raw) })
      .send(raw)
      .expect(200);
    const after = (
      await api()
        .get('/api/assessment/profile')
        .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' })
        .expect(200)
    ).body.data;
    assert.ok(after.recommendations.length > 0, 'recommendations use the partner result');
    assert.deepEqual(after.inclinations.map((i: { scale: string }) => i.scale).sort(), ['artistic', 'investigative']);
    assert.equal(after.scales.find((s: { scale: string }) => s.scale === 'investigative').score, 95);
  });
  it('forgets the subject, the launches and the results when the account is deleted', async () => {
    const user = await adult();
    const subject = await launched(user);
    const ts = Math.floor(Date.now() / 1000);
    const raw = JSON.stringify({ id: crypto.randomUUID(), subject, test: 'talk', completedAt: new Date().toISOString(), scores: { talk: 3 } });
    await api()
      .post(`/api/partners/callback/${partner.clientId}`)
      .set({ 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': String(ts), 'X-Qabilet-Signature': sign(secret, ts, raw) })
      .send(raw)
      .expect(200);
    await api().post('/api/accounts/me/deletion').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    await ctx.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { deletionRequestedAt: new Date(Date.now() - 15 * 86_400_000) } });
    await requireCms(ctx.distDir, 'src/accounts/deletion.js').anonymiseDueAccounts(ctx.strapi);
    const knex = ctx.strapi.db.connection;
    for (const table of ['assessment_statements', 'partner_subjects', 'partner_launches'])
      assert.equal((await knex(table).where({ user_id: user.id })).length, 0, table);
    // The partner's later callback for that subject finds no one.
    const late = JSON.stringify({ id: crypto.randomUUID(), subject, test: 'talk', completedAt: new Date().toISOString(), scores: { talk: 4 } });
    await api()
      .post(`/api/partners/callback/${partner.clientId}`)
      .set({ 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': String(ts), 'X-Qabilet-Signature': sign(secret, ts, late) })
      .send(late)
      .expect(403);
  });
  it('keeps no result after consent is withdrawn, and takes a signed call again that was refused', async () => {
    const user = await adult();
    const subject = await launched(user);
    const raw = JSON.stringify({ id: crypto.randomUUID(), subject, test: 'talk', completedAt: new Date().toISOString(), scores: { talk: 6 } });
    const ts = Math.floor(Date.now() / 1000);
    const headers = {
      'Content-Type': 'application/json',
      'Accept-Language': 'en',
      'X-Qabilet-Timestamp': String(ts),
      'X-Qabilet-Signature': sign(secret, ts, raw),
    };
    const me = (await api().get('/api/accounts/me').set('Authorization', `Bearer ${user.jwt}`).expect(200)).body;
    const consent = (me.data ?? me).consents[0];
    await api().post(`/api/accounts/consents/${consent.documentId}/withdraw`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
    const refused = await api().post(`/api/partners/callback/${partner.clientId}`).set(headers).send(raw).expect(403);
    assert.equal(refused.body.error.details.code, 'consent.withdrawn');
    assert.equal((await ctx.strapi.db.connection('assessment_statements').where({ user_id: user.id })).length, 0);
    // A refused call was not kept as received: the partner's retry of it is answered anew, not as a replay.
    const again = await api().post(`/api/partners/callback/${partner.clientId}`).set(headers).send(raw).expect(403);
    assert.equal(again.body.error.details.code, 'consent.withdrawn');
  });
});
