import assert from 'node:assert/strict';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ageOn, todayInKazakhstan } from '@qabilet/domain';
import { ctx, smsTo } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const as = (jwt: string) => ({
  get: (path: string) => api().get(path).set('Authorization', `Bearer ${jwt}`),
  post: (path: string, body?: object) =>
    api()
      .post(path)
      .set('Authorization', `Bearer ${jwt}`)
      .send(body ?? {}),
  put: (path: string, body: object) => api().put(path).set('Authorization', `Bearer ${jwt}`).send(body),
  delete: (path: string) => api().delete(path).set('Authorization', `Bearer ${jwt}`),
});
const parentBody = { userType: 'parent', birthDate: '1984-02-02', education: 'graduate', firstName: 'Гүлнар', surname: 'Ахметова' };
const child = {
  surname: 'Ахметов',
  firstName: 'Нұрислам',
  gender: 'male',
  birthDate: '2015-09-01',
  region: 'KZ-75',
  locality: 'kz-75-medeu-district',
  education: 'school-5',
};

describe('cabinet: profile', () => {
  it('needs a log-in', async () => {
    const res = await api().get('/api/accounts/me');
    assert.ok([401, 403].includes(res.status));
  });

  it('shows the profile with the age derived from the birth date, and edits it', async () => {
    const user = await confirmedUser({ birthDate: '2010-01-15' });
    const view = (await as(user.jwt).get('/api/accounts/me').expect(200)).body;
    assert.equal(view.profile.age, ageOn('2010-01-15', todayInKazakhstan()));
    assert.equal(view.profile.password, undefined);
    const edited = await as(user.jwt).put('/api/accounts/me', { firstName: '  Әлия-Ай ', locality: 'kz-63-ridder', language: 'ru' }).expect(200);
    assert.equal(edited.body.profile.firstName, 'Әлия-Ай');
    assert.equal(edited.body.profile.locality, 'kz-63-ridder');
    assert.equal(edited.body.profile.language, 'ru');
  });

  it('changes the e-mail address or phone only with the current password', async () => {
    const user = await confirmedUser();
    const without = await as(user.jwt).put('/api/accounts/me', { email: 'new.address@example.kz' });
    assert.equal(without.body.error.details.errors[0].code, 'password.current');
    const wrong = await as(user.jwt).put('/api/accounts/me', { phone: '87771112233', currentPassword: 'wrong-one-1' });
    assert.equal(wrong.body.error.details.errors[0].code, 'password.current');
    const ok = await as(user.jwt)
      .put('/api/accounts/me', { email: 'New.Address@example.kz', phone: '87771112233', currentPassword: user.password })
      .expect(200);
    // The new address waits for its confirmation link (tests/api/email-change.test.ts); the phone changes at once, unverified.
    assert.equal(ok.body.profile.email, user.email);
    assert.equal(ok.body.profile.pendingEmail, 'new.address@example.kz');
    assert.equal(ok.body.profile.phone, '+77771112233');
    assert.equal(ok.body.profile.phoneVerified, false);
    await api().post('/api/auth/local').send({ identifier: user.email, password: user.password }).expect(200);
  });

  it('refuses what a user may not change and wrong values, field by field', async () => {
    const user = await confirmedUser();
    const res = await as(user.jwt).put('/api/accounts/me', { role: 1, confirmed: true, phoneVerified: true, region: 'KZ-75', birthDate: '1900-01-01' });
    assert.equal(res.status, 400);
    const fields = res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort();
    assert.deepEqual(fields, ['birthDate', 'confirmed', 'locality', 'phoneVerified', 'role']);
  });

  it('verifies the phone with a code sent by SMS in the user’s language', async () => {
    const user = await confirmedUser({ phone: '8 702 555 44 33' });
    const since = ctx.sms.length;
    await as(user.jwt).post('/api/accounts/me/phone/code').expect(202);
    const sms = await smsTo('+77025554433', since);
    assert.match(String(sms?.body), /растау кодыңыз \d{6}/);
    const code = sms!.body.match(/\d{6}/)![0];
    const wrong = await as(user.jwt).post('/api/accounts/me/phone/verify', { code: code === '123456' ? '654321' : '123456' });
    assert.equal(wrong.body.error.details.errors[0].code, 'code.wrong');
    await as(user.jwt).post('/api/accounts/me/phone/verify', { code }).expect(200);
    assert.equal((await as(user.jwt).get('/api/accounts/me')).body.profile.phoneVerified, true);
    await as(user.jwt).post('/api/accounts/me/phone/verify', { code }).expect(400);
  });

  it('refuses another account’s e-mail address, whatever its case', async () => {
    const a = await confirmedUser();
    const b = await confirmedUser();
    const res = await as(a.jwt).put('/api/accounts/me', { email: b.email.toUpperCase(), currentPassword: a.password });
    assert.equal(res.body.error.details.errors[0].code, 'email.taken');
    assert.equal((await as(a.jwt).get('/api/accounts/me')).body.profile.email, a.email);
  });

  it('locks the phone code after five wrong tries', async () => {
    const user = await confirmedUser({ phone: '8 708 222 33 44' });
    const since = ctx.sms.length;
    await as(user.jwt).post('/api/accounts/me/phone/code').expect(202);
    const code = (await smsTo('+77082223344', since)).body.match(/\d{6}/)![0];
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) await as(user.jwt).post('/api/accounts/me/phone/verify', { code: wrong }).expect(400);
    const res = await as(user.jwt).post('/api/accounts/me/phone/verify', { code });
    assert.equal(res.body.error.details.errors[0].code, 'code.expired');
  });

  it('logs out everywhere: every token of the user stops working', async () => {
    const user = await confirmedUser();
    const second = (await api().post('/api/auth/local').send({ identifier: user.email, password: user.password }).expect(200)).body.jwt;
    await as(user.jwt).post('/api/accounts/me/logout-everywhere').expect(204);
    await as(user.jwt).get('/api/accounts/me').expect(401);
    await as(second).get('/api/accounts/me').expect(401);
  });
});

