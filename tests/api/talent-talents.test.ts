/**
 * The registry of talents (plugin talent, talents part): a pupil who scores high twice is found by
 * the written rule and explained; the entry is seen within the scope only; the curator's change of
 * the rules re-evaluates everyone and is audited; a specialist confirms with a note; a withdrawn
 * consent removes the entries at once.
 *
 * The attempts are real: taken through the public assessment API (the interests test, answered to
 * place the investigative scale at the top of the age norm). Only the first attempt's finishing time
 * is moved three days back in the database, so that the two attempts are a retake days apart rather
 * than the same afternoon (the API cannot date an attempt in the past).
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { ctx } from '../setup/context.ts';
import { api } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';
import { family, interests } from './talent-helpers.ts';

const CENTRE = 'east-kazakhstan';
const OTHER = 'pavlodar';
const DOMAIN = 'interest:investigative';
const settled = () => ctx.strapi.plugin('talent').service('talents').settled() as Promise<void>;
const auditCount = (action: string) => ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action } });

type Evidence = {
  rulesVersion: number;
  threshold: number;
  agreeing: Array<{ source: string; attemptId: number | null; test: string; at: string; score: number; percentile: number | null; norm: number | null }>;
  previous: unknown;
  confirmation: { note: string; authorName: string } | null;
};
type Entry = { id: number; personId: number; name: string; domain: string; status: string; strength: number; trend: string | null; evidence: Evidence };

const put = (staff: Staff, path: string, body: unknown) =>
  request(ctx.cmsUrl)
    .put(path)
    .set({ Authorization: `Bearer ${staff.token}`, 'Accept-Language': 'en' })
    .send(body as object);
const talents = (staff: Staff, query: Record<string, unknown> = {}) => staff.http.get('/talent/talents', query);

describe('talent: the registry of talents', () => {
  let specialist: Staff, coordinator: Staff, otherCoordinator: Staff, otherSpecialist: Staff, curator: Staff, contentManager: Staff, operator: Staff;
  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    otherSpecialist = await staffMember('qabilet-specialist', OTHER);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    otherCoordinator = await staffMember('qabilet-regional-coordinator', OTHER);
    curator = await staffMember('qabilet-project-curator', CENTRE);
    contentManager = await staffMember('qabilet-content-manager', CENTRE);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
  });

  it('finds a pupil who scores high twice, days apart, and explains why; in scope only; the curator re-evaluates by a new threshold', async () => {
    const { parent, childDoc, key, surname } = await family();
    const first = await interests(parent, childDoc, ['investigative']);
    await settled();
    const mine = async (staff: Staff, query: Record<string, unknown> = {}) =>
      ((await talents(staff, { domain: DOMAIN, pageSize: 100, ...query }).expect(200)).body.data as Entry[]).filter((e) => e.name.startsWith(surname));
    const [candidate] = await mine(coordinator);
    assert.equal(candidate?.status, 'candidate', 'one high result makes a candidate');
    assert.ok(candidate!.strength >= 90);

    // A retake three days later agrees: confirmed.
    await ctx.strapi.db
      .connection('assessment_attempts')
      .where({ id: first })
      .update({ finished_at: Date.now() - 3 * 86_400_000 });
    const second = await interests(parent, childDoc, ['investigative']);
    await settled();
    const [entry] = await mine(coordinator, { status: 'confirmed' });
    assert.ok(entry, 'the second agreeing attempt confirms');
    assert.equal(entry.domain, DOMAIN);
    assert.deepEqual(
      entry.evidence.agreeing.map((e) => e.attemptId),
      [second, first],
    );
    const version = await ctx.strapi.db
      .connection('assessment_versions')
      .where({ test_slug: 'interests', active: true })
      .orderBy('number', 'desc')
      .first('number');
    for (const e of entry.evidence.agreeing) {
      assert.equal(e.source, 'qabilet');
      assert.equal(e.test, 'interests');
      assert.ok(e.percentile !== null && e.percentile >= 90 && e.score === e.percentile, 'the percentile of the age norm');
      assert.equal(e.norm, version.number);
    }
    assert.equal(entry.evidence.threshold, 90);
    assert.equal(entry.trend, 'flat');
    // Low scales make no entry; the registry of users shows the best status.
    assert.equal((await mine(coordinator, { domain: 'interest:artistic' })).length, 0);
    assert.equal((await ctx.strapi.db.connection('talent_people').where({ person_key: key }).first('talent_status')).talent_status, 'confirmed');

    // East Kazakhstan's coordinator sees her (her region); Pavlodar's does not; specialists once their centre served her.
    assert.equal((await mine(otherCoordinator)).length, 0);
    assert.equal((await mine(specialist)).length, 0);
    const parentDoc = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: parent.email } })).documentId;
    await operator.http
      .post('/crm/requests', { person: { user: parentDoc, child: childDoc }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
      .expect(201);
    await settled();
    assert.equal((await mine(specialist)).length, 1);
    assert.equal((await mine(otherSpecialist)).length, 0);
    // Another region's coordinator cannot confirm it either: unknown to them.
    await otherCoordinator.http.post(`/talent/talents/${entry.id}/confirm`, { note: 'Олимпиада жеңімпазы' }).expect(404);

    // The curator raises the domain's threshold above her score: the entry goes; back, and it returns.
    const audits = await auditCount('talent.talents.settings');
    const before = (await curator.http.get('/talent/rules').expect(200)).body.data;
    const raised = await put(curator, '/talent/rules', { thresholds: { [DOMAIN]: 100 } }).expect(200);
    assert.equal(raised.body.data.current.version, before.current.version + 1);
    assert.deepEqual(raised.body.data.current.rules.thresholds, { [DOMAIN]: 100 });
    await settled();
    assert.ok(entry.strength < 100);
    assert.equal((await mine(coordinator)).length, 0, 'gone under the new threshold');
    await put(curator, '/talent/rules', { thresholds: {} }).expect(200);
    await settled();
    const [back] = await mine(coordinator);
    assert.equal(back?.status, 'confirmed');
    assert.equal(back!.evidence.rulesVersion, before.current.version + 2);
    assert.equal(await auditCount('talent.talents.settings'), audits + 2);
    const line = await ctx.strapi.db.query('api::audit-event.audit-event').findOne({ where: { action: 'talent.talents.settings' }, orderBy: { id: 'desc' } });
    assert.deepEqual(line.details.changes, { thresholds: { from: { [DOMAIN]: 100 }, to: {} } });
    const history = (await curator.http.get('/talent/rules').expect(200)).body.data.history as Array<{ version: number }>;
    assert.deepEqual(
      history.slice(0, 2).map((h) => h.version),
      [before.current.version + 2, before.current.version + 1],
    );
  });

  it('lets a specialist confirm a candidate with a note; the curator and the content manager may not', async () => {
    const { parent, childDoc, surname } = await family();
    await interests(parent, childDoc, ['artistic']);
    await settled();
    const parentDoc = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: parent.email } })).documentId;
    await operator.http
      .post('/crm/requests', { person: { user: parentDoc, child: childDoc }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
      .expect(201);
    await settled();
    const found = (await talents(specialist, { domain: 'interest:artistic', pageSize: 100 }).expect(200)).body.data as Entry[];
    const entry = found.find((e) => e.name.startsWith(surname))!;
    assert.equal(entry.status, 'candidate');
    await curator.http.post(`/talent/talents/${entry.id}/confirm`, { note: 'Seen at the olympiad' }).expect(403);
    await contentManager.http.post(`/talent/talents/${entry.id}/confirm`, { note: 'Seen at the olympiad' }).expect(403);
    await talents(contentManager).expect(403);
    await contentManager.http.get('/talent/rules').expect(403);
    await talents(operator).expect(403);
    const bad = await specialist.http.post(`/talent/talents/${entry.id}/confirm`, { note: ' ', extra: 1 }).expect(400);
    assert.deepEqual(bad.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['extra', 'note']);
    const audits = await auditCount('talent.talents.confirm');
    const done = await specialist.http.post(`/talent/talents/${entry.id}/confirm`, { note: 'Won the regional art olympiad' }).expect(200);
    assert.equal(done.body.data.status, 'confirmed');
    assert.equal(done.body.data.evidence.confirmation.note, 'Won the regional art olympiad');
    assert.equal(await auditCount('talent.talents.confirm'), audits + 1);
    await specialist.http.post('/talent/talents/999999999/confirm', { note: 'Won' }).expect(404);
    // The card shows the entry with its reason: the staff's with the note, the person's own without it.
    type CardEntry = { domain: string; domainName: string; status: string; evidence: { confirmation: { note: string } | null } };
    const staffCard = (await specialist.http.get(`/talent/people/${entry.personId}`).expect(200)).body.data;
    const onStaffCard = (staffCard.sections.talents as CardEntry[]).find((e) => e.domain === 'interest:artistic')!;
    assert.equal(onStaffCard.status, 'confirmed');
    assert.equal(onStaffCard.evidence.confirmation?.note, 'Won the regional art olympiad');
    const own = await api()
      .get('/api/talent/cards/mine')
      .query({ child: childDoc })
      .set('Authorization', `Bearer ${parent.jwt}`)
      .set('Accept-Language', 'ru')
      .expect(200);
    const onOwnCard = (own.body.data.sections.talents as CardEntry[]).find((e) => e.domain === 'interest:artistic')!;
    assert.equal(onOwnCard.status, 'confirmed');
    assert.equal(onOwnCard.evidence.confirmation?.note, '', 'a specialist’s note is staff words');
    assert.ok(!JSON.stringify(own.body).includes('Won the regional art olympiad'));
    assert.match(onOwnCard.domainName, /[а-яА-Я]/, 'named in the reader’s language');
  });

  it('removes a person’s entries at once when the consent is withdrawn', async () => {
    const { parent, childDoc, key, surname } = await family();
    await interests(parent, childDoc, ['social']);
    await settled();
    const knex = ctx.strapi.db.connection;
    const [entry] = (await talents(coordinator, { domain: 'interest:social', pageSize: 100 }).expect(200)).body.data.filter((e: Entry) =>
      e.name.startsWith(surname),
    );
    await coordinator.http.post(`/talent/talents/${entry.id}/confirm`, { note: 'Leads the school volunteers' }).expect(200);
    assert.equal((await knex('talent_entries').where({ person_key: key, status: 'confirmed' })).length, 1);
    assert.equal((await knex('talent_confirmations').where({ person_key: key })).length, 1);
    const me = (await api().get('/api/accounts/me').set('Authorization', `Bearer ${parent.jwt}`).expect(200)).body;
    const consent = ((me.data ?? me).consents as Array<{ documentId: string; child: { documentId: string } | null; status: string }>).find(
      (c) => c.child?.documentId === childDoc && c.status === 'given',
    )!;
    await api().post(`/api/accounts/consents/${consent.documentId}/withdraw`).set('Authorization', `Bearer ${parent.jwt}`).expect(200);
    await settled();
    assert.equal((await knex('talent_entries').where({ person_key: key })).length, 0);
    assert.equal((await knex('talent_confirmations').where({ person_key: key })).length, 0);
  });

  it('finds talents in partners’ results and desktop imports too, marked as without an age norm', async () => {
    const { parent, key, surname } = await family();
    const user = await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: parent.email } });
    const childId = Number(key.slice(2));
    // As the partners plugin records a desktop import: through the assessment's results service (of
    // a source no partner has, so that the partners' own counts stay theirs).
    await ctx.strapi
      .plugin('assessment')
      .service('results')
      .record({
        id: crypto.randomUUID(),
        person: { key, userId: user.id, childId },
        source: { kind: 'desktop', partnerId: 2_000_000_000, name: 'Өскемен орталығы' },
        object: { test: 'desk-creativity', name: { kk: 'Шығармашылық', ru: 'Креативность', en: 'Creativity' } },
        scales: [{ scale: 'creativity', score: 94, raw: 47, min: 0, max: 50 }],
        timestamp: new Date(),
      });
    await settled();
    const [entry] = ((await talents(coordinator, { domain: 'soft:creativity', pageSize: 100 }).expect(200)).body.data as Entry[]).filter((e) =>
      e.name.startsWith(surname),
    );
    assert.equal(entry?.status, 'candidate');
    assert.deepEqual(
      entry!.evidence.agreeing.map((e) => [e.source, e.test, e.score, e.percentile, e.norm]),
      [['desktop', 'desk-creativity', 94, null, null]],
    );
  });

  it('refuses bad rules field by field, localised, and changes nothing', async () => {
    const before = (await curator.http.get('/talent/rules').expect(200)).body.data.current.version;
    const res = await put(curator, '/talent/rules', {
      threshold: 20,
      thresholds: { nonsense: 90 },
      minAnsweredShare: 3,
      acceptUnnormed: 'maybe',
      windowMonths: 0,
      confirmGapDays: -1,
      mode: 'x',
    })
      .set('Accept-Language', 'ru')
      .expect(400);
    const fields = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort();
    assert.deepEqual(fields, ['acceptUnnormed', 'confirmGapDays', 'minAnsweredShare', 'mode', 'threshold', 'thresholds.nonsense', 'windowMonths']);
    assert.match(res.body.error.details.errors.find((e: { path: string[] }) => e.path[0] === 'threshold').message, /[а-я]/);
    assert.equal((await curator.http.get('/talent/rules').expect(200)).body.data.current.version, before);
    await put(specialist, '/talent/rules', { threshold: 80 }).expect(403);
    const filters = await talents(coordinator, { domain: 'art', strengthMin: '200', trend: 'x', page: '0' }).expect(400);
    assert.deepEqual(filters.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['domain', 'page', 'strengthMin', 'trend']);
  });

  it('re-evaluates to the same rows (idempotent), in the nightly reconciliation too', async () => {
    const { parent, childDoc } = await family();
    await interests(parent, childDoc, ['enterprising', 'conventional']);
    await settled();
    const knex = ctx.strapi.db.connection;
    const rows = () => knex('talent_entries').orderBy('id').select('id', 'person_key', 'domain', 'status', 'strength', 'trend', 'evidence', 'updated_at');
    const before = await rows();
    assert.ok(before.length > 0);
    await ctx.strapi.plugin('talent').service('talents').reconcile();
    await settled();
    assert.deepEqual(await rows(), before);
  });
});
