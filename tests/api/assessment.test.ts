import assert from 'node:assert/strict';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember } from './crm-helpers.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';

type Session = Awaited<ReturnType<typeof confirmedUser>>;
type Item = { key: string; type: string; points?: number; options: Array<{ key: string }> };
type Attempt = {
  id: number;
  status: string;
  test: { slug: string; sections: Array<{ key: string; allowBack: boolean; items: Item[] }> };
  answers: Array<{ item: string; value: unknown; seq: number }>;
  lastSeq: number;
  deadline: string | null;
};

/** An adult (no parental consent needed) of East Kazakhstan. */
const adult = (overrides: Record<string, unknown> = {}) =>
  confirmedUser({ birthDate: '1998-02-03', userType: 'student', education: 'university', ...overrides });

const as = (user: Session, language = 'en') => ({
  get: (path: string) =>
    api()
      .get(`/api/assessment${path}`)
      .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': language }),
  post: (path: string, body: unknown = {}) =>
    api()
      .post(`/api/assessment${path}`)
      .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': language })
      .send(body as object),
  put: (path: string, body: unknown = {}) =>
    api()
      .put(`/api/assessment${path}`)
      .set({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': language })
      .send(body as object),
});

const itemsOf = (a: Attempt) => a.test.sections.flatMap((s) => s.items);
/** A valid answer for any item: the first option, all options in order, or a Likert point. */
const valueFor = (item: Item, n = 0) =>
  item.type === 'likert'
    ? 1 + (n % (item.points ?? 5))
    : item.type === 'multiple'
      ? [item.options[0]!.key]
      : item.type === 'ranking'
        ? item.options.map((o) => o.key)
        : item.options[n % item.options.length]!.key;
const answer = (item: Item, seq: number, n = 0) => ({ item: item.key, value: valueFor(item, n), seq, timeMs: 1500, answeredAt: new Date().toISOString() });

async function start(user: Session, test: string, expectStatus = 201): Promise<Attempt> {
  return (await as(user).post('/attempts', { test }).expect(expectStatus)).body.data;
}

const stored = (attemptId: number) => ctx.strapi.db.connection('assessment_answers').where({ attempt_id: attemptId }).select('item_key', 'value', 'seq');

/** Takes the whole test: item i answered with its i-th value. */
async function takeWhole(user: Session, test: string, n = 0) {
  const attempt = await start(user, test);
  const items = itemsOf(attempt);
  await as(user)
    .post(`/attempts/${attempt.id}/answers`, { answers: items.map((item, i) => answer(item, i + 1, i + n)) })
    .expect(200);
  return { attempt, result: (await as(user).post(`/attempts/${attempt.id}/finish`).expect(200)).body.data };
}

describe('API: assessments', () => {
  it('lists the battery and starts one attempt per person and test, without scoring keys', async () => {
    const user = await adult();
    const tests = (await as(user).get('/tests').expect(200)).body.data as Array<{ slug: string; kind: string; items: number; profession: unknown }>;
    const kinds = new Set(tests.map((t) => t.kind));
    for (const kind of ['interests', 'soft-skills', 'primary', 'profession']) assert.ok(kinds.has(kind), kind);
    assert.ok(tests.filter((t) => t.kind === 'profession').length >= 3);
    const [a, b] = await Promise.all([as(user).post('/attempts', { test: 'interests' }), as(user).post('/attempts', { test: 'interests' })]);
    assert.deepEqual([a.status, b.status].sort(), [200, 201], 'two tabs starting at once share one attempt');
    assert.equal(a.body.data.id, b.body.data.id);
    const raw = JSON.stringify(a.body.data);
    assert.ok(!raw.includes('"scores"') && !raw.includes('"norms"') && !raw.includes('"reverse"'));
    assert.equal(itemsOf(a.body.data).length, 36);
    const listed = (await as(user).get('/tests').expect(200)).body.data.find((t: { slug: string }) => t.slug === 'interests');
    assert.deepEqual(listed.running, { attemptId: a.body.data.id });
  });

  it('stores each answer once: replays, duplicates and out-of-order batches change nothing', async () => {
    const user = await adult();
    const attempt = await start(user, 'interests');
    const items = itemsOf(attempt);
    const batch = items.slice(0, 5).map((item, i) => answer(item, i + 1, 2));
    const first = await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: batch, position: { item: items[5]!.key } })
      .expect(200);
    assert.deepEqual(first.body.data, { stored: 5, unchanged: 0, stale: 0, answered: 5, lastSeq: 5 });
    const replays = await Promise.all([1, 2, 3].map(() => as(user).post(`/attempts/${attempt.id}/answers`, { answers: batch })));
    for (const r of replays) assert.deepEqual([r.status, r.body.data.unchanged, r.body.data.answered], [200, 5, 5]);
    // The user changed item 0 twice (seq 7, then 8), but the batch with 8 arrives first.
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [{ ...answer(items[0]!, 8), value: 5 }] })
      .expect(200);
    const late = await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [{ ...answer(items[0]!, 7), value: 4 }] })
      .expect(200);
    assert.equal(late.body.data.stale, 1);
    // Within one batch the latest change of an item counts.
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, {
        answers: [
          { ...answer(items[1]!, 10), value: 2 },
          { ...answer(items[1]!, 9), value: 1 },
        ],
      })
      .expect(200);
    const rows = await stored(attempt.id);
    assert.equal(rows.length, 5);
    assert.equal(JSON.parse(rows.find((r: { item_key: string }) => r.item_key === items[0]!.key).value), 5);
    assert.equal(JSON.parse(rows.find((r: { item_key: string }) => r.item_key === items[1]!.key).value), 2);
    // A move without an answer saves the position alone.
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [], position: { item: items[5]!.key } })
      .expect(200);
    const resumed = (await as(user).get(`/attempts/${attempt.id}`).expect(200)).body.data as Attempt & { position: { item: string } };
    assert.deepEqual([resumed.answers.length, resumed.lastSeq, resumed.position.item], [5, 10, items[5]!.key]);
  });

  it('never scores without an answer a racing batch was told was stored', async () => {
    const user = await adult();
    for (let round = 0; round < 3; round++) {
      const attempt = await start(user, 'interests');
      const items = itemsOf(attempt);
      await as(user)
        .post(`/attempts/${attempt.id}/answers`, { answers: items.slice(0, 10).map((item, i) => answer(item, i + 1)) })
        .expect(200);
      const [batch, finish] = await Promise.all([
        as(user).post(`/attempts/${attempt.id}/answers`, { answers: items.slice(10, 20).map((item, i) => answer(item, i + 11)) }),
        as(user).post(`/attempts/${attempt.id}/finish`),
      ]);
      assert.equal(finish.status, 200);
      if (batch.status === 200) assert.equal(finish.body.data.answered, 20, 'the batch came first');
      else assert.deepEqual([batch.status, batch.body.error.details.code, finish.body.data.answered], [409, 'attempt.finished', 10]);
    }
  });

  it('refuses bad answers field by field and stores nothing of the batch', async () => {
    const user = await adult();
    const attempt = await start(user, 'interests');
    const items = itemsOf(attempt);
    const res = await as(user, 'ru')
      .post(`/attempts/${attempt.id}/answers`, {
        answers: [
          answer(items[0]!, 1),
          { ...answer(items[1]!, 2), value: 9 },
          { ...answer(items[2]!, 3), item: 'not-an-item' },
          { ...answer(items[3]!, 4), answeredAt: '2001-01-01T00:00:00Z' },
          { ...answer(items[4]!, 0) },
          { ...answer(items[5]!, 6), score: 100 },
        ],
      })
      .expect(400);
    const paths = res.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`);
    assert.deepEqual(paths, [
      'answers.1.value:answer.value',
      'answers.2.item:item.unknown',
      'answers.3.answeredAt:answer.time',
      'answers.4.seq:answer.seq',
      'answers.5.score:field.notAllowed',
    ]);
    assert.match(res.body.error.message, /вариант/);
    assert.equal((await stored(attempt.id)).length, 0);
    await as(user).post(`/attempts/${attempt.id}/answers`, { answers: 'all of them' }).expect(400);
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [{ ...answer(items[0]!, 1), item: { toString: 1 } }] })
      .expect(400);
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [null, 7] })
      .expect(400);
    await as(user).get('/attempts/3000000000').expect(404);
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: Array.from({ length: 201 }, (_, i) => answer(items[i % 36]!, i + 1)) })
      .expect(400);
    await as(user).post('/attempts', { test: 'no-such-test' }).expect(400);
    await as(user).post('/attempts', { test: 'interests', role: 'admin' }).expect(400);
    // Someone else's attempt, or none at all, is not found, whatever is sent.
    const other = await adult();
    for (const path of [`/attempts/${attempt.id}`, `/attempts/${attempt.id}/result`, '/attempts/999999', '/attempts/abc'])
      await as(other).get(path).expect(404);
    await as(other)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(items[0]!, 1)] })
      .expect(404);
    await as(other).post(`/attempts/${attempt.id}/finish`).expect(404);
    await api().get('/api/assessment/tests').expect(403);
  });

  it('scores at finish, once; answers after it are refused unless they repeat stored ones', async () => {
    const user = await adult();
    const { attempt, result } = await takeWhole(user, 'interests');
    assert.equal(result.answered, 36);
    assert.deepEqual(
      result.scales.map((s: { scale: string }) => s.scale),
      ['realistic', 'investigative', 'artistic', 'social', 'enterprising', 'conventional'],
    );
    for (const s of result.scales) {
      assert.ok(s.score >= 0 && s.score <= 100 && typeof s.percentile === 'number', 'the adult norm applies');
      assert.ok(s.name && s.high && s.low && ['low', 'medium', 'high'].includes(s.level));
    }
    assert.equal(result.items.length, 36);
    assert.equal(result.itemTimeMs, 36 * 1500);
    assert.ok(result.durationMs >= 0);
    const again = await as(user).post(`/attempts/${attempt.id}/finish`).expect(200);
    assert.deepEqual(again.body.data.scales, result.scales);
    const items = itemsOf(attempt);
    const repeat = await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(items[0]!, 1, 0)] })
      .expect(200);
    assert.equal(repeat.body.data.unchanged, 1);
    const changed = await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [{ ...answer(items[0]!, 99), value: 5 }] })
      .expect(409);
    assert.equal(changed.body.error.details.code, 'attempt.finished');
    // A new attempt of the same test is compared with this one.
    const second = await takeWhole(user, 'interests', 3);
    assert.equal(second.result.previous.attemptId, attempt.id);
    assert.equal(second.result.comparison.length, 6);
    for (const c of second.result.comparison) assert.equal(c.change, c.after - c.before);
  });

  it('keeps timed parts: no going back where the section forbids it, nothing after the deadline', async () => {
    const user = await adult();
    await as(user).put('/preferences', { extraTimePercent: 50 }).expect(200);
    await as(user).put('/preferences', { extraTimePercent: 30 }).expect(400);
    const attempt = await start(user, 'profession-software-developer');
    const started = Date.parse((attempt as unknown as { startedAt: string }).startedAt);
    assert.equal(Date.parse(attempt.deadline!) - started, 1200 * 1.5 * 1000, 'extra time from the preferences');
    const locked = attempt.test.sections.find((s) => !s.allowBack)!;
    const task = locked.items[0]!;
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(task, 1, 0)] })
      .expect(200);
    const back = await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(task, 2, 1)] })
      .expect(409);
    assert.equal(back.body.error.details.code, 'answer.locked');
    // The deadline passed (as if the test had started long ago); an answer dated after it is refused.
    await ctx.strapi.db
      .connection('assessment_attempts')
      .where({ id: attempt.id })
      .update({ started_at: started - 3 * 3600_000, deadline: Date.now() - 60_000 });
    const open = attempt.test.sections.find((s) => s.allowBack)!.items[0]!;
    const late = await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(open, 3)] })
      .expect(409);
    assert.equal(late.body.error.details.code, 'answer.timeUp');
    // One answered offline before the deadline and sent now is kept (R-NFR-6).
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [{ ...answer(open, 4), answeredAt: new Date(Date.now() - 120_000).toISOString() }] })
      .expect(200);
    // A day after the deadline, the device's word for when it answered is no longer taken.
    await ctx.strapi.db
      .connection('assessment_attempts')
      .where({ id: attempt.id })
      .update({ started_at: Date.now() - 30 * 3600_000, deadline: Date.now() - 25 * 3600_000 });
    const second = attempt.test.sections.find((s) => s.allowBack)!.items[1]!;
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [{ ...answer(second, 5), answeredAt: new Date(Date.now() - 26 * 3600_000 + 1000).toISOString() }] })
      .expect(409);
    const result = (await as(user).post(`/attempts/${attempt.id}/finish`).expect(200)).body.data;
    assert.equal(result.test.profession.slug, 'software-developer');
    assert.equal(result.answered, 2);
    // Motivation was answered once of seven items: too little for the profile, which takes the
    // profession test from aptitude alone (every timed task counts, answered in time or not).
    assert.deepEqual(
      result.scales.map((s: { scale: string }) => s.scale),
      ['motivation', 'aptitude'],
    );
    assert.deepEqual(result.unmeasured, []);
    const aptitude = result.scales.find((s: { scale: string }) => s.scale === 'aptitude').score;
    const profile = (await as(user).get('/profile').expect(200)).body.data;
    assert.deepEqual(
      profile.recommendations.map((r: { profession: { slug: string }; interests: unknown; professionTest: number }) => [
        r.profession.slug,
        r.interests,
        r.professionTest,
      ]),
      [['software-developer', null, aptitude]],
    );
  });

  it('recommends professions with an explained % fit, and the fit of a chosen profession', async () => {
    const user = await adult();
    assert.deepEqual((await as(user).get('/fit/software-developer').expect(200)).body, {
      data: null,
      missing: ['interests', 'professionTest'],
      professionTestSlug: 'profession-software-developer',
    });
    await takeWhole(user, 'interests', 1);
    const profile = (await as(user).get('/profile').expect(200)).body.data;
    assert.equal(profile.recommendations.length, 5);
    const fits = profile.recommendations.map((r: { fit: number }) => r.fit);
    assert.deepEqual(
      fits,
      [...fits].sort((x: number, y: number) => y - x),
    );
    const top = profile.recommendations[0];
    assert.match(top.explanation, /Fit: \d+%\./);
    assert.equal(top.scales.length, 6);
    assert.ok(top.scales.every((s: { name: string; person: number }) => s.name && typeof s.person === 'number'));
    assert.ok(Array.isArray(top.specialties) && Array.isArray(top.institutions));
    assert.ok(
      profile.recommendations.some((r: { specialties: unknown[] }) => r.specialties.length),
      'the catalogue links specialties',
    );
    assert.equal(profile.results.length, 1);
    assert.equal(profile.scales.length, 6);
    const kk = (await as(user, 'kk').get('/profile').expect(200)).body.data;
    assert.match(kk.recommendations[0].explanation, /Сәйкестік/);
    const chosen = (await as(user).get('/fit/software-developer').expect(200)).body;
    assert.deepEqual(chosen.missing, ['professionTest']);
    assert.equal(chosen.data.professionTest, null);
    assert.equal(chosen.data.fit, chosen.data.interests);
    await takeWhole(user, 'profession-software-developer');
    const withTest = (await as(user).get('/fit/software-developer').expect(200)).body;
    assert.deepEqual(withTest.missing, []);
    assert.equal(withTest.data.fit, Math.round(withTest.data.interests * 0.6 + withTest.data.professionTest * 0.4));
    await as(user).get('/fit/no-such-profession').expect(404);
  });

  it('puts the consent gate before any test, and lets a parent test their own child only', async () => {
    const minor = await confirmedUser({ birthDate: '2012-05-05' });
    const refused = await as(minor).post('/attempts', { test: 'interests' }).expect(403);
    assert.equal(refused.body.error.details.code ?? refused.body.error.details.errors[0].code, 'consent.parental');
    const parent = await adult({ userType: 'parent' });
    const other = await adult({ userType: 'parent' });
    const child = await api().post('/api/accounts/children').set('Authorization', `Bearer ${parent.jwt}`).send({
      surname: 'Бала',
      firstName: 'Айлин',
      gender: 'female',
      birthDate: '2017-09-01',
      region: 'KZ-63',
      locality: 'kz-63-oskemen',
      education: 'school-3',
    });
    const childId = child.body.data?.documentId ?? child.body.documentId;
    assert.ok(childId, JSON.stringify(child.body));
    // Adding a child records the parent's consent for them; the child's age decides the version.
    const mine = await as(parent).post('/attempts', { test: 'primary', child: childId }).expect(201);
    assert.equal(mine.body.data.test.kind, 'primary');
    assert.equal((await as(parent).post('/attempts', { test: 'interests', child: childId }).expect(400)).body.error.details.code, 'test.age');
    assert.equal((await as(parent).get(`/profile?child=${childId}`).expect(200)).body.data.results.length, 0);
    // Extra time is the child's own, set by the parent; the parent's stays as it was.
    await as(parent).put('/preferences', { extraTimePercent: 100, child: childId }).expect(200);
    assert.equal((await as(parent).get(`/preferences?child=${childId}`).expect(200)).body.data.extraTimePercent, 100);
    assert.equal((await as(parent).get('/preferences').expect(200)).body.data.extraTimePercent, 0);
    await as(other).put('/preferences', { extraTimePercent: 50, child: childId }).expect(400);
    await as(other).post('/attempts', { test: 'primary', child: childId }).expect(400);
    await as(parent).post('/attempts', { test: 'interests', child: 'x' }).expect(400);
    // Deleting the child profile deletes the child's attempts with it.
    const childRow = await ctx.strapi.db.query('api::child.child').findOne({ where: { documentId: childId } });
    await api().delete(`/api/accounts/children/${childId}`).set('Authorization', `Bearer ${parent.jwt}`).expect(204);
    assert.equal((await ctx.strapi.db.connection('assessment_attempts').where({ child_id: childRow.id })).length, 0);
    await as(parent).get(`/attempts/${mine.body.data.id}`).expect(404);
  });

  it('stops a running test, answers and finish alike, when consent is withdrawn', async () => {
    const user = await adult();
    const attempt = await start(user, 'soft-skills');
    const items = itemsOf(attempt);
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(items[0]!, 1)] })
      .expect(200);
    const me = (await api().get('/api/accounts/me').set('Authorization', `Bearer ${user.jwt}`).expect(200)).body;
    const consent = (me.data ?? me).consents[0].documentId;
    await api().post(`/api/accounts/consents/${consent}/withdraw`).set('Authorization', `Bearer ${user.jwt}`).expect(200);
    await as(user)
      .post(`/attempts/${attempt.id}/answers`, { answers: [answer(items[1]!, 2)] })
      .expect(403);
    await as(user).post(`/attempts/${attempt.id}/finish`).expect(403);
    assert.equal((await stored(attempt.id)).length, 1);
  });

  it('shows results to the specialists of the person’s centre and the coordinators of their region, nobody else, and logs each view', async () => {
    const user = await adult();
    await takeWhole(user, 'interests', 2);
    await ctx.strapi.db.query('plugin::crm.request').create({
      data: {
        source: 'staff',
        status: 'booked',
        service: 'testing',
        format: 'offline',
        personKind: 'user',
        userId: user.id,
        region: 'KZ-63',
        centre: 'east-kazakhstan',
        history: [],
      },
    });
    const specialist = await staffMember('qabilet-specialist', 'east-kazakhstan');
    const elsewhere = await staffMember('qabilet-specialist', 'karaganda');
    const coordinator = await staffMember('qabilet-regional-coordinator', 'east-kazakhstan');
    const curator = await staffMember('qabilet-project-curator');
    const card = await specialist.http.get(`/assessment/people/user/${user.id}`).expect(200);
    assert.equal(card.body.data.results.length, 1);
    assert.equal(card.body.data.profile.recommendations.length, 5);
    const list = await specialist.http.get('/assessment/people').expect(200);
    assert.ok(list.body.data.some((p: { id: number; kind: string }) => p.kind === 'user' && p.id === user.id));
    assert.ok(!(await elsewhere.http.get('/assessment/people').expect(200)).body.data.some((p: { id: number }) => p.id === user.id));
    await elsewhere.http.get(`/assessment/people/user/${user.id}`).expect(404);
    await coordinator.http.get(`/assessment/people/user/${user.id}`).expect(200);
    await curator.http.get(`/assessment/people/user/${user.id}`).expect(403);
    const note = await specialist.http
      .post(`/assessment/people/user/${user.id}/notes`, { text: 'Try the robotics club at the centre.', professions: ['software-developer'] })
      .expect(201);
    assert.equal(note.body.data.professions[0].slug, 'software-developer');
    const bad = await specialist.http.post(`/assessment/people/user/${user.id}/notes`, { text: ' ', professions: ['nope'] }).expect(400);
    assert.deepEqual(
      bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')),
      ['text', 'professions.0'],
    );
    await elsewhere.http.post(`/assessment/people/user/${user.id}/notes`, { text: 'x' }).expect(404);
    const mine = (await as(user).get('/profile').expect(200)).body.data;
    assert.equal(mine.notes[0].text, 'Try the robotics club at the centre.');
    const audits = await ctx.strapi.db.query('api::audit-event.audit-event').findMany({
      where: { action: { $in: ['assessment.card.view', 'assessment.refused'] }, actorId: { $in: [String(specialist.id), String(elsewhere.id)] } },
    });
    assert.ok(audits.some((a: { action: string; actorId: string }) => a.action === 'assessment.card.view' && a.actorId === String(specialist.id)));
    assert.ok(audits.some((a: { action: string; actorId: string }) => a.action === 'assessment.refused' && a.actorId === String(elsewhere.id)));
    assert.ok(!JSON.stringify(audits).includes(user.email));
  });

  it('forgets a deleted account’s attempts, answers, profile, notes and preferences', async () => {
    const user = await adult();
    const { attempt } = await takeWhole(user, 'interests');
    await as(user).put('/preferences', { extraTimePercent: 25 }).expect(200);
    await ctx.strapi.db
      .connection('assessment_notes')
      .insert({ person_key: `u:${user.id}`, user_id: user.id, author_id: 1, author_name: 'Test', text: 'A note', professions: '[]', created_at: Date.now() });
    await api().post('/api/accounts/me/deletion').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    await ctx.strapi.db
      .query('plugin::users-permissions.user')
      .update({ where: { id: user.id }, data: { deletionRequestedAt: new Date(Date.now() - 15 * 86_400_000) } });
    await requireCms(ctx.distDir, 'src/accounts/deletion.js').anonymiseDueAccounts(ctx.strapi);
    const knex = ctx.strapi.db.connection;
    assert.equal((await stored(attempt.id)).length, 0);
    for (const table of ['assessment_attempts', 'assessment_profiles', 'assessment_notes', 'assessment_extra_time']) {
      assert.equal((await knex(table).where({ user_id: user.id })).length, 0, table);
    }
  });

  it('lets the content manager author and publish tests, and no other role read them', async () => {
    const actions = async (code: string) => {
      const role = await ctx.strapi.db.query('admin::role').findOne({ where: { code } });
      return (await ctx.strapi.db.query('admin::permission').findMany({ where: { role: role.id }, select: ['action', 'subject'] }))
        .filter((p: { action: string; subject: string | null }) => p.subject === 'api::test.test' || p.action.startsWith('plugin::assessment.'))
        .map((p: { action: string }) => p.action)
        .sort();
    };
    assert.deepEqual(
      await actions('qabilet-content-manager'),
      ['create', 'delete', 'publish', 'read', 'update'].map((a) => `plugin::content-manager.explorer.${a}`),
    );
    assert.deepEqual(await actions('qabilet-specialist'), ['plugin::assessment.read', 'plugin::assessment.recommend']);
    assert.deepEqual(await actions('qabilet-project-curator'), []);
    assert.deepEqual(await actions('qabilet-call-centre-operator'), []);
    // The public API has no route to the tests' scoring keys.
    await api().get('/api/tests').expect(404);
  });

  it('versions a test on publish: a running attempt keeps what it started with', async () => {
    const user = await adult();
    const running = await start(user, 'soft-skills');
    const documents = ctx.strapi.documents('api::test.test');
    const entry = await documents.findFirst({ filters: { slug: 'soft-skills' }, status: 'draft' });
    await documents.update({ documentId: entry.documentId, data: { titleEn: 'Soft skills (revised)' } });
    await documents.publish({ documentId: entry.documentId });
    const list = (await as(user).get('/tests').expect(200)).body.data.find((t: { slug: string }) => t.slug === 'soft-skills');
    assert.equal(list.title, 'Soft skills (revised)');
    const resumed = (await as(user).get(`/attempts/${running.id}`).expect(200)).body.data;
    assert.equal(resumed.version, list.version - 1);
    // Republishing without a change makes no version; a test breaking the rules is not published.
    await documents.publish({ documentId: entry.documentId });
    assert.equal((await as(user).get('/tests').expect(200)).body.data.find((t: { slug: string }) => t.slug === 'soft-skills').version, list.version);
    const broken = await documents.findFirst({ filters: { slug: 'soft-skills' }, status: 'draft', populate: { norms: true } });
    await documents.update({
      documentId: broken.documentId,
      data: { norms: [...broken.norms.map(({ id: _id, ...n }: { id: number }) => n), { scale: 'no-such-scale', ageFrom: 5, ageTo: 6, mean: 1, sd: 1 }] },
    });
    await assert.rejects(documents.publish({ documentId: broken.documentId }), /norms\.\d+\.scale/);
    await documents.discardDraft({ documentId: broken.documentId });
  });
});
