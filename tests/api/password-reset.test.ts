import assert from 'node:assert/strict';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser, withMailRelayDown } from './helpers.ts';

const codeIn = (text: string | undefined) => {
  const url = new URL(text?.match(/https?:\/\/\S+/)?.[0] ?? 'http://invalid/');
  return { url, code: url.searchParams.get('code') ?? '' };
};

describe('accounts: password recovery (R-AUTH-3)', () => {
  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const user = await confirmedUser();
    const since = ctx.mails.length;
    const known = await api().post('/api/auth/forgot-password').set('Accept-Language', 'en').send({ email: user.email.toUpperCase() }).expect(200);
    const unknown = await api().post('/api/auth/forgot-password').set('Accept-Language', 'en').send({ email: 'nobody.here@example.kz' }).expect(200);
    assert.deepEqual(known.body, unknown.body);
    const mail = await mailTo(user.email, since);
    assert.equal(ctx.mails.slice(since).length, 1);
    const { url, code } = codeIn(mail.text);
    assert.equal(url.origin + url.pathname, `${process.env.SITE_URL}/kk/account/reset-password/`);
    assert.match(code, /^[0-9a-f]{64}$/);
    const stored = await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: user.id } });
    assert.notEqual(stored.resetPasswordToken, code, 'only a hash of the code is stored');
  });

  it('answers the same even when the mail relay is down', async () => {
    const user = await confirmedUser();
    await withMailRelayDown(async () => {
      const known = await api().post('/api/auth/forgot-password').send({ email: user.email });
      const unknown = await api().post('/api/auth/forgot-password').send({ email: 'nobody.else@example.kz' });
      assert.equal(known.status, 200);
      assert.deepEqual(known.body, unknown.body);
    });
  });

  it('resets once with the code, ends every other session, and the old password stops working', async () => {
    const user = await confirmedUser();
    const otherDevice = await api().post('/api/auth/local').send({ identifier: user.email, password: user.password }).expect(200);
    const since = ctx.mails.length;
    await api().post('/api/auth/forgot-password').send({ email: user.email }).expect(200);
    const { code } = codeIn((await mailTo(user.email, since)).text);

    const reset = await api().post('/api/auth/reset-password').send({ code, password: 'NewPassw0rd', passwordConfirmation: 'NewPassw0rd' }).expect(200);
    assert.ok(reset.body.jwt);
    await api().get('/api/users/me').set('Authorization', `Bearer ${user.jwt}`).expect(401);
    await api().get('/api/users/me').set('Authorization', `Bearer ${otherDevice.body.jwt}`).expect(401);
    await api().get('/api/users/me').set('Authorization', `Bearer ${reset.body.jwt}`).expect(200);

    const again = await api()
      .post('/api/auth/reset-password')
      .set('Accept-Language', 'ru')
      .send({ code, password: 'Another1pass', passwordConfirmation: 'Another1pass' });
    assert.equal(again.status, 400, 'the link works once');
    assert.match(again.body.error.message, /недействительна или устарела/);
    await api().post('/api/auth/local').send({ identifier: user.email, password: user.password }).expect(400);
    await api().post('/api/auth/local').send({ identifier: user.email, password: 'NewPassw0rd' }).expect(200);
  });

  it('refuses a code older than 30 minutes', async () => {
    const user = await confirmedUser();
    const since = ctx.mails.length;
    await api().post('/api/auth/forgot-password').send({ email: user.email }).expect(200);
    const { code } = codeIn((await mailTo(user.email, since)).text);
    await ctx.strapi.db.query('plugin::users-permissions.user').update({ where: { id: user.id }, data: { resetPasswordExpires: new Date(Date.now() - 1000) } });
    const res = await api().post('/api/auth/reset-password').send({ code, password: 'NewPassw0rd', passwordConfirmation: 'NewPassw0rd' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.errors[0].code, 'reset.code');
  });

  const codes: Array<[string, unknown]> = [
    ['{}', {}],
    ['[]', []],
    ['null', null],
    ['""', ''],
    ['a number', 123],
    ['a guessed code', 'a'.repeat(64)],
    ['a stored hash', undefined],
  ];
  for (const [what, code] of codes) {
    it(`refuses ${what} as the code`, async () => {
      let value = code;
      if (what === 'a stored hash') {
        const user = await confirmedUser();
        await api().post('/api/auth/forgot-password').send({ email: user.email }).expect(200);
        value = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: user.id } })).resetPasswordToken;
      }
      const res = await api()
        .post('/api/auth/reset-password')
        .set('Accept-Language', 'kk')
        .send({ code: value, password: 'NewPassw0rd', passwordConfirmation: 'NewPassw0rd' });
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.equal(res.body.error.details.errors[0].path[0], 'code');
      assert.match(res.body.error.message, /Сілтеме жарамсыз/);
    });
  }

  it('refuses a weak or mismatched new password', async () => {
    const code = 'b'.repeat(64);
    const weak = await api().post('/api/auth/reset-password').send({ code, password: 'short', passwordConfirmation: 'short' });
    assert.equal(weak.body.error.details.errors[0].code, 'password.tooShort');
    const mismatch = await api().post('/api/auth/reset-password').send({ code, password: 'NewPassw0rd', passwordConfirmation: 'NewPassw0rd!' });
    assert.equal(mismatch.body.error.details.errors[0].code, 'reset.mismatch');
  });

  it('refuses a malformed address with a 400', async () => {
    for (const email of [undefined, '', 'nobody', { $ne: '' }, ['a@b.kz']]) {
      const res = await api().post('/api/auth/forgot-password').send({ email });
      assert.equal(res.status, 400, JSON.stringify(email));
    }
  });
});
