import assert from 'node:assert/strict';
import { ctx, mailTo } from '../setup/context.ts';
import { api, pupil, userCount } from './helpers.ts';

const linkIn = (text: string | undefined) => {
  const match = text?.match(/https?:\/\/\S+/);
  assert.ok(match, 'the mail has a link');
  return new URL(match[0]);
};

describe('accounts: registration (R-AUTH-1) and e-mail confirmation', () => {
  it('registers a pupil with a Kazakh name, confirms by the mail, then logs in', async () => {
    const body = pupil({ email: 'Aliya.Seitkali@Example.KZ' });
    const since = ctx.mails.length;
    const res = await api().post('/api/auth/local/register').set('Accept-Language', 'kk').send(body).expect(200);
    assert.equal(res.body.jwt, undefined, 'no session before the address is confirmed');
    const user = res.body.user;
    assert.equal(user.email, 'aliya.seitkali@example.kz');
    assert.equal(user.firstName, 'Әлия');
    assert.equal(user.phone, '+77011234567');
    assert.equal(user.confirmed, false);
    assert.equal(user.language, 'kk');
    assert.match(user.username, /^q[0-9a-f]{16}$/);
    for (const secret of ['password', 'confirmationToken', 'resetPasswordToken']) assert.equal(user[secret], undefined);

    const mail = await mailTo('aliya.seitkali@example.kz', since);
    assert.equal(mail.subject, 'Qabilet үшін электрондық пошта мекенжайыңызды растаңыз');
    assert.match(mail.text ?? '', /Сәлеметсіз бе, Әлия!/);
    assert.equal(mail.headers.get('content-language'), 'kk');

    const before = await api().post('/api/auth/local').send({ identifier: 'aliya.seitkali@example.kz', password: 'Qabilet2026' });
    assert.equal(before.status, 400, 'an unconfirmed account cannot log in');

    const link = linkIn(mail.text);
    assert.equal(link.origin, ctx.cmsUrl, 'the link leads to the CMS');
    const confirm = await api().get(`${link.pathname}${link.search}`).expect(302);
    assert.equal(confirm.headers.location, `${process.env.SITE_URL}/kk/account/confirmed/`);
    await api().get(`${link.pathname}${link.search}`).expect(400); // the link works once

    const login = await api().post('/api/auth/local').send({ identifier: 'ALIYA.SEITKALI@example.kz', password: 'Qabilet2026' }).expect(200);
    assert.ok(login.body.jwt);
    const me = await api().get('/api/users/me').set('Authorization', `Bearer ${login.body.jwt}`).expect(200);
    assert.equal(me.body.surname, 'Сейітқали');
    assert.equal(me.body.region, 'KZ-63');
    assert.equal(me.body.birthDate, '2011-04-12');
  });

  it('writes the mail in the language the person registered in', async () => {
    const body = pupil({ firstName: 'Мария', surname: 'Иванова', patronymic: undefined });
    delete body.patronymic;
    const since = ctx.mails.length;
    await api().post('/api/auth/local/register').set('Accept-Language', 'ru-RU,ru;q=0.9').send(body).expect(200);
    const mail = await mailTo(String(body.email), since);
    assert.equal(mail.subject, 'Подтвердите адрес электронной почты для Qabilet');
    assert.match(mail.text ?? '', /Здравствуйте, Мария!/);
  });

  it('accepts the ways people write names and numbers', async () => {
    for (const [surname, firstName, phone] of [
      ["O'Brien", 'Áliqan', '+7 (777) 555-66-77'],
      ['Нұр-Сұлтанов', 'Іңкәр', '87471234567'],
    ]) {
      const res = await api().post('/api/auth/local/register').send(pupil({ surname, firstName, phone })).expect(200);
      assert.match(res.body.user.phone, /^\+77\d{9}$/);
    }
  });
});

