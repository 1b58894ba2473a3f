import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { Response } from 'supertest';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const COOKIE = 'strapi_up_refresh';
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
const sign = (payload: object, secret = process.env.JWT_SECRET!) => {
  const data = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${data}.${crypto.createHmac('sha256', secret).update(data).digest('base64url')}`;
};

/** The refresh cookie a response sets, with its attributes, or undefined. */
function refreshCookieOf(res: Response): { value: string; attributes: string } | undefined {
  const header = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith(`${COOKIE}=`));
  if (!header) return undefined;
  const [pair, ...attributes] = header.split(';');
  return { value: pair!.slice(COOKIE.length + 1), attributes: attributes.join(';').toLowerCase() };
}

/** Asserts an answer that opened a session carries the refresh token only in an httpOnly cookie. */
function assertCookieOnly(res: Response): string {
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(typeof res.body.jwt, 'string');
  assert.ok(!('refreshToken' in res.body), 'no refresh token in the body');
  assert.ok(!JSON.stringify(res.body).includes('refresh'), 'nothing about the refresh token in the body');
  const cookie = refreshCookieOf(res);
  assert.ok(cookie?.value, 'the refresh token is set as a cookie');
  assert.match(cookie.attributes, /httponly/);
  assert.match(cookie.attributes, /samesite=lax/);
  return cookie.value;
}

describe('sessions: the refresh token only ever travels in an httpOnly cookie', () => {
  it('after a change of password', async () => {
    const user = await confirmedUser();
    const res = await api()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ currentPassword: user.password, password: 'Changed2027x', passwordConfirmation: 'Changed2027x' });
    const cookie = assertCookieOnly(res);
    const refreshed = await api().post('/api/auth/refresh').set('Cookie', `${COOKIE}=${cookie}`).expect(200);
    assert.ok(!('refreshToken' in refreshed.body));
    await api().get('/api/users/me').set('Authorization', `Bearer ${refreshed.body.jwt}`).expect(200);
  });

  it('after a reset of password', async () => {
    const user = await confirmedUser();
    const since = ctx.mails.length;
    await api().post('/api/auth/forgot-password').send({ email: user.email }).expect(200);
    const code = new URL((await mailTo(user.email, since)).text!.match(/https?:\/\/\S+/)![0]).searchParams.get('code');
    const res = await api().post('/api/auth/reset-password').send({ code, password: 'Reset2027xy', passwordConfirmation: 'Reset2027xy' });
    const cookie = assertCookieOnly(res);
    await api().post('/api/auth/refresh').set('Cookie', `${COOKIE}=${cookie}`).expect(200);
  });

  it('on log-in and refresh', async () => {
    const user = await confirmedUser();
    const login = await api().post('/api/auth/local').send({ identifier: user.email, password: user.password });
    const cookie = assertCookieOnly(login);
    assertCookieOnly(await api().post('/api/auth/refresh').set('Cookie', `${COOKIE}=${cookie}`));
  });

  it('does not take a refresh token from a JSON body', async () => {
    const user = await confirmedUser();
    const login = await api().post('/api/auth/local').send({ identifier: user.email, password: user.password }).expect(200);
    const token = refreshCookieOf(login)!.value;
    const res = await api().post('/api/auth/refresh').send({ refreshToken: token });
    assert.ok([400, 401].includes(res.status), `refresh from a body: ${res.status}`);
    assert.ok(!res.body?.jwt);
    // The session is untouched: the cookie still works.
    await api().post('/api/auth/refresh').set('Cookie', `${COOKIE}=${token}`).expect(200);
  });
});

describe('sessions: an access token must expire and belong to a session', () => {
  let user: Awaited<ReturnType<typeof confirmedUser>>;
  before(async () => (user = await confirmedUser()));

  it('accepts the real one', async () => {
    const claims = decode(user.jwt);
    assert.equal(typeof claims.exp, 'number');
    assert.equal(typeof claims.sessionId, 'string');
    await api().get('/api/users/me').set('Authorization', `Bearer ${user.jwt}`).expect(200);
  });

  it('refuses one signed with the real secret but without an expiry', async () => {
    const { exp: _exp, ...claims } = decode(user.jwt);
    await api()
      .get('/api/users/me')
      .set('Authorization', `Bearer ${sign(claims)}`)
      .expect(401);
  });

  it('refuses one signed with the real secret but without a session', async () => {
    const { sessionId: _s, ...claims } = decode(user.jwt);
    await api()
      .get('/api/users/me')
      .set('Authorization', `Bearer ${sign(claims)}`)
      .expect(401);
    const { sessionId: _t, exp: _e, ...bare } = decode(user.jwt);
    await api()
      .get('/api/users/me')
      .set('Authorization', `Bearer ${sign(bare)}`)
      .expect(401);
  });

  it('refuses one naming a session that does not exist', async () => {
    const claims = { ...decode(user.jwt), sessionId: crypto.randomBytes(16).toString('hex') };
    await api()
      .get('/api/users/me')
      .set('Authorization', `Bearer ${sign(claims)}`)
      .expect(401);
  });
});
