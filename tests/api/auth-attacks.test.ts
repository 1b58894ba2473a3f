import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());
const sign = (header: object, payload: object, secret: string) => {
  const data = `${b64(header)}.${b64(payload)}`;
  return `${data}.${crypto.createHmac('sha256', secret).update(data).digest('base64url')}`;
};

describe('accounts: known attacks on Strapi auth', () => {
  let victim: Awaited<ReturnType<typeof confirmedUser>>;
  let other: Awaited<ReturnType<typeof confirmedUser>>;
  before(async () => {
    victim = await confirmedUser();
    other = await confirmedUser({ firstName: 'Данияр', gender: 'male' });
  });

  it('refuses a token with alg "none"', async () => {
    const payload = decode(victim.jwt);
    const forged = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...payload, exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    await api().get('/api/users/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses a token signed with another key', async () => {
    const forged = sign({ alg: 'HS256', typ: 'JWT' }, decode(victim.jwt), 'not-the-secret');
    await api().get('/api/users/me').set('Authorization', `Bearer ${forged}`).expect(401);
  });

  it('refuses an expired token, even one signed with the real key', async () => {
    const payload = { ...decode(victim.jwt), iat: 1_700_000_000, exp: 1_700_000_600 };
    await api()
      .get('/api/users/me')
      .set('Authorization', `Bearer ${sign({ alg: 'HS256', typ: 'JWT' }, payload, process.env.JWT_SECRET!)}`)
      .expect(401);
  });

  it('does not let a user read another user by id or documentId, or list users', async () => {
    for (const path of [`/api/users/${other.id}`, `/api/users/${other.documentId}`, '/api/users', `/api/users?filters[email][$eq]=${other.email}`]) {
      const res = await api().get(path).set('Authorization', `Bearer ${victim.jwt}`);
      assert.equal(res.status, 403, `${path}: ${res.status}`);
    }
  });

  it('does not let a user change their role or anyone else', async () => {
    const roles = await ctx.strapi.db.query('plugin::users-permissions.role').findMany();
    const elevated = roles.find((r: { type: string }) => r.type !== 'authenticated' && r.type !== 'public');
    for (const [method, path] of [
      ['put', `/api/users/${victim.id}`],
      ['put', `/api/users/${other.id}`],
      ['put', '/api/users/me'],
    ] as const) {
      const client = api();
      const res = await client[method](path)
        .set('Authorization', `Bearer ${victim.jwt}`)
        .send({ role: elevated?.id ?? 999, confirmed: true, blocked: false });
      assert.ok([403, 404, 405].includes(res.status), `${method} ${path}: ${res.status}`);
    }
    const me = await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: victim.id }, populate: ['role'] });
    assert.equal(me.role.type, 'authenticated');
  });

  it('never exposes private fields through filters or populate', async () => {
    for (const path of ['/api/users/me?populate=*', '/api/users/me?fields[0]=password', '/api/users/me?populate[role][populate]=*']) {
      const res = await api().get(path).set('Authorization', `Bearer ${victim.jwt}`);
      assert.ok(res.status < 500, `${path}: ${res.status}`);
      const data = JSON.stringify(res.status === 200 ? res.body : res.body.data);
      for (const secret of ['"password"', 'resetPasswordToken', 'confirmationToken', '$2a$', '$2b$'])
        assert.ok(!data.includes(secret), `${path} leaks ${secret}`);
    }
    const guessing = await api().get('/api/users?filters[password][$startsWith]=$2').set('Authorization', `Bearer ${victim.jwt}`);
    assert.ok([400, 403].includes(guessing.status), `filter on password: ${guessing.status}`);
    const anonymous = await api().get('/api/users?filters[resetPasswordToken][$notNull]=true');
    assert.ok([400, 403].includes(anonymous.status), `anonymous filter: ${anonymous.status}`);
  });

  it('holds a change of password to the same rule, and asks for the current one', async () => {
    const user = await confirmedUser();
    const weak = await api()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ currentPassword: user.password, password: 'abc', passwordConfirmation: 'abc' });
    assert.equal(weak.status, 400);
    assert.equal(weak.body.error.details.errors[0].code, 'password.tooShort');
    const wrong = await api()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ currentPassword: 'not-mine-1', password: 'Better2027x', passwordConfirmation: 'Better2027x' });
    assert.equal(wrong.status, 400);
    await api()
      .post('/api/auth/change-password')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ currentPassword: user.password, password: 'Better2027x', passwordConfirmation: 'Better2027x' })
      .expect(200);
  });
});
