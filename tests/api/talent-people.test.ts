/**
 * The registry of users (plugin talent, people part): filled from the sources as they change,
 * found by any spelling of a name, by phone and e-mail, scoped by role, exported by template and
 * audited; a withdrawn consent takes the person out at once.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';

const CENTRE = 'east-kazakhstan';
const OTHER = 'pavlodar';
const settled = () => ctx.strapi.plugin('talent').service('people').settled() as Promise<void>;
const auditCount = (action: string) => ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action } });
type Item = { id: number; name: string; phone: string | null; email: string | null; region: string | null; services: string[]; openRequests?: number };

const unique = () => crypto.randomBytes(3).toString('hex');
/** Every phone this file gives a person: the people it made only through the API. */
const phones: string[] = [];
const phone = () => {
  const p = `+7701${crypto.randomInt(1e6, 9e6)}`;
  phones.push(p);
  return p;
};

const list = (staff: Staff, query: Record<string, unknown> = {}) => staff.http.get('/talent/people', query);

describe('talent: the registry of users', () => {
  let specialist: Staff, coordinator: Staff, otherCoordinator: Staff, operator: Staff, curator: Staff, contentManager: Staff, otherSpecialist: Staff;
  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    otherSpecialist = await staffMember('qabilet-specialist', OTHER);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    otherCoordinator = await staffMember('qabilet-regional-coordinator', OTHER);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
    curator = await staffMember('qabilet-project-curator', CENTRE);
    contentManager = await staffMember('qabilet-content-manager', CENTRE);
  });

  it('lists a new user at once, found by a Latin spelling of a Cyrillic name, by phone and by e-mail', async () => {
    const tel = phone();
    const user = await confirmedUser({ surname: 'Сәтбаева', firstName: 'Айгерім', phone: tel, region: 'KZ-63', locality: 'kz-63-oskemen' });
    await settled();
    for (const q of ['Aygerim Satbaeva', 'Aıgerım', 'сатбаева айгерим', tel.slice(2), `8${tel.slice(2)}`, user.email.toUpperCase()]) {
      const found: Item[] = (await list(coordinator, { q }).expect(200)).body.data;
      assert.ok(
        found.some((p) => p.email === user.email),
        `"${q}" finds her`,
      );
    }
    const nobody = (await list(coordinator, { q: `Zzqx${unique()}` }).expect(200)).body;
    assert.equal(nobody.meta.total, 0);
  });

  it('shows each role only its scope: the centre served, the region, everyone read-only, names and phones only, no one', async () => {
    const tel = phone();
    await confirmedUser({ firstName: 'Жандос', surname: 'Ахметов', phone: tel, region: 'KZ-55', locality: 'kz-55-pavlodar' });
    const userDoc = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { phone: tel } })).documentId;
    await settled();
    const find = async (staff: Staff) => ((await list(staff, { q: tel.slice(2) }).expect(200)).body.data as Item[]).length;
    // Pavlodar's coordinator sees a person of their region; East Kazakhstan's does not, nor does its specialist.
    assert.equal(await find(otherCoordinator), 1);
    assert.equal(await find(coordinator), 0);
    assert.equal(await find(specialist), 0);
    assert.equal(await find(otherSpecialist), 0);
    // A request at East Kazakhstan's centre: now its specialist and coordinator see the person.
    await operator.http
      .post('/crm/requests', { person: { user: userDoc }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
      .expect(201);
    await settled();
    assert.equal(await find(specialist), 1);
    assert.equal(await find(coordinator), 1);
    assert.equal(await find(otherSpecialist), 0);
    const seen: Item = (await list(specialist, { q: tel.slice(2) })).body.data[0];
    assert.deepEqual(seen.services.sort(), ['request']);
    // The curator sees everyone; the operator only the name, the phone and the open requests.
    assert.equal(await find(curator), 1);
    const limited = await list(operator, { q: tel.slice(2) }).expect(200);
    assert.equal(limited.body.meta.limited, true);
    const row: Item = limited.body.data[0];
    assert.equal(row.phone, tel);
    assert.equal(row.openRequests, 1);
    assert.equal(row.email, null);
    assert.equal(row.region, null);
    // The content manager has no way in at all.
    await list(contentManager).expect(403);
    await contentManager.http.get('/talent/me').expect(403);
  });

  it('tells each role what it may do in the registry', async () => {
    const me = async (staff: Staff) => (await staff.http.get('/talent/me').expect(200)).body.data;
    const rights = (data: { can: Record<string, boolean> }) =>
      Object.entries(data.can)
        .filter(([, v]) => v)
        .map(([k]) => k)
        .sort();
    assert.deepEqual(rights(await me(specialist)), ['card', 'confirm', 'journal', 'read', 'specialists']);
    assert.deepEqual(rights(await me(coordinator)), ['card', 'confirm', 'export', 'read', 'review', 'specialists']);
    const curatorView = await me(curator);
    assert.deepEqual(rights(curatorView), ['card', 'export', 'read', 'settings', 'specialists']);
    assert.equal(curatorView.readOnly, true);
    const operatorMe = await me(operator);
    assert.deepEqual(rights(operatorMe), ['read']);
    assert.equal(operatorMe.limited, true);
  });

  it('refuses bad filters field by field, localised, and unknown parameters', async () => {
    const res = await coordinator.http
      .get('/talent/people', { kind: 'robot', ageGroup: 'age-1-2', activeFrom: '2026-02-30', region: 'kz', page: '0', role: 'admin' })
      .set('Accept-Language', 'ru')
      .expect(400);
    const fields = res.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort();
    assert.deepEqual(fields, ['activeFrom', 'ageGroup', 'kind', 'page', 'region', 'role']);
    assert.match(res.body.error.details.errors.find((e: { path: string[] }) => e.path[0] === 'kind').message, /[а-я]/);
  });

  it('filters by age group, consent, service and last activity', async () => {
    const tel = phone();
    await confirmedUser({ firstName: 'Қайрат', surname: 'Омаров', phone: tel, birthDate: '2012-05-05', region: 'KZ-63', locality: 'kz-63-oskemen' });
    await settled();
    const q = tel.slice(2);
    const count = async (query: Record<string, string>) => (await list(coordinator, { q, ...query }).expect(200)).body.meta.total as number;
    assert.equal(await count({ ageGroup: 'age-12-15' }), 1);
    assert.equal(await count({ ageGroup: 'age-16-18,age-19-29' }), 0);
    assert.equal(await count({ kind: 'user', userType: 'pupil' }), 1);
    assert.equal(await count({ education: 'school-9', locality: 'kz-63-oskemen', region: 'KZ-63' }), 1);
    assert.equal(await count({ education: 'university,college-1' }), 0);
    assert.equal(await count({ service: 'test' }), 0);
    assert.equal((await count({ consent: 'given' })) + (await count({ consent: 'pending' })) + (await count({ consent: 'none' })), 1);
  });

  it('exports the filtered list by template within the scope, neutralising formulas, and audits it', async () => {
    const tel = phone();
    await confirmedUser({ firstName: 'Әсел', surname: 'Нұрланова', patronymic: null, phone: tel, region: 'KZ-63', locality: 'kz-63-oskemen' });
    await ctx.strapi.db.query('plugin::users-permissions.user').update({ where: { phone: tel }, data: { surname: '=HYPERLINK("x")' } });
    await settled();
    const before = await auditCount('talent.people.export');
    const csv = await coordinator.http
      .get('/talent/people-export', { q: tel.slice(2), file: 'csv', locale: 'ru' })
      .buffer(true)
      .expect(200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    const text = csv.text ?? csv.body.toString();
    const lines = text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^ФИО,/);
    assert.match(lines[1]!, /^"?'=HYPERLINK/);
    const xlsx = await coordinator.http
      .get('/talent/people-export', { q: tel.slice(2), file: 'xlsx', locale: 'kk' })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    assert.equal(book.worksheets[0]!.getRow(1).getCell(1).value, 'Аты-жөні');
    assert.equal(book.worksheets[0]!.rowCount, 2);
    assert.equal(await auditCount('talent.people.export'), before + 2);
    const audited = await ctx.strapi.db.query('api::audit-event.audit-event').findOne({ where: { action: 'talent.people.export' }, orderBy: { id: 'desc' } });
    assert.ok(!JSON.stringify(audited.details).includes(tel.slice(2)), 'the search is not in the audit');
    // Another region's coordinator exports nothing of her; a specialist may not export.
    const other = await otherCoordinator.http
      .get('/talent/people-export', { q: tel.slice(2), file: 'csv' })
      .buffer(true)
      .expect(200);
    assert.equal(
      (other.text ?? '')
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n').length,
      1,
    );
    await specialist.http.get('/talent/people-export', { file: 'csv' }).expect(403);
    const bad = await coordinator.http.get('/talent/people-export', { file: 'pdf', template: 'nope' }).expect(400);
    assert.deepEqual(bad.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['file', 'template']);
  });

  it('takes out a person whose consent is withdrawn, and one who asked to delete their account, at once', async () => {
    const telA = phone();
    const telB = phone();
    const a = await confirmedUser({
      userType: 'student',
      birthDate: '2004-04-04',
      education: 'university',
      phone: telA,
      region: 'KZ-63',
      locality: 'kz-63-oskemen',
    });
    const b = await confirmedUser({
      userType: 'student',
      birthDate: '2004-04-04',
      education: 'university',
      phone: telB,
      region: 'KZ-63',
      locality: 'kz-63-oskemen',
    });
    await settled();
    const present = async (tel: string) => (await list(coordinator, { q: tel.slice(2) }).expect(200)).body.meta.total as number;
    assert.equal(await present(telA), 1);
    const me = (await api().get('/api/accounts/me').set('Authorization', `Bearer ${a.jwt}`).expect(200)).body;
    await api().post(`/api/accounts/consents/${me.consents[0].documentId}/withdraw`).set('Authorization', `Bearer ${a.jwt}`).expect(200);
    await settled();
    assert.equal(await present(telA), 0);
    assert.equal(await present(telB), 1);
    await api().post('/api/accounts/me/deletion').set('Authorization', `Bearer ${b.jwt}`).expect(200);
    await settled();
    assert.equal(await present(telB), 0);
    // Changing one's mind within the grace period brings the person back.
    await api().delete('/api/accounts/me/deletion').set('Authorization', `Bearer ${b.jwt}`).expect(200);
    await settled();
    assert.equal(await present(telB), 1);
  });

  it('counts an unfiltered list as many people as its pages hold, for each scope', async () => {
    for (const staff of [specialist, coordinator, otherCoordinator]) {
      const first = (await list(staff, { pageSize: 100 }).expect(200)).body;
      const seen = new Set<number>(first.data.map((p: Item) => p.id));
      for (let page = 2; page <= Math.ceil(first.meta.total / 100); page++)
        for (const p of (await list(staff, { pageSize: 100, page }).expect(200)).body.data as Item[]) seen.add(p.id);
      assert.equal(seen.size, first.meta.total);
      // And the same people as a filter that matches everyone counts the general way.
      const all = (await list(staff, { kind: 'user,child,lead', pageSize: 1 }).expect(200)).body.meta.total;
      assert.equal(all, first.meta.total);
    }
  });

  it('rebuilds the whole registry from its sources to the same rows as the changes made them', async () => {
    // The people of this file, whose every change went through the API (other files also write
    // straight into the tables, which only the rebuild can see).
    const mine = (rows: Array<{ search: string }>) => rows.filter((r) => phones.some((p) => r.search.includes(p.slice(1))));
    const knex = ctx.strapi.db.connection;
    const read = () => knex('talent_people').orderBy('person_key').select('person_key', 'search', 'services', 'region', 'consent', 'talent_status');
    const before = mine(await read());
    assert.ok(before.length >= 5);
    await ctx.strapi.plugin('talent').service('people').reconcile();
    assert.deepEqual(mine(await read()), before);
  });
});