describe('cabinet: children', () => {
  it('lets a parent add, edit and remove a child, with the parent’s consent recorded', async () => {
    const parent = await confirmedUser(parentBody);
    const created = await as(parent.jwt).post('/api/accounts/children', child).expect(201);
    assert.equal(created.body.data.age, ageOn(child.birthDate, todayInKazakhstan()));
    const id = created.body.data.documentId;
    const view = (await as(parent.jwt).get('/api/accounts/me')).body;
    assert.equal(view.children.length, 1);
    const consent = view.consents.find((c: { child: unknown }) => c.child);
    assert.deepEqual(
      [consent.kind, consent.givenBy, consent.channel, consent.status, consent.child.documentId],
      ['parental', 'parent', 'cabinet', 'given', id],
    );
    await as(parent.jwt).put(`/api/accounts/children/${id}`, { education: 'school-6' }).expect(200);
    await as(parent.jwt).delete(`/api/accounts/children/${id}`).expect(204);
    assert.equal((await as(parent.jwt).get('/api/accounts/children')).body.data.length, 0);
    const after = (await as(parent.jwt).get('/api/accounts/me')).body.consents.filter(
      (c: { kind: string; givenBy: string }) => c.kind === 'parental' && c.givenBy === 'parent',
    );
    assert.deepEqual(
      after.map((c: { status: string }) => c.status),
      ['withdrawn'],
      'the child’s consent ends with the profile',
    );
  });

  it('keeps each parent to their own children', async () => {
    const a = await confirmedUser(parentBody);
    const b = await confirmedUser(parentBody);
    const id = (await as(a.jwt).post('/api/accounts/children', child).expect(201)).body.data.documentId;
    await as(b.jwt).put(`/api/accounts/children/${id}`, { firstName: 'Hacked' }).expect(404);
    await as(b.jwt).delete(`/api/accounts/children/${id}`).expect(404);
    assert.equal((await as(b.jwt).get('/api/accounts/children')).body.data.length, 0);
    const spoof = await as(b.jwt).post('/api/accounts/children', { ...child, parent: a.id });
    assert.equal(spoof.body.error.details.errors[0].code, 'field.notAllowed');
  });

  it('refuses children for non-parents and children out of the age served', async () => {
    const pupil = await confirmedUser();
    await as(pupil.jwt).post('/api/accounts/children', child).expect(403);
    const parent = await confirmedUser(parentBody);
    const old = await as(parent.jwt).post('/api/accounts/children', { ...child, birthDate: '1999-01-01' });
    assert.equal(old.body.error.details.errors[0].code, 'birthDate.tooOld');
  });
});

describe('cabinet: my data and deleting my account', () => {
  it('downloads everything held about me, and logs that I did', async () => {
    const parent = await confirmedUser(parentBody);
    await as(parent.jwt).post('/api/accounts/children', child).expect(201);
    const res = await as(parent.jwt).get('/api/accounts/me/export').expect(200);
    assert.match(String(res.headers['content-disposition']), /attachment/);
    assert.equal(res.body.profile.email, parent.email);
    assert.equal(res.body.children.length, 1);
    assert.equal(res.body.consents.length, 2);
    const text = JSON.stringify(res.body);
    for (const secret of ['password', 'tokenHash', 'resetPasswordToken', 'confirmationToken', 'phoneCodeHash']) assert.ok(!text.includes(secret), secret);
    const events = await ctx.strapi.db
      .query('api::audit-event.audit-event')
      .findMany({ where: { action: 'personal-data.exported', actorId: String(parent.id) } });
    assert.equal(events.length, 1);
    assert.ok(!JSON.stringify(events).includes(parent.email), 'the log holds ids, not the data');
  });

  it('anonymises an account after the grace period unless the deletion is cancelled', async () => {
    const { anonymiseDueAccounts, GRACE_DAYS } = requireCms(ctx.distDir, 'src/accounts/deletion.js');
    const kept = await confirmedUser();
    const gone = await confirmedUser(parentBody);
    await as(gone.jwt).post('/api/accounts/children', child).expect(201);
    await as(kept.jwt).post('/api/accounts/me/deletion').expect(200);
    await as(kept.jwt).delete('/api/accounts/me/deletion').expect(200);
    const requested = await as(gone.jwt).post('/api/accounts/me/deletion').set('Accept-Language', 'en').expect(200);
    assert.match(requested.body.message, new RegExp(`${GRACE_DAYS} days`));
    assert.equal((await as(gone.jwt).get('/api/accounts/me')).body.consent.servicesAllowed, false);

    assert.equal(await anonymiseDueAccounts(ctx.strapi, new Date()), 0, 'nothing before the grace period ends');
    const later = new Date(Date.now() + (GRACE_DAYS + 1) * 86_400_000);
    assert.ok((await anonymiseDueAccounts(ctx.strapi, later)) >= 1);
    const row = await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: gone.id } });
    assert.equal(row.firstName, '-');
    assert.match(row.email, /@deleted\.invalid$/);
    assert.equal(row.region, 'KZ-63', 'what statistics need stays');
    assert.equal(await ctx.strapi.db.query('api::child.child').count({ where: { parent: gone.id } }), 0);
    await api().post('/api/auth/local').send({ identifier: gone.email, password: gone.password }).expect(400);
    await as(gone.jwt).get('/api/accounts/me').expect(401);
    await as(kept.jwt).get('/api/accounts/me').expect(200);
  });
});
