import assert from 'node:assert/strict';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser, pupil } from './helpers.ts';

describe('accounts: rate limits in the shared database', () => {
  let scale: string | undefined;
  const table = () => ctx.strapi.db.connection('qabilet_rate_limits');
  beforeEach(async () => {
    scale = process.env.RATE_LIMIT_SCALE;
    process.env.RATE_LIMIT_SCALE = '1';
    await table().delete();
  });
  afterEach(async () => {
    process.env.RATE_LIMIT_SCALE = scale;
    await table().delete();
  });

  it('stops the 11th registration in an hour from one address, whatever the e-mail or X-Forwarded-For', async () => {
    for (let i = 0; i < 10; i++) {
      const res = await api()
        .post('/api/auth/local/register')
        .set('X-Forwarded-For', `203.0.113.${i}`)
        .send(pupil({ firstName: '' }));
      assert.equal(res.status, 400);
    }
    const res = await api().post('/api/auth/local/register').set('X-Forwarded-For', '198.51.100.7').set('Accept-Language', 'ru').send(pupil());
    assert.equal(res.status, 429);
    assert.match(res.body.error.message, /Слишком много попыток/);
    assert.ok(Number(res.headers['retry-after']) > 0);
  });

  it('stops guessing one account’s password before the address limit', async () => {
    for (let i = 0; i < 10; i++)
      await api()
        .post('/api/auth/local')
        .send({ identifier: 'target@example.kz', password: `guess-${i}` })
        .expect(400);
    await api().post('/api/auth/local').send({ identifier: 'TARGET@example.kz ', password: 'guess' }).expect(429);
    await api().post('/api/auth/local').send({ identifier: 'someone.else@example.kz', password: 'guess' }).expect(400);
  });

  it('limits recovery per account and per address', async () => {
    for (let i = 0; i < 3; i++) await api().post('/api/auth/forgot-password').send({ email: 'one@example.kz' }).expect(200);
    await api().post('/api/auth/forgot-password').send({ email: 'one@example.kz' }).expect(429);
    for (let i = 0; i < 6; i++)
      await api()
        .post('/api/auth/forgot-password')
        .send({ email: `other${i}@example.kz` })
        .expect(200);
    await api().post('/api/auth/forgot-password').send({ email: 'fresh@example.kz' }).expect(429);
  });

  it('counts a route however its path is written', async () => {
    for (let i = 0; i < 10; i++)
      await api()
        .post('/api/auth/local')
        .send({ identifier: 'case@example.kz', password: `guess-${i}` })
        .expect(400);
    for (const path of ['/api/AUTH/Local', '/api/auth/local/', '/API/auth/LOCAL/']) {
      const res = await api().post(path).send({ identifier: 'case@example.kz', password: 'guess' });
      assert.equal(res.status, 429, path);
    }
  });

  it('sends at most five SMS an hour from one address', async () => {
    const user = await confirmedUser({ phone: '8 700 111 00 99' });
    await table().delete();
    for (let i = 0; i < 5; i++) await api().post('/api/accounts/me/phone/code').set('Authorization', `Bearer ${user.jwt}`).expect(202);
    await api().post('/api/accounts/me/phone/code').set('Authorization', `Bearer ${user.jwt}`).expect(429);
  });

  it('keeps its counters in the database, under hashed keys only', async () => {
    await api().post('/api/auth/forgot-password').send({ email: 'private.person@example.kz' }).expect(200);
    const rows = await table().select();
    assert.equal(rows.length, 2);
    for (const row of rows) {
      assert.match(row.key, /^[0-9a-f]{64}$/);
      assert.equal(Number(row.hits), 1);
    }
    assert.ok(!JSON.stringify(rows).includes('private.person'));
  });
});
