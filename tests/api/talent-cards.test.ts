/**
 * The user card (plugin talent, cards part): staff open it within their scope — the person's
 * requests, tests and results over time with repeated diagnostics compared, recommendations and
 * the history of actions; the operator gets the limited card; every view is audited with ids only.
 * The person (or their parent) reads their own card in the cabinet, without staff-only notes.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import type { UserCardView } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';

const CENTRE = 'east-kazakhstan';
const OTHER = 'pavlodar';
// Every queued refresh of the registry and evaluation of talents done (each may rewrite the person's row and scope).
const settled = () => ctx.strapi.plugin('talent').service('talents').settled() as Promise<void>;
const phone = () => `+7701${crypto.randomInt(1e6, 9e6)}`;

type Session = Awaited<ReturnType<typeof confirmedUser>>;
type Item = { key: string; type: string; points?: number; options: Array<{ key: string }> };
type Attempt = { id: number; test: { sections: Array<{ items: Item[] }> } };

const bearer = (user: Session) => ({ Authorization: `Bearer ${user.jwt}`, 'Accept-Language': 'en' });
const post = (user: Session, path: string, body: object = {}) => api().post(path).set(bearer(user)).send(body);
const mine = (user: Session, query: Record<string, string> = {}) => api().get('/api/talent/cards/mine').query(query).set(bearer(user));

/** A valid answer for any item, the n-th of its values: two runs with different n score differently. */
const valueFor = (item: Item, n: number) =>
  item.type === 'likert'
    ? 1 + (n % (item.points ?? 5))
    : item.type === 'multiple'
      ? [item.options[n % item.options.length]!.key]
      : item.type === 'ranking'
        ? item.options.map((o) => o.key)
        : item.options[n % item.options.length]!.key;

async function takeTest(user: Session, test: string, n: number) {
  const attempt: Attempt = (await post(user, '/api/assessment/attempts', { test }).expect(201)).body.data;
  const items = attempt.test.sections.flatMap((s) => s.items);
  const answers = items.map((item, i) => ({
    item: item.key,
    value: valueFor(item, i * n + n),
    seq: i + 1,
    timeMs: 1500,
    answeredAt: new Date().toISOString(),
  }));
  await post(user, `/api/assessment/attempts/${attempt.id}/answers`, { answers }).expect(200);
  return (await post(user, `/api/assessment/attempts/${attempt.id}/finish`).expect(200)).body.data as {
    attemptId: number;
    comparison: Array<{ scale: string; before: number; after: number; change: number }> | null;
  };
}

const registryId = async (key: string) => Number((await ctx.strapi.db.connection('talent_people').where({ person_key: key }).first('id')).id);
const card = async (staff: Staff, id: number | string, status = 200) => (await staff.http.get(`/talent/people/${id}`).expect(status)).body.data as UserCardView;