describe('accounts: bad registrations get a 400 field by field, and store nothing', () => {
  it('names every wrong field, in the language asked for', async () => {
    const before = await userCount();
    const res = await api()
      .post('/api/auth/local/register')
      .set('Accept-Language', 'ru')
      .send(
        pupil({
          surname: 'Robert1',
          firstName: '',
          gender: 'x',
          birthDate: '2011-02-30',
          region: 'KZ-99',
          locality: 'nowhere',
          email: 'not-an-email',
          phone: '8 727 272 45 18',
          education: 'school-13',
          password: 'short',
        }),
      );
    assert.equal(res.status, 400);
    const byField = Object.fromEntries(res.body.error.details.errors.map((e: { path: string[]; message: string }) => [e.path[0], e.message]));
    assert.deepEqual(
      Object.keys(byField).sort(),
      ['birthDate', 'education', 'email', 'firstName', 'gender', 'locality', 'phone', 'region', 'surname', 'password'].sort(),
    );
    assert.match(byField.phone, /мобильного/);
    assert.match(byField.firstName, /обязательно/);
    assert.match(res.body.error.message, /Исправьте поля/);
    assert.equal(await userCount(), before);
  });

  const single: Array<[string, Record<string, unknown>, string, string]> = [
    ['a pupil too young', { birthDate: '2022-01-01' }, 'birthDate', 'birthDate.tooYoung'],
    ['a parent under 18', { userType: 'parent', birthDate: '2012-01-01', education: 'other' }, 'birthDate', 'birthDate.tooYoung'],
    ['a birth date in the future', { birthDate: '2030-01-01' }, 'birthDate', 'birthDate.future'],
    ['a locality of another region', { region: 'KZ-75', locality: 'kz-63-oskemen' }, 'locality', 'locality.otherRegion'],
    ['a name given as a number', { firstName: 42 }, 'firstName', 'field.notText'],
    ['a phone given as an object', { phone: { $ne: '' } }, 'phone', 'field.notText'],
    ['a password given as an array', { password: ['Qabilet2026'] }, 'password', 'password.required'],
  ];
  for (const [what, overrides, field, code] of single) {
    it(`refuses ${what}`, async () => {
      const before = await userCount();
      const res = await api().post('/api/auth/local/register').set('Accept-Language', 'en').send(pupil(overrides));
      assert.equal(res.status, 400, JSON.stringify(res.body));
      assert.deepEqual(
        res.body.error.details.errors.map((e: { path: string[]; code: string }) => [e.path[0], e.code]),
        [[field, code]],
      );
      assert.equal(await userCount(), before);
    });
  }

  it('refuses an address already registered, whatever its case', async () => {
    const body = pupil();
    await api().post('/api/auth/local/register').send(body).expect(200);
    const res = await api()
      .post('/api/auth/local/register')
      .set('Accept-Language', 'kk')
      .send({ ...body, email: String(body.email).toUpperCase() });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.details.errors[0].code, 'email.taken');
    assert.match(res.body.error.message, /тіркелгі бұрыннан бар/);
  });

  for (const field of ['role', 'confirmed', 'blocked', 'provider', 'username', 'resetPasswordToken', 'language', 'phoneVerified']) {
    it(`refuses to let the client set ${field}`, async () => {
      const before = await userCount();
      const value = field === 'role' ? 1 : field === 'confirmed' || field === 'phoneVerified' ? true : field === 'blocked' ? false : 'x';
      const res = await api()
        .post('/api/auth/local/register')
        .send(pupil({ [field]: value }));
      assert.equal(res.status, 400);
      assert.deepEqual(
        res.body.error.details.errors.map((e: { path: string[]; code: string }) => [e.path[0], e.code]),
        [[field, 'field.notAllowed']],
      );
      assert.equal(await userCount(), before);
    });
  }

  it('answers a body that is not an object with a 400', async () => {
    for (const body of ['[]', '"text"', 'null']) {
      const res = await api().post('/api/auth/local/register').set('Content-Type', 'application/json').send(body);
      assert.equal(res.status, 400, `${body}: ${res.status}`);
    }
  });
});
