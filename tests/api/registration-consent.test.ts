import assert from 'node:assert/strict';
import { ctx, mailTo } from '../setup/context.ts';
import { api, pupil, withMailRelayDown } from './helpers.ts';

const postgres = process.env.DATABASE_CLIENT === 'postgres';
const USER = 'plugin::users-permissions.user';
const usersWith = (email: string) => ctx.strapi.db.query(USER).findMany({ where: { email: { $eqi: email } }, select: ['id'] });
const consentsOf = (userId: number) => ctx.strapi.db.query('api::consent.consent').count({ where: { user: userId, kind: 'own' } });

/** Makes every insert into the consents table fail, as a full disk or a lost connection would, while `work` runs. */
async function consentWritesFail(work: () => Promise<void>): Promise<void> {
  const knex = ctx.strapi.db.connection;
  if (postgres) {
    await knex.raw(
      `CREATE OR REPLACE FUNCTION test_refuse_consent() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'consent refused by the test'; END $$ LANGUAGE plpgsql`,
    );
    await knex.raw('CREATE TRIGGER test_refuse_consent BEFORE INSERT ON consents FOR EACH ROW EXECUTE FUNCTION test_refuse_consent()');
  } else {
    await knex.raw(`CREATE TRIGGER test_refuse_consent BEFORE INSERT ON consents BEGIN SELECT RAISE(ABORT, 'consent refused by the test'); END`);
  }
  try {
    await work();
  } finally {
    await knex.raw(postgres ? 'DROP TRIGGER test_refuse_consent ON consents' : 'DROP TRIGGER test_refuse_consent');
    if (postgres) await knex.raw('DROP FUNCTION test_refuse_consent()');
  }
}

describe('accounts: registration and its consent are one transaction (Law 94-V)', () => {
  it('creates exactly one account and one consent, and then mails the link', async () => {
    const body = pupil();
    const since = ctx.mails.length;
    const res = await api().post('/api/auth/local/register').send(body).expect(200);
    const users = await usersWith(String(body.email));
    assert.equal(users.length, 1);
    assert.equal(users[0].id, res.body.user.id);
    assert.equal(await consentsOf(users[0].id), 1);
    await mailTo(String(body.email), since);
  });

  it('keeps no account when its consent cannot be written, answers a clean localised 503 and mails nothing', async () => {
    const body = pupil();
    const since = ctx.mails.length;
    await consentWritesFail(async () => {
      const res = await api().post('/api/auth/local/register').set('Accept-Language', 'ru').send(body);
      assert.equal(res.status, 503);
      assert.equal(res.body.error.name, 'ServiceUnavailableError');
      assert.match(res.body.error.message, /ничего не сохранено/);
      assert.doesNotMatch(JSON.stringify(res.body), /consent refused|consents|insert/i, 'nothing of the database in the answer');
    });
    assert.deepEqual(await usersWith(String(body.email)), [], 'no account without its consent');
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(
      ctx.mails.slice(since).filter((m) => JSON.stringify(m.to).includes(String(body.email))).length,
      0,
      'no mail for an account that does not exist',
    );
    // The same person can register once the fault is gone.
    await api().post('/api/auth/local/register').send(body).expect(200);
    const [user] = await usersWith(String(body.email));
    assert.equal(await consentsOf(user.id), 1);
  });

  it('keeps the account and its consent when the mail relay is down, and says the mail was not sent', async () => {
    const body = pupil();
    await withMailRelayDown(async () => {
      const res = await api().post('/api/auth/local/register').set('Accept-Language', 'en').send(body);
      assert.equal(res.status, 503);
      assert.match(res.body.error.message, /account is created/);
    });
    const users = await usersWith(String(body.email));
    assert.equal(users.length, 1);
    assert.equal(await consentsOf(users[0].id), 1);
  });
});
