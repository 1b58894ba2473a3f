import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser, withMailRelayDown } from './helpers.ts';

const USER = 'plugin::users-permissions.user';
const put = (jwt: string, body: object, language = 'kk') =>
  api().put('/api/accounts/me').set('Authorization', `Bearer ${jwt}`).set('Accept-Language', language).send(body);
const confirm = (token: unknown, language = 'kk') => api().post('/api/accounts/me/email/confirm').set('Accept-Language', language).send({ token });
const logIn = (identifier: string, password: string) => api().post('/api/auth/local').send({ identifier, password });
const newAddress = () => `new.${crypto.randomBytes(4).toString('hex')}@example.kz`;
const row = (id: number) => ctx.strapi.db.query(USER).findOne({ where: { id } });

/** The token of the link in the mail to `to` sent after `since`. */
async function tokenSentTo(to: string, since: number): Promise<string> {
  const mail = await mailTo(to, since);
  const link = new URL(mail.text!.match(/https?:\/\/\S+/)![0]);
  return new URLSearchParams(link.hash.slice(1)).get('token')!;
}

describe('accounts: a new e-mail address takes effect only once confirmed from it', () => {
  it('keeps the old address until the link is opened, mails the new and the old address, and the link works once', async () => {
    const user = await confirmedUser();
    const next = newAddress();
    const since = ctx.mails.length;
    const res = await put(user.jwt, { email: next.toUpperCase(), currentPassword: user.password }).expect(200);
    assert.equal(res.body.profile.email, user.email, 'the address has not changed yet');
    assert.equal(res.body.profile.pendingEmail, next, 'the owner sees the change that waits');
    for (const secret of ['pendingEmailTokenHash', 'pendingEmailExpires']) assert.equal(res.body.profile[secret], undefined);
    const strapiMe = await api().get('/api/users/me').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    for (const secret of ['pendingEmail', 'pendingEmailTokenHash', 'pendingEmailExpires'])
      assert.equal(strapiMe.body[secret], undefined, `${secret} is private`);

    await logIn(user.email, user.password).expect(200);
    await logIn(next, user.password).expect(400);

    const toNew = await mailTo(next, since);
    assert.equal(toNew.subject, 'Qabilet үшін жаңа электрондық пошта мекенжайыңызды растаңыз');
    assert.equal(toNew.headers.get('content-language'), 'kk');
    const link = new URL(toNew.text!.match(/https?:\/\/\S+/)![0]);
    assert.equal(`${link.origin}${link.pathname}`, `${process.env.SITE_URL}/kk/account/email-confirm/`);
    assert.equal(link.search, '', 'the token rides in the fragment, which no server sees');
    assert.doesNotMatch(link.href, /@|example/, 'no address in the link');
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!;
    assert.match(token, /^[0-9a-f]{64}$/);

    const toOld = await mailTo(user.email, since);
    assert.equal(toOld.subject, 'Qabilet тіркелгіңіздің электрондық пошта мекенжайын өзгерту сұралды');
    assert.doesNotMatch(`${toOld.text}${toOld.html}`, /https?:\/\//, 'the notice carries no link to act on');
    assert.doesNotMatch(`${toOld.text}`, new RegExp(next.replace('.', '\\.')), 'nor the new address');

    const done = await confirm(token, 'en').expect(200);
    assert.match(done.body.message, /Log in with the new address/);
    await logIn(next, user.password).expect(200);
    await logIn(user.email, user.password).expect(400);
    await api().get('/api/accounts/me').set('Authorization', `Bearer ${user.jwt}`).expect(401);
    const stored = await row(user.id);
    assert.deepEqual([stored.email, stored.pendingEmail, stored.pendingEmailTokenHash, stored.pendingEmailExpires], [next, null, null, null]);

    const again = await confirm(token, 'ru').expect(400);
    assert.equal(again.body.error.details.errors[0].code, 'emailChange.link');
    assert.match(again.body.error.message, /Ссылка недействительна/);

    const events = await ctx.strapi.db
      .query('api::audit-event.audit-event')
      .findMany({ where: { subjectId: String(user.id), action: { $startsWith: 'account.email-change' } } });
    assert.deepEqual(events.map((e: { action: string }) => e.action).sort(), ['account.email-change-requested', 'account.email-changed']);
    assert.doesNotMatch(JSON.stringify(events), /@/, 'ids only in the audit');
  });

  it('stores and mails nothing when the current password is wrong', async () => {
    const user = await confirmedUser();
    const next = newAddress();
    const since = ctx.mails.length;
    const res = await put(user.jwt, { email: next, currentPassword: 'not-mine-1' }, 'en').expect(400);
    assert.equal(res.body.error.details.errors[0].code, 'password.current');
    const stored = await row(user.id);
    assert.deepEqual([stored.email, stored.pendingEmail, stored.pendingEmailTokenHash], [user.email, null, null]);
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(ctx.mails.slice(since).length, 0);
  });

  it('refuses an expired link, in the language asked for', async () => {
    const user = await confirmedUser();
    const next = newAddress();
    const since = ctx.mails.length;
    await put(user.jwt, { email: next, currentPassword: user.password }).expect(200);
    const token = await tokenSentTo(next, since);
    await ctx.strapi.db.query(USER).update({ where: { id: user.id }, data: { pendingEmailExpires: new Date(Date.now() - 1000) } });
    const res = await confirm(token, 'en').expect(400);
    assert.equal(res.body.error.details.errors[0].code, 'emailChange.link');
    assert.match(res.body.error.message, /expired/);
    assert.equal((await row(user.id)).email, user.email);
    const view = await api().get('/api/accounts/me').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    assert.equal(view.body.profile.pendingEmail, null, 'an expired change no longer shows as pending');
  });

  it('refuses an address another account took meanwhile, whatever its case', async () => {
    const user = await confirmedUser();
    const next = newAddress();
    const since = ctx.mails.length;
    await put(user.jwt, { email: next, currentPassword: user.password }).expect(200);
    const token = await tokenSentTo(next, since);
    await confirmedUser({ email: next.toUpperCase() });
    const res = await confirm(token, 'en').expect(400);
    assert.equal(res.body.error.details.errors[0].code, 'emailChange.taken');
    const stored = await row(user.id);
    assert.deepEqual([stored.email, stored.pendingEmail], [user.email, null]);
    await logIn(user.email, user.password).expect(200);
  });

  it('replaces the change that waits when asked again', async () => {
    const user = await confirmedUser();
    const first = newAddress();
    const second = newAddress();
    let since = ctx.mails.length;
    await put(user.jwt, { email: first, currentPassword: user.password }).expect(200);
    const firstToken = await tokenSentTo(first, since);
    since = ctx.mails.length;
    const res = await put(user.jwt, { email: second, currentPassword: user.password }).expect(200);
    assert.equal(res.body.profile.pendingEmail, second);
    const secondToken = await tokenSentTo(second, since);
    await confirm(firstToken).expect(400);
    await confirm(secondToken).expect(200);
    assert.equal((await row(user.id)).email, second);
  });

  it('forgets the address that waits when the account is anonymised, and its link stops working', async () => {
    const { anonymiseDueAccounts, GRACE_DAYS } = requireCms(ctx.distDir, 'src/accounts/deletion.js');
    const user = await confirmedUser();
    const next = newAddress();
    const since = ctx.mails.length;
    await put(user.jwt, { email: next, currentPassword: user.password }).expect(200);
    const token = await tokenSentTo(next, since);
    await api().post('/api/accounts/me/deletion').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    await anonymiseDueAccounts(ctx.strapi, new Date(Date.now() + (GRACE_DAYS + 1) * 86_400_000));
    const stored = await row(user.id);
    assert.deepEqual([stored.pendingEmail, stored.pendingEmailTokenHash, stored.pendingEmailExpires], [null, null, null]);
    await confirm(token).expect(400);
    assert.match((await row(user.id)).email, /@deleted\.invalid$/);
  });

  it('keeps nothing pending when the letter to the new address cannot be sent, and says so', async () => {
    const user = await confirmedUser();
    await withMailRelayDown(async () => {
      const res = await put(user.jwt, { email: newAddress(), firstName: 'Дана', currentPassword: user.password }, 'en');
      assert.equal(res.status, 503);
      assert.match(res.body.error.message, /did not change/);
    });
    const stored = await row(user.id);
    assert.deepEqual([stored.email, stored.pendingEmail, stored.pendingEmailTokenHash, stored.firstName], [user.email, null, null, 'Дана']);
  });

  it('answers a malformed token with a 400, never a 500', async () => {
    for (const token of [undefined, '', 'abc', 42, { $ne: null }, 'f'.repeat(64), ['a'.repeat(64)]]) {
      const res = await confirm(token, 'en');
      assert.equal(res.status, 400, JSON.stringify(token));
      assert.equal(res.body.error.details.errors[0].path[0], 'token');
    }
  });
});
