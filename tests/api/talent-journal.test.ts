/**
 * The consultation journal (plugin talent, journal part): the specialist who held a completed
 * consultation writes its entry — autosaved drafts that refuse a stale overwrite, a signature that
 * freezes it, amendments that keep the old text; only in scope; the person reads the
 * recommendations and never the private notes; a coordinator samples the region's entries and
 * records a review of each.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';
import { completedConsultation, specialistOf } from './talent-helpers.ts';

const CENTRE = 'east-kazakhstan';
const OTHER = 'pavlodar';
const auditCount = (action: string) => ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action } });

const send = (method: 'put' | 'post', staff: Staff, path: string, body: unknown, language = 'en') => {
  const call = method === 'put' ? request(ctx.cmsUrl).put(path) : request(ctx.cmsUrl).post(path);
  return call.set({ Authorization: `Bearer ${staff.token}`, 'Accept-Language': language }).send(body as object);
};
const put = (staff: Staff, path: string, body: unknown, language?: string) => send('put', staff, path, body, language);
const post = (staff: Staff, path: string, body: unknown, language?: string) => send('post', staff, path, body, language);
const problems = (res: { body: { error: { details: { errors: Array<{ path: string[]; code: string }> } } } }) =>
  res.body.error.details.errors.map((e) => `${e.path.join('.')}:${e.code}`);

const full = (version: number) => ({
  version,
  goal: 'Choose a profile class',
  observations: 'Strong in spatial reasoning; anxious about exams.',
  tests: [],
  recommendations: [
    { text: 'Look at engineering programmes', links: [{ kind: 'profession', slug: 'civil-engineer' }] },
    { text: 'Visit the open day', links: [{ kind: 'institution', url: 'https://ektu.kz/open-day' }] },
  ],
  nextStep: 'Take the interests test before the next meeting',
  notes: 'PRIVATE: family pressure towards medicine',
});

describe('talent: the consultation journal', () => {
  let specialist: Staff, otherSpecialist: Staff, coordinator: Staff, otherCoordinator: Staff, curator: Staff;
  let user: Awaited<ReturnType<typeof confirmedUser>>;
  let mine: { id: number; name: string };
  let bookingId: number, otherBookingId: number;
  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    otherSpecialist = await staffMember('qabilet-specialist', OTHER);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    otherCoordinator = await staffMember('qabilet-regional-coordinator', OTHER);
    curator = await staffMember('qabilet-project-curator', CENTRE);
    mine = await specialistOf(specialist, CENTRE);
    const theirs = await specialistOf(otherSpecialist, OTHER);
    user = await confirmedUser({ birthDate: '2001-05-20', userType: 'student', education: 'university', phone: `+7701${crypto.randomInt(1e6, 9e6)}` });
    const another = await confirmedUser({ birthDate: '2000-01-10', userType: 'student', education: 'university', phone: `+7702${crypto.randomInt(1e6, 9e6)}` });
    bookingId = await completedConsultation(specialist, mine, CENTRE, user.jwt);
    otherBookingId = await completedConsultation(otherSpecialist, theirs, OTHER, another.jwt);
  });

  it('lets the specialist autosave a draft, refuses a stale one with 409, and signs it', async () => {
    const list = await specialist.http.get('/talent/journal').expect(200);
    const item = list.body.data.find((i: { id: number }) => i.id === bookingId);
    assert.equal(item.state, 'missing');
    assert.equal(item.mine, true);
    assert.equal(item.specialist.name, mine.name);
    assert.ok(!list.body.data.some((i: { id: number }) => i.id === otherBookingId), 'another centre’s consultation is not listed');

    const path = `/talent/journal/${bookingId}`;
    assert.equal((await specialist.http.get(path).expect(200)).body.data.version, 0);
    const first = await put(specialist, `${path}/draft`, { version: 0, goal: 'Choose a profile class', notes: 'PRIVATE: first impressions' }).expect(200);
    assert.equal(first.body.data.version, 1);
    assert.equal(first.body.data.state, 'draft');
    // The same save again (its answer was lost): the same answer, nothing overwritten.
    const retry = await put(specialist, `${path}/draft`, { version: 0, goal: 'Choose a profile class', notes: 'PRIVATE: first impressions' }).expect(200);
    assert.equal(retry.body.data.version, 1);
    // An editor still at version 0 with another text: refused, the saved text kept.
    const stale = await put(specialist, `${path}/draft`, { version: 0, goal: 'Something else' }).expect(409);
    assert.equal(stale.body.error.details.code, 'journal.version.stale');
    assert.equal((await specialist.http.get(path).expect(200)).body.data.fields.goal, 'Choose a profile class');
    // Signing needs a recommendation and the next step.
    const early = await post(specialist, `${path}/sign`, { version: 1 }).expect(400);
    assert.deepEqual(problems(early), ['recommendations:journal.recommendations.required', 'nextStep:field.required']);
    const saved = await put(specialist, `${path}/draft`, full(1)).expect(200);
    assert.equal(saved.body.data.version, 2);
    await post(specialist, `${path}/sign`, { version: 1 }).expect(409);
    const signs = await auditCount('talent.journal.sign');
    const signed = await post(specialist, `${path}/sign`, { version: 2 }).expect(200);
    assert.equal(signed.body.data.state, 'signed');
    assert.equal(signed.body.data.signedBy.id, specialist.id);
    assert.ok(signed.body.data.signedAt);
    assert.equal(signed.body.data.revisions.length, 1);
    assert.equal(await auditCount('talent.journal.sign'), signs + 1);
    // Signed is frozen: a draft save is refused.
    assert.equal((await put(specialist, `${path}/draft`, full(3)).expect(409)).body.error.details.code, 'journal.signed');
    assert.equal((await specialist.http.get('/talent/journal').expect(200)).body.data.find((i: { id: number }) => i.id === bookingId).state, 'signed');
  });

  it('amends a signed entry into a new revision and keeps the old text', async () => {
    const path = `/talent/journal/${bookingId}`;
    const before = (await specialist.http.get(path).expect(200)).body.data;
    const noReason = await post(specialist, `${path}/amend`, full(before.version)).expect(400);
    assert.deepEqual(problems(noReason), ['reason:field.required']);
    const amended = await post(specialist, `${path}/amend`, {
      ...full(before.version),
      nextStep: 'Take the interests test and the aptitude test',
      reason: 'Added the aptitude test',
    }).expect(200);
    const entry = amended.body.data;
    assert.equal(entry.fields.nextStep, 'Take the interests test and the aptitude test');
    assert.deepEqual(
      entry.revisions.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason]),
      [
        [2, 'Added the aptitude test'],
        [1, null],
      ],
    );
    assert.equal(entry.revisions[1].fields.nextStep, 'Take the interests test before the next meeting');
    // An amendment from an editor that did not see this one: refused.
    await post(specialist, `${path}/amend`, { ...full(before.version), reason: 'again' }).expect(409);
  });

  it('keeps entries within scope: another centre gets 404, readers cannot write', async () => {
    const path = `/talent/journal/${bookingId}`;
    await otherSpecialist.http.get(path).expect(404);
    assert.equal((await put(otherSpecialist, `${path}/draft`, full(0)).expect(404)).body.error.details.code, 'journal.notFound');
    await otherCoordinator.http.get(path).expect(404);
    await specialist.http.get(`/talent/journal/${otherBookingId}`).expect(404);
    await specialist.http.get('/talent/journal/999999999').expect(404);
    // The region's coordinator and the curator read it; neither writes.
    const views = await auditCount('talent.journal.view');
    assert.equal((await coordinator.http.get(path).expect(200)).body.data.fields.goal, 'Choose a profile class');
    await curator.http.get(path).expect(200);
    assert.equal(await auditCount('talent.journal.view'), views + 2);
    await put(coordinator, `${path}/draft`, full(0)).expect(403);
    // The list is the specialist's own: a coordinator keeps no journal.
    await coordinator.http.get('/talent/journal').expect(403);
    await post(curator, `${path}/amend`, { ...full(0), reason: 'x' }).expect(403);
  });

  it('shows the person the recommendations, never the private notes', async () => {
    const res = await api().get('/api/talent/journal/mine').set('Authorization', `Bearer ${user.jwt}`).expect(200);
    const [item] = res.body.data;
    assert.equal(res.body.data.length, 1);
    assert.equal(item.specialist, mine.name);
    assert.equal(item.date, kzDate(new Date(Date.now() - 3_600_000)));
    assert.equal(item.nextStep, 'Take the interests test and the aptitude test');
    assert.deepEqual(
      item.recommendations.map((r: { text: string }) => r.text),
      ['Look at engineering programmes', 'Visit the open day'],
    );
    assert.deepEqual(item.recommendations[0].links, [{ kind: 'profession', slug: 'civil-engineer', url: null }]);
    const raw = JSON.stringify(res.body);
    assert.ok(!raw.includes('PRIVATE'), 'no private notes');
    assert.ok(!raw.includes('spatial reasoning'), 'no observations');
    await api().get('/api/talent/journal/mine').expect(403);
    const child = await api().get('/api/talent/journal/mine').query({ child: 'nosuchchild' }).set('Authorization', `Bearer ${user.jwt}`).expect(400);
    assert.equal(child.body.error.details.errors[0].path[0], 'child');
  });

  it('lets a coordinator draw a sample of the region’s signed entries and review each', async () => {
    // Pavlodar's entry signed too: it must not fall into East Kazakhstan's sample.
    await put(otherSpecialist, `/talent/journal/${otherBookingId}/draft`, full(0)).expect(200);
    await post(otherSpecialist, `/talent/journal/${otherBookingId}/sign`, { version: 1 }).expect(200);
    const today = kzDate(new Date());
    const period = { from: addDays(today, -1), to: today };
    const bad = await post(coordinator, '/talent/journal/samples', { from: '2026-13-01', to: period.to, size: 0 }, 'ru').expect(400);
    assert.deepEqual(problems(bad), ['from:journal.date.malformed', 'size:journal.sample.size']);
    assert.match(bad.body.error.message, /ГГГГ-ММ-ДД/);
    await post(specialist, '/talent/journal/samples', { ...period, size: 5 }).expect(403);

    const drawn = (await post(coordinator, '/talent/journal/samples', { ...period, size: 200 }).expect(201)).body.data;
    const ids = drawn.entries.map((e: { id: number }) => e.id);
    assert.ok(ids.includes(bookingId));
    assert.ok(!ids.includes(otherBookingId));
    assert.equal(drawn.drawnBy.id, coordinator.id);
    assert.equal(drawn.size, ids.length);
    const small = (await post(coordinator, '/talent/journal/samples', { ...period, size: 1 }).expect(201)).body.data;
    assert.equal(small.entries.length, 1);

    const reviews = `/talent/journal/samples/${drawn.id}/reviews`;
    const noComment = await post(coordinator, reviews, { entryId: bookingId, verdict: 'needs-correction' }).expect(400);
    assert.deepEqual(problems(noComment), ['comment:journal.review.comment']);
    assert.deepEqual(problems(await post(coordinator, reviews, { entryId: otherBookingId, verdict: 'ok' }).expect(400)), ['entryId:journal.review.notSampled']);
    const reviewed = (await post(coordinator, reviews, { entryId: bookingId, verdict: 'needs-correction', comment: 'Name the programmes' }).expect(200)).body
      .data;
    const review = reviewed.entries.find((e: { id: number }) => e.id === bookingId).review;
    assert.deepEqual([review.verdict, review.comment, review.by.id], ['needs-correction', 'Name the programmes', coordinator.id]);
    assert.equal(reviewed.reviewed, 1);
    assert.ok(await auditCount('talent.journal.review'));
    assert.ok(await auditCount('talent.journal.sample'));

    const listed = (await coordinator.http.get('/talent/journal/samples').expect(200)).body.data;
    assert.ok(listed.some((s: { id: number; reviewed: number }) => s.id === drawn.id && s.reviewed === 1));
    assert.equal((await coordinator.http.get(`/talent/journal/samples/${drawn.id}`).expect(200)).body.data.id, drawn.id);
    await otherCoordinator.http.get(`/talent/journal/samples/${drawn.id}`).expect(404);
    assert.ok(!(await otherCoordinator.http.get('/talent/journal/samples').expect(200)).body.data.some((s: { id: number }) => s.id === drawn.id));
  });

  it('refuses bad input field by field, in the admin’s language, storing nothing', async () => {
    const path = `/talent/journal/${bookingId}`;
    const before = (await specialist.http.get(path).expect(200)).body.data;
    const bad = await post(
      specialist,
      `${path}/amend`,
      {
        version: before.version,
        reason: 'r',
        goal: 7,
        nextStep: 'n',
        tests: [{ test: 'Not A Slug', attempt: 999999 }],
        recommendations: [{ text: '', links: [{ kind: 'shop', url: 'http://insecure.kz' }] }],
        colour: 'red',
      },
      'kk',
    ).expect(400);
    assert.deepEqual(problems(bad), [
      'colour:field.notAllowed',
      'tests.0.test:journal.test.slug',
      'recommendations.0.text:field.required',
      'recommendations.0.links.0.kind:journal.link.kind',
      'recommendations.0.links.0.url:journal.link.url',
      'goal:journal.text.type',
    ]);
    assert.match(bad.body.error.message, /https:\/\//);
    // A test attempt that is not the person's.
    const notTheirs = await post(specialist, `${path}/amend`, { ...full(before.version), reason: 'r', tests: [{ test: 'interests', attempt: 999999 }] }).expect(
      400,
    );
    assert.deepEqual(problems(notTheirs), ['tests.0.attempt:journal.test.notTheirs']);
    await put(specialist, `${path}/draft`, []).expect(400);
    assert.equal((await specialist.http.get(path).expect(200)).body.data.version, before.version);
  });
});
