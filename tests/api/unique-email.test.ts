import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { ctx, mailTo } from '../setup/context.ts';
import { api, confirmedUser, pupil } from './helpers.ts';

const USER = 'plugin::users-permissions.user';
const address = () => `same.${crypto.randomBytes(4).toString('hex')}@example.kz`;
const accountsWith = (email: string) => ctx.strapi.db.query(USER).count({ where: { email: { $eqi: email } } });
const tokenIn = (text: string | undefined) => new URLSearchParams(new URL(text!.match(/https?:\/\/\S+/)![0]).hash.slice(1)).get('token')!;

describe('accounts: one account per e-mail address, held by the database', () => {
  it('has a unique index on the lower-cased address', async () => {
    const user = await confirmedUser();
    const table = ctx.strapi.db.metadata.get(USER).tableName;
    // Straight to the table, past every check in code: the database itself refuses the twin.
    const twin = await ctx.strapi.db.connection(table).where({ id: user.id }).first();
    const { id: _id, document_id: _d, ...copy } = twin;
    await assert.rejects(ctx.strapi.db.connection(table).insert({ ...copy, document_id: crypto.randomUUID(), email: user.email.toUpperCase() }), /unique/i);
  });

  it('lets one of many simultaneous registrations of one address through, answering the others as taken', async () => {
    const email = address();
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        api()
          .post('/api/auth/local/register')
          .set('Accept-Language', 'en')
          .send(pupil({ email: i % 2 ? email.toUpperCase() : email })),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    assert.equal(statuses.filter((s) => s === 200).length, 1, `statuses: ${statuses}`);
    for (const refused of answers.filter((r) => r.status !== 200)) {
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      const problem = refused.body.error.details?.errors?.[0];
      // Refused by the look before the write (our check or Strapi's), or by the index at the write.
      assert.ok(problem?.code === 'email.taken' || /already taken/.test(refused.body.error.message), JSON.stringify(refused.body.error));
    }
    assert.equal(await accountsWith(email), 1);
  });

  it('gives an address to one of two accounts confirming it at the same moment', async () => {
    const email = address();
    const [a, b] = await Promise.all([confirmedUser(), confirmedUser({ firstName: 'Данияр', gender: 'male' })]);
    const since = ctx.mails.length;
    for (const user of [a, b]) {
      await api()
        .put('/api/accounts/me')
        .set('Authorization', `Bearer ${user.jwt}`)
        .send({ email: user === a ? email : email.toUpperCase(), currentPassword: user.password })
        .expect(200);
    }
    await mailTo(email, since);
    const linksTo = () => ctx.mails.slice(since).filter((m) => !Array.isArray(m.to) && m.to?.value.some((v) => v.address === email));
    for (let waited = 0; linksTo().length < 2 && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    const links = linksTo();
    assert.equal(links.length, 2, 'one link to the new address for each account');
    const tokens = links.map((m) => tokenIn(m.text));
    const answers = await Promise.all(tokens.map((token) => api().post('/api/accounts/me/email/confirm').set('Accept-Language', 'en').send({ token })));
    assert.deepEqual(answers.map((r) => r.status).sort(), [200, 400], JSON.stringify(answers.map((r) => r.body)));
    assert.equal(answers.find((r) => r.status === 400)!.body.error.details.errors[0].code, 'emailChange.taken');
    assert.equal(await accountsWith(email), 1);
  });
});
