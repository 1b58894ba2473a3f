import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ctx, mailTo, smsTo } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';

const me = (jwt: string) =>
  api()
    .get('/api/accounts/me')
    .set('Authorization', `Bearer ${jwt}`)
    .expect(200)
    .then((r) => r.body);

describe('consent (Law 94-V): recorded at registration, a parent’s for minors, withdrawable', () => {
  it('serves the text in force in each language, with its version and hash', async () => {
    const res = await api().get('/api/accounts/consent-text?locale=ru').expect(200);
    assert.equal(res.body.version, '2026-11-29');
    assert.match(res.body.title, /Согласие/);
    assert.equal(res.body.hash, crypto.createHash('sha256').update(res.body.body).digest('hex'));
    const kk = await api().get('/api/accounts/consent-text').expect(200);
    assert.equal(kk.body.language, 'kk');
  });

  it('records the consent of every registration against the current text', async () => {
    const adult = await confirmedUser({ userType: 'parent', birthDate: '1985-05-05', education: 'university' });
    const view = await me(adult.jwt);
    assert.equal(view.consents.length, 1);
    const [consent] = view.consents;
    assert.deepEqual(
      [consent.kind, consent.status, consent.textVersion, consent.channel, consent.givenBy],
      ['own', 'given', '2026-11-29', 'registration', 'self'],
    );
    assert.deepEqual(view.consent, { own: true, parentalNeeded: false, parental: false, servicesAllowed: true });
    const refused = await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${adult.jwt}`).send({ email: 'x@example.kz' });
    assert.equal(refused.body.error.details.errors[0].code, 'consent.notNeeded');
  });

  it('holds a minor back until a parent confirms by the e-mail link, which works once', async () => {
    const pupil = await confirmedUser({ birthDate: '2012-03-01' });
    assert.deepEqual((await me(pupil.jwt)).consent, { own: true, parentalNeeded: true, parental: false, servicesAllowed: false });
    const since = ctx.mails.length;
    await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${pupil.jwt}`).send({ email: 'Mother@Example.kz' }).expect(202);
    const mail = await mailTo('mother@example.kz', since);
    assert.match(String(mail.subject), /Әлия/);
    const link = new URL(String(mail.text?.match(/https?:\/\/\S+/)?.[0]));
    assert.equal(link.pathname, '/kk/account/parental-consent/');
    const token = link.searchParams.get('token');
    await api().post('/api/accounts/parental-consent/confirm').send({ token }).expect(200);
    assert.equal((await me(pupil.jwt)).consent.servicesAllowed, true);
    const again = await api().post('/api/accounts/parental-consent/confirm').set('Accept-Language', 'en').send({ token });
    assert.equal(again.status, 400);
    assert.match(again.body.error.message, /not valid or has expired/);
  });

  it('lets a parent confirm with a plain HTML form and lands on the site', async () => {
    const pupil = await confirmedUser({ birthDate: '2013-03-01' });
    const since = ctx.mails.length;
    await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${pupil.jwt}`).send({ email: 'father@example.kz' }).expect(202);
    const token = new URL(String((await mailTo('father@example.kz', since)).text?.match(/https?:\/\/\S+/)?.[0])).searchParams.get('token');
    const res = await api().post('/api/accounts/parental-consent/confirm').type('form').send({ token, language: 'ru' }).expect(303);
    assert.equal(res.headers.location, `${process.env.SITE_URL}/kk/account/parental-consent/given/`);
    const bad = await api().post('/api/accounts/parental-consent/confirm').type('form').send({ token, language: 'ru' }).expect(303);
    assert.equal(bad.headers.location, `${process.env.SITE_URL}/ru/account/parental-consent/invalid/`);
  });

  it('takes the code a parent got by SMS, five tries at most', async () => {
    const pupil = await confirmedUser({ birthDate: '2011-09-09' });
    const since = ctx.sms.length;
    await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${pupil.jwt}`).send({ phone: '8 705 111 22 33' }).expect(202);
    const sms = await smsTo('+77051112233', since);
    assert.ok(sms, 'the parent got an SMS');
    assert.match(sms.body, /Qabilet: Әлия/);
    const code = sms.body.match(/\b(\d{6})\b/)![1];
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 2; i++) {
      const res = await api().post('/api/accounts/me/parental-consent/code').set('Authorization', `Bearer ${pupil.jwt}`).send({ code: wrong });
      assert.equal(res.body.error.details.errors[0].code, 'code.wrong');
    }
    await api().post('/api/accounts/me/parental-consent/code').set('Authorization', `Bearer ${pupil.jwt}`).send({ code }).expect(200);
    assert.equal((await me(pupil.jwt)).consent.servicesAllowed, true);
  });

  it('locks the SMS code after five wrong tries', async () => {
    const pupil = await confirmedUser({ birthDate: '2011-10-10' });
    const since = ctx.sms.length;
    await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${pupil.jwt}`).send({ phone: '+7 777 999 88 77' }).expect(202);
    const code = (await smsTo('+77779998877', since)).body.match(/\b(\d{6})\b/)![1];
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      await api().post('/api/accounts/me/parental-consent/code').set('Authorization', `Bearer ${pupil.jwt}`).send({ code: wrong }).expect(400);
    const res = await api().post('/api/accounts/me/parental-consent/code').set('Authorization', `Bearer ${pupil.jwt}`).send({ code });
    assert.equal(res.body.error.details.errors[0].code, 'code.expired');
  });

  it('asks for exactly one way to reach the parent', async () => {
    const pupil = await confirmedUser({ birthDate: '2012-01-01' });
    for (const body of [{}, { email: 'a@example.kz', phone: '87011234567' }, { email: 'nope' }, { phone: '8 727 111 22 33' }, { email: ['a@b.kz'] }]) {
      const res = await api().post('/api/accounts/me/parental-consent').set('Authorization', `Bearer ${pupil.jwt}`).send(body);
      assert.equal(res.status, 400, JSON.stringify(body));
    }
  });

  it('lets a person withdraw their own consent, which stops the services, and nobody else’s', async () => {
    const a = await confirmedUser({ userType: 'student', birthDate: '2004-04-04', education: 'university' });
    const b = await confirmedUser({ userType: 'student', birthDate: '2004-04-04', education: 'university' });
    const consentOfB = (await me(b.jwt)).consents[0].documentId;
    const stolen = await api().post(`/api/accounts/consents/${consentOfB}/withdraw`).set('Authorization', `Bearer ${a.jwt}`);
    assert.equal(stolen.status, 400);
    assert.equal((await me(b.jwt)).consent.servicesAllowed, true);
    await api().post(`/api/accounts/consents/${consentOfB}/withdraw`).set('Authorization', `Bearer ${b.jwt}`).expect(200);
    const view = await me(b.jwt);
    assert.equal(view.consents[0].status, 'withdrawn');
    assert.equal(view.consent.servicesAllowed, false);
  });
});