describe('talent: the user card', () => {
  let specialist: Staff, otherSpecialist: Staff, operator: Staff, contentManager: Staff, coordinator: Staff;
  let person: Session, tel: string, id: number, second: Awaited<ReturnType<typeof takeTest>>;
  const outcome = `Staff only: ${crypto.randomBytes(4).toString('hex')}`;
  const advice = `Try the robotics club ${crypto.randomBytes(4).toString('hex')}`;
  const signed = `Read about engineering ${crypto.randomBytes(4).toString('hex')}`;
  const privateNote = `Private: ${crypto.randomBytes(4).toString('hex')}`;

  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    otherSpecialist = await staffMember('qabilet-specialist', OTHER);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    contentManager = await staffMember('qabilet-content-manager', CENTRE);
    tel = phone();
    person = await confirmedUser({
      surname: 'Серікова',
      firstName: 'Дана',
      patronymic: 'Асқарқызы',
      phone: tel,
      birthDate: '1998-02-03',
      userType: 'student',
      education: 'university',
      region: 'KZ-63',
      locality: 'kz-63-oskemen',
    });
    // A request at the centre (the specialist's scope), with an outcome the staff wrote.
    const request = await operator.http
      .post('/crm/requests', { person: { user: person.documentId }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
      .expect(201);
    await ctx.strapi.db.connection('crm_requests').where({ document_id: request.body.data.id }).update({ outcome });
    // The same test twice, answered differently: a repeated diagnostic.
    const first = await takeTest(person, 'interests', 1);
    second = await takeTest(person, 'interests', 2);
    assert.ok(first.attemptId < second.attemptId);
    await specialist.http.post(`/assessment/people/user/${person.id}/notes`, { text: advice }).expect(201);
    // A signed entry of the consultation journal, as the journal part keeps it: its recommendations are the person's, its notes are not.
    const fields = { goal: 'g', observations: privateNote, tests: [], recommendations: [{ text: signed, links: [] }], nextStep: 'Come back in May' };
    await ctx.strapi.db.connection('talent_journal_entries').insert({
      booking_id: crypto.randomInt(1e8, 2e9),
      specialist_id: 0,
      centre: CENTRE,
      person_key: `u:${person.id}`,
      service: 'consultation',
      held_at: Date.now() - 86_400_000,
      status: 'signed',
      version: 1,
      fields: JSON.stringify(fields),
      notes: privateNote,
      author_id: specialist.id,
      saved_at: Date.now(),
      signed_by: specialist.id,
      signed_at: Date.now(),
      revision: 1,
    });
    await settled();
    id = await registryId(`u:${person.id}`);
  });

  it('shows staff the person’s data, requests, attempts and results over time, repeated attempts compared', async () => {
    const seen = await card(specialist, id);
    assert.equal(seen.audience, 'staff');
    assert.equal(seen.limited, false);
    assert.deepEqual(seen.order.slice(0, 5), ['personal', 'services', 'ratings', 'results', 'recommendations']);
    assert.equal(seen.order.at(-1), 'history');
    const { personal, services, ratings, results, recommendations } = seen.sections;
    assert.equal(personal!.phone, tel);
    assert.equal(personal!.email, person.email);
    assert.equal(personal!.region, 'KZ-63');
    assert.ok(['given', 'pending', 'none'].includes(personal!.consent));
    assert.deepEqual([...services!.used].sort(), ['request', 'test']);
    assert.equal(services!.requests.length, 1);
    assert.equal(services!.requests[0]!.status, 'open');
    assert.equal(services!.requests[0]!.centre?.slug, CENTRE);
    assert.match(services!.requests[0]!.number, /^Q-\d{6}$/);
    assert.equal(services!.requests[0]!.outcome, outcome);
    assert.deepEqual(
      services!.attempts.map((a) => [a.test, a.status]),
      [
        ['interests', 'finished'],
        ['interests', 'finished'],
      ],
    );
    assert.deepEqual(ratings, { collected: false, ratings: [] });
    // Two measurements of one test, oldest first; the second compared with the first as the assessment compares them.
    const interests = results!.find((t) => t.test === 'interests' && t.source === 'qabilet')!;
    assert.equal(interests.measurements.length, 2);
    assert.equal(interests.measurements[0]!.change, null);
    assert.equal(interests.measurements[1]!.attemptId, second.attemptId);
    const change = interests.measurements[1]!.change!;
    assert.ok(second.comparison && second.comparison.length > 0);
    assert.deepEqual(
      change.map(({ scale, before, after, change: delta }) => ({ scale, before, after, change: delta })),
      second.comparison.map(({ scale, before, after, change: delta }) => ({ scale, before, after, change: delta })),
    );
    assert.ok(
      change.some((c) => c.change !== 0),
      'the answers differ, so do the scores',
    );
    assert.ok(
      change.every((c) => c.name && c.name !== c.scale),
      'scales are named',
    );
    assert.ok(recommendations!.some((r) => r.text === advice));
    // The journal part's section: the signed recommendations and next step, never the specialist's notes.
    assert.deepEqual(
      seen.sections.journal!.map((j) => [j.recommendations[0]!.text, j.nextStep]),
      [[signed, 'Come back in May']],
    );
    assert.ok(!JSON.stringify(seen).includes(privateNote));
    // The coordinator of the region opens it too.
    assert.equal((await card(coordinator, id)).sections.personal!.phone, tel);
  });

  it('keeps a history of what happened, by role, without anyone’s names', async () => {
    await card(specialist, id);
    const seen = await card(coordinator, id);
    const history = seen.sections.history!;
    const created = history.find((h) => h.action === 'request.created');
    assert.ok(created, 'the request’s creation');
    assert.deepEqual(created.by, { kind: 'staff', role: 'qabilet-call-centre-operator' });
    assert.match(created.request!, /^Q-\d{6}$/);
    assert.ok(history.some((h) => h.action === 'talent.card.view' && h.by.role === 'qabilet-specialist'));
    assert.ok(history.some((h) => h.action === 'crm.create' && h.by.kind === 'staff'));
    const raw = JSON.stringify(history);
    for (const staff of [specialist, operator]) assert.ok(!raw.includes(staff.email));
    assert.ok(!raw.includes('Test '), 'no staff names');
  });

  it('answers 404 for another centre’s specialist and unknown ids, 403 for the content manager', async () => {
    await card(otherSpecialist, id, 404);
    await card(specialist, 999999999, 404);
    await card(specialist, 'abc', 404);
    await contentManager.http.get(`/talent/people/${id}`).expect(403);
    await specialist.http.get(`/talent/people/${id}`, { q: 'x' }).expect(400);
  });

  it('gives the call-centre operator the limited card: name, phone, open requests', async () => {
    const seen = await card(operator, id);
    assert.equal(seen.limited, true);
    assert.deepEqual(seen.order, ['limited']);
    assert.deepEqual(Object.keys(seen.sections), ['limited']);
    assert.equal(seen.sections.limited!.phone, tel);
    assert.equal(seen.sections.limited!.name, 'Серікова Дана Асқарқызы');
    assert.equal(seen.sections.limited!.openRequests.length, 1);
    const raw = JSON.stringify(seen);
    assert.ok(!raw.includes(person.email) && !raw.includes(outcome) && !raw.includes(advice));
  });

  it('audits every view: who, whom, which sections — no personal data', async () => {
    const audits = () =>
      ctx.strapi.db.query('api::audit-event.audit-event').findMany({ where: { action: 'talent.card.view', subjectId: String(id) }, orderBy: { id: 'asc' } });
    const before = (await audits()).length;
    await card(specialist, id);
    await card(operator, id);
    await card(otherSpecialist, id, 404);
    const rows = (await audits()).slice(before);
    assert.equal(rows.length, 2, 'a refused view shows no card');
    assert.deepEqual(
      rows.map((r: { actorType: string; actorId: string; subjectType: string }) => [r.actorType, r.actorId, r.subjectType]),
      [
        ['admin', String(specialist.id), 'plugin::talent.person'],
        ['admin', String(operator.id), 'plugin::talent.person'],
      ],
    );
    assert.equal(rows[0].details.limited, false);
    assert.ok(rows[0].details.sections.includes('results'));
    assert.deepEqual(rows[1].details.sections, ['limited']);
    const raw = JSON.stringify(rows);
    for (const secret of [tel, person.email, 'Серікова', outcome]) assert.ok(!raw.includes(secret), secret);
  });

  it('exports the results over time for the psychologist, within the scope, audited', async () => {
    const exported = () => ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action: 'talent.card.export', subjectId: String(id) } });
    const before = await exported();
    const res = await specialist.http.get(`/talent/people/${id}/export`, { file: 'csv', locale: 'ru' }).buffer(true).expect(200);
    assert.match(String(res.headers['content-type']), /text\/csv/);
    assert.match(String(res.headers['content-disposition']), new RegExp(`card-${id}-results`));
    const lines = (res.text ?? res.body.toString())
      .replace(/^\ufeff/, '')
      .trim()
      .split(/\r\n/);
    assert.match(lines[0]!, /Тест/);
    const seen = await card(specialist, id);
    const interests = seen.sections.results!.find((t) => t.test === 'interests')!;
    // One row per scale of each measurement (the card's scale names are in English, the file's in Russian: counted, not compared).
    const rows = seen.sections.results!.reduce((n, test) => n + test.measurements.reduce((m, x) => m + x.scales.length, 0), 0);
    assert.equal(lines.length - 1, rows);
    assert.equal(lines.filter((l) => /,\d{4}-\d{2}-\d{2},/.test(l)).length, rows);
    // The second measurement's rows carry the change since the first.
    const change = interests.measurements[1]!.change![0]!;
    assert.ok(lines.some((l) => l.endsWith(`,${Math.round(change.change)}`)));
    assert.ok(!lines.join('\n').includes(tel) && !lines.join('\n').includes(person.email));
    assert.equal(await exported(), before + 1);
    await otherSpecialist.http.get(`/talent/people/${id}/export`, { file: 'csv' }).expect(404);
    await operator.http.get(`/talent/people/${id}/export`, { file: 'csv' }).expect(403);
    await specialist.http.get(`/talent/people/${id}/export`, { file: 'pdf' }).expect(400);
  });

  it('shows the person their own card without staff-only notes or the staff’s history', async () => {
    const res = await mine(person).expect(200);
    assert.equal(res.headers['cache-control'], 'no-store');
    const own: UserCardView = res.body.data;
    assert.equal(own.audience, 'self');
    assert.equal(own.id, id);
    assert.ok(!own.order.includes('history'));
    assert.equal(own.sections.history, undefined);
    assert.equal(own.sections.personal!.email, person.email);
    assert.equal(own.sections.services!.requests.length, 1);
    assert.ok(!('outcome' in own.sections.services!.requests[0]!));
    assert.ok(!JSON.stringify(own).includes(outcome));
    assert.equal(own.sections.results!.find((t) => t.test === 'interests')!.measurements.length, 2);
    assert.ok(own.sections.recommendations!.some((r) => r.text === advice));
    assert.equal(own.sections.journal![0]!.recommendations[0]!.text, signed);
    assert.ok(!JSON.stringify(own).includes(privateNote));
    const audit = await ctx.strapi.db
      .query('api::audit-event.audit-event')
      .findOne({ where: { action: 'talent.card.view', actorType: 'user', actorId: String(person.id) }, orderBy: { id: 'desc' } });
    assert.equal(audit.subjectId, String(id));
    await api().get('/api/talent/cards/mine').expect(403);
    await mine(person, { role: 'admin' }).expect(400);
  });

  it('lets a parent see their child’s card, and nobody else', async () => {
    const parent = await confirmedUser({
      userType: 'parent',
      birthDate: '1984-02-02',
      education: 'graduate',
      phone: phone(),
      region: 'KZ-63',
      locality: 'kz-63-oskemen',
    });
    const child = (
      await post(parent, '/api/accounts/children', {
        surname: 'Серіков',
        firstName: 'Алмас',
        gender: 'male',
        birthDate: '2014-09-01',
        region: 'KZ-63',
        locality: 'kz-63-oskemen',
        education: 'school-6',
      }).expect(201)
    ).body.data;
    await settled();
    const own: UserCardView = (await mine(parent, { child: child.documentId }).expect(200)).body.data;
    assert.equal(own.kind, 'child');
    assert.equal(own.name, 'Серіков Алмас');
    assert.equal(own.sections.personal!.birthDate, '2014-09-01');
    // The parent's own card is theirs, not the child's.
    assert.equal(((await mine(parent).expect(200)).body.data as UserCardView).kind, 'user');
    const stranger = await confirmedUser({ phone: phone() });
    const refused = await mine(stranger, { child: child.documentId });
    assert.ok([400, 404].includes(refused.status), String(refused.status));
    assert.ok(!JSON.stringify(refused.body).includes('Алмас'));
  });
});
