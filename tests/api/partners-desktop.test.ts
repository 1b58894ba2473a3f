// The centres' desktop test databases (R-TEST-2): a file import with the centre's column mapping,
// the push API for the desktop program, matching rows to people and the review queue.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { ctx } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';

const CENTRE = 'east-kazakhstan';
const COLUMNS = { externalId: 'ID', phone: 'Телефон', email: 'E-mail', bookingRef: 'Запись', test: 'Тест', takenAt: 'Дата' };
const HEADER = ['ID', 'Телефон', 'E-mail', 'Запись', 'Тест', 'Дата', 'R', 'S', 'Команда'];
const TESTS = [
  {
    key: 'holland',
    name: { kk: 'Холланд сауалнамасы', ru: 'Опросник Холланда', en: 'Holland questionnaire' },
    scales: [
      { from: 'R', to: 'realistic', min: 0, max: 20 },
      { from: 'S', to: 'social', min: 0, max: 20 },
    ],
  },
  {
    key: 'team',
    name: { kk: 'Командадағы жұмыс', ru: 'Работа в команде', en: 'Teamwork' },
    scales: [{ from: 'Команда', to: 'communication', min: 1, max: 5 }],
  },
];

type Partner = { partner: { id: number; clientId: string; name: string }; secret: string };
type Session = Awaited<ReturnType<typeof confirmedUser>>;
type Row = Partial<Record<(typeof HEADER)[number], unknown>>;

const phone = () => `+7701${crypto.randomInt(1e6, 9e6)}`;
const adult = (overrides: Record<string, unknown> = {}) =>
  confirmedUser({ birthDate: '1998-02-03', userType: 'student', education: 'university', phone: phone(), ...overrides });
const asAdmin = (s: Staff) => ({
  get: (path: string, query: Record<string, unknown> = {}) =>
    request(ctx.cmsUrl)
      .get(path)
      .query(query)
      .set({ Authorization: `Bearer ${s.token}`, 'Accept-Language': 'en' }),
  post: (path: string, body: unknown) =>
    request(ctx.cmsUrl)
      .post(path)
      .set({ Authorization: `Bearer ${s.token}`, 'Accept-Language': 'en' })
      .send(body as object),
  put: (path: string, body: unknown) =>
    request(ctx.cmsUrl)
      .put(path)
      .set({ Authorization: `Bearer ${s.token}`, 'Accept-Language': 'en' })
      .send(body as object),
});

async function desktopPartner(centre = CENTRE, columns: Record<string, string> = COLUMNS): Promise<Partner> {
  return ctx.strapi
    .plugin('partners')
    .service('partners')
    .create({ kind: 'desktop', name: `Desktop tests ${crypto.randomBytes(3).toString('hex')}`, config: { centre, columns }, tests: TESTS });
}

async function xlsx(rows: Row[]): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Нәтижелер');
  sheet.addRow(HEADER);
  for (const row of rows) sheet.addRow(HEADER.map((h) => row[h] ?? null));
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

const tableCount = async (table: string, where: Record<string, unknown>) =>
  Number((await ctx.strapi.db.connection(table).where(where).count({ n: '*' }).first()).n);
const counts = async (partnerId: number) => ({
  rows: await tableCount('partner_import_rows', { partner_id: partnerId }),
  statements: await tableCount('assessment_statements', { source_id: partnerId, source_kind: 'desktop' }),
});
const profile = async (user: Session, child?: string) =>
  (
    await api()
      .get(`/api/assessment/profile${child ? `?child=${child}` : ''}`)
      .set('Authorization', `Bearer ${user.jwt}`)
      .expect(200)
  ).body.data;
const scale = (p: { scales: Array<{ scale: string; score: number; source: { kind: string; name: string } | null }> }, key: string) =>
  p.scales.find((s) => s.scale === key);

describe('API: desktop test databases', () => {
  let specialist: Staff;
  before(async () => {
    const roles = await ctx.strapi.db.query('admin::role').findMany({ where: { code: { $in: ['qabilet-specialist', 'qabilet-regional-coordinator'] } } });
    await requireCms(ctx.distDir, 'src/staff/partners-roles.js').grantPartnersToRoles(
      ctx.strapi,
      new Map(roles.map((r: { code: string; id: number }) => [r.code, r.id])),
    );
    specialist = await staffMember('qabilet-specialist', CENTRE);
  });

  it('imports a file: matches by phone, e-mail and booking reference, queues the rest with a reason, refuses bad rows by field, and a re-import changes nothing', async () => {
    const { partner } = await desktopPartner();
    const [byPhone, byEmail, parent, minor] = await Promise.all([adult(), adult(), adult({ userType: 'parent' }), confirmedUser({ phone: phone() })]);
    const child = (
      await api()
        .post('/api/accounts/children')
        .set('Authorization', `Bearer ${parent.jwt}`)
        .send({
          surname: 'Бала',
          firstName: 'Айлин',
          gender: 'female',
          birthDate: '2012-09-01',
          region: 'KZ-63',
          locality: 'kz-63-oskemen',
          education: 'school-7',
        })
        .expect(201)
    ).body.data;
    const childRow = await ctx.strapi.db.query('api::child.child').findOne({ where: { documentId: child.documentId } });
    const booking = await ctx.strapi.db.query('plugin::booking.booking').create({
      data: {
        user: parent.id,
        child: childRow.id,
        centre: CENTRE,
        service: 'testing',
        format: 'offline',
        status: 'completed',
        start: '2025-03-10T04:00:00.000Z',
        end: '2025-03-10T05:30:00.000Z',
        history: [],
      },
    });
    const parentPhone = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: parent.id }, select: ['phone'] })).phone;
    const phoneOf = async (u: Session) =>
      (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: u.id }, select: ['phone'] })).phone as string;
    const local = (await phoneOf(byPhone)).replace('+7', '8 ').replace(/(\d{3})(\d{3})(\d{2})(\d{2})$/, '$1 $2 $3 $4');
    const content = await xlsx([
      { Телефон: local, Тест: 'holland', Дата: new Date(Date.UTC(2025, 2, 14, 10, 30)), R: '12,5', S: 8 },
      { 'E-mail': byEmail.email.toUpperCase(), Тест: 'team', Дата: '14.03.2025 11:00', Команда: 4 },
      { Запись: booking.documentId, Тест: 'holland', Дата: '2025-03-10', R: 20, S: 0 },
      { Телефон: phone(), Тест: 'holland', Дата: '2025-03-11', R: 1, S: 1 },
      { Телефон: parentPhone, Тест: 'holland', Дата: '2025-03-12', R: 5, S: 10 },
      { Телефон: await phoneOf(minor), Тест: 'team', Дата: '2025-03-12', Команда: 3 },
      { Телефон: local, Тест: 'holland', Дата: new Date(Date.UTC(2025, 2, 14, 10, 30)), R: 12.5, S: '8' },
      { Телефон: phone(), Тест: 'holland', Дата: '31.11.2025', R: 1, S: 1 },
      { Телефон: phone(), Тест: 'holland', Дата: '2025-03-11', R: 25, S: 1 },
      { ID: 'E-1', 'E-mail': byEmail.email, Тест: 'team', Дата: '2025-03-01', Команда: 2 },
      { ID: 'E-1', 'E-mail': byEmail.email, Тест: 'team', Дата: '2025-03-02', Команда: 3 },
    ]);
    const body = { fileName: 'results-march.xlsx', content };
    const first = (await asAdmin(specialist).post(`/partners/desktop/${partner.id}/imports`, body).expect(200)).body.data;
    assert.deepEqual([first.rows, first.imported, first.queued, first.duplicates], [11, 4, 3, 2]);
    assert.deepEqual(
      first.rejected.map((r: { row: number; errors: Array<{ path: string[]; code: string; column: string }> }) => [
        r.row,
        r.errors.map((e) => `${e.path.join('.')}:${e.code}:${e.column}`),
      ]),
      [
        [9, ['takenAt:row.dateFormat:Дата']],
        [10, ['scores.R:row.scoreRange:R']],
      ],
    );
    assert.match(first.rejected[1].errors[0].message, /0–20/);

    // Each result is on the right person's card, marked with the centre's database as its source.
    const source = { kind: 'desktop', name: partner.name };
    const mine = await profile(byPhone);
    assert.deepEqual([scale(mine, 'realistic')?.score, scale(mine, 'social')?.score, scale(mine, 'realistic')?.source], [63, 40, source]);
    assert.equal(scale(await profile(byEmail), 'communication')?.score, 75, 'the newer of two results counts');
    const childProfile = await profile(parent, child.documentId);
    assert.deepEqual([scale(childProfile, 'realistic')?.score, scale(childProfile, 'social')?.score], [100, 0]);
    assert.equal((await profile(parent)).scales.length, 0, 'the booking was the child’s, not the parent’s');
    assert.equal((await profile(minor)).scales.length, 0);

    const before = await counts(partner.id);
    assert.deepEqual(before, { rows: 7, statements: 4 });
    const again = (await asAdmin(specialist).post(`/partners/desktop/${partner.id}/imports`, body).expect(200)).body.data;
    assert.deepEqual([again.rows, again.imported, again.queued, again.duplicates, again.rejected.length], [11, 0, 0, 9, 2]);
    assert.deepEqual(await counts(partner.id), before);

    // The review queue: the reasons, the people to choose from, then a resolution.
    const queue = (await asAdmin(specialist).get('/partners/queue', { partner: partner.id }).expect(200)).body;
    assert.deepEqual(queue.data.map((r: { reason: string }) => r.reason).sort(), ['consent.missing', 'match.hasChildren', 'match.none']);
    const hasChildren = queue.data.find((r: { reason: string }) => r.reason === 'match.hasChildren');
    assert.ok(hasChildren.explanation.length > 10);
    assert.deepEqual(
      hasChildren.candidates.map((c: { kind: string; id: number }) => `${c.kind}:${c.id}`),
      [`user:${parent.id}`, `child:${childRow.id}`],
    );
    assert.equal(hasChildren.values.phone, parentPhone);
    const resolve = (rowId: number, b: unknown) => asAdmin(specialist).post(`/partners/queue/${rowId}/resolve`, b);
    assert.equal((await resolve(hasChildren.id, { person: { kind: 'user', id: byPhone.id } }).expect(400)).body.error.details.code, 'queue.notCandidate');
    await resolve(hasChildren.id, { person: { kind: 'child', id: childRow.id } }).expect(200);
    assert.equal((await resolve(hasChildren.id, { person: { kind: 'child', id: childRow.id } }).expect(409)).body.error.details.code, 'queue.resolved');
    assert.equal(scale(await profile(parent, child.documentId), 'social')?.score, 50, 'the resolved row is on the child’s card');
    const stored = await ctx.strapi.db.connection('partner_import_rows').where({ id: hasChildren.id }).first();
    assert.deepEqual([stored.status, JSON.parse(stored.data).phone, stored.person_key], ['imported', null, `c:${childRow.id}`]);

    const noConsent = queue.data.find((r: { reason: string }) => r.reason === 'consent.missing');
    assert.deepEqual(
      noConsent.candidates.map((c: { id: number }) => c.id),
      [minor.id],
    );
    assert.equal((await resolve(noConsent.id, { person: { kind: 'user', id: minor.id } }).expect(409)).body.error.details.code, 'consent.missing');
    const nobody = queue.data.find((r: { reason: string }) => r.reason === 'match.none');
    assert.equal((await resolve(nobody.id, { phone: phone() }).expect(409)).body.error.details.code, 'match.none');
    await resolve(nobody.id, { discard: true, person: { kind: 'user', id: 1 } }).expect(400);
    await resolve(nobody.id, { discard: true }).expect(200);
    assert.equal(JSON.parse((await ctx.strapi.db.connection('partner_import_rows').where({ id: nobody.id }).first()).data).phone, null);
    assert.deepEqual(await counts(partner.id), { rows: 7, statements: 5 });

    // The partner's log and the audit log hold counts and ids, never a phone or an e-mail.
    const events = await ctx.strapi.db.connection('partner_events').where({ partner_id: partner.id, kind: 'import' });
    assert.ok(
      events.some((e: { code: string; detail: string }) => e.code === 'import.done' && e.detail === 'rows=11 imported=4 queued=3 duplicates=2 rejected=2'),
    );
    const logged =
      JSON.stringify(events) +
      JSON.stringify(await ctx.strapi.db.query('api::audit-event.audit-event').findMany({ where: { action: { $startsWith: 'partners.' } } }));
    for (const secret of [parentPhone, byEmail.email, local]) assert.ok(!logged.toLowerCase().includes(secret.toLowerCase()));
    assert.ok(
      await ctx.strapi.db.query('api::audit-event.audit-event').findOne({ where: { action: 'partners.queue.resolve', subjectId: String(childRow.id) } }),
    );
  });

  it('takes results pushed by the desktop program with the partner’s key only', async () => {
    const { partner, secret } = await desktopPartner();
    const user = await adult();
    const userPhone = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: user.id }, select: ['phone'] })).phone;
    const url = `/api/partners/desktop/${partner.clientId}/results`;
    const rows = [
      { externalId: 'PC-1', phone: userPhone, test: 'holland', takenAt: '2025-04-01T09:15', scores: { R: 10, S: '5,5' } },
      { phone: userPhone, test: 'holland', takenAt: '2025-04-01', scores: { R: 10, X: 3 } },
      'not a row',
    ];
    for (const auth of [undefined, 'Bearer qpk_wrong', `Basic ${secret}`, secret]) {
      const res = await api()
        .post(url)
        .set(auth ? { Authorization: auth } : {})
        .send({ rows })
        .expect(401);
      assert.equal(res.body.error.details.code, 'desktop.unauthorized');
    }
    const elsewhere = await api()
      .post(`/api/partners/desktop/${crypto.randomUUID()}/results`)
      .set({ Authorization: `Bearer ${secret}`, 'Accept-Language': 'ru' })
      .send({ rows })
      .expect(401);
    assert.match(elsewhere.body.error.message, /Ключ API/);
    const push = () =>
      api()
        .post(url)
        .set({ Authorization: `Bearer ${secret}` })
        .send({ rows });
    const res = (await push().expect(200)).body.data;
    assert.deepEqual([res.imported, res.queued, res.duplicates], [1, 0, 0]);
    assert.deepEqual(
      res.rejected.map((r: { index: number; errors: Array<{ path: string[]; code: string }> }) => [
        r.index,
        r.errors.map((e) => `${e.path.join('.')}:${e.code}`),
      ]),
      [
        [1, ['scores.X:row.scoreUnknown']],
        [2, [':row.invalid']],
      ],
    );
    assert.equal((await push().expect(200)).body.data.duplicates, 1);
    assert.equal(scale(await profile(user), 'social')?.score, 28);
    assert.deepEqual(await counts(partner.id), { rows: 1, statements: 1 });
    await api()
      .post(url)
      .set({ Authorization: `Bearer ${secret}` })
      .send({ rows: Array.from({ length: 501 }, () => rows[0]) })
      .expect(400);
    await api()
      .post(url)
      .set({ Authorization: `Bearer ${secret}` })
      .send({ rows: [], extra: 1 })
      .expect(400);
    // The command-line pusher: the key from the environment, the centre's own headers mapped.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desktop-push-')), 'results.csv');
    fs.writeFileSync(file, `Телефон;test;Дата;R;S\n${userPhone};holland;02.04.2025 10:00;4;"2,5"\n${userPhone};holland;02.04.2025;40;1\n`);
    const cli = (env: Record<string, string>) =>
      promisify(execFile)(
        process.execPath,
        [
          'scripts/desktop-push.mjs',
          '--client',
          partner.clientId,
          '--file',
          file,
          '--map',
          'phone=Телефон',
          '--map',
          'takenAt=Дата',
          '--url',
          ctx.cmsUrl,
          '--lang',
          'en',
        ],
        { env: { ...process.env, ...env } },
      ).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
    assert.equal((await cli({ QABILET_DESKTOP_KEY: 'qpk_wrong' })).code, 1);
    const pushed = await cli({ QABILET_DESKTOP_KEY: secret });
    assert.equal(pushed.code, 3, pushed.out);
    assert.match(pushed.out, /row 3: scores\.R: The score is outside the range 0–20/);
    assert.match(pushed.out, /imported 1, waiting for review 0, already there 0, rejected 1/);
    assert.ok(!pushed.out.includes(userPhone));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    assert.deepEqual(await counts(partner.id), { rows: 2, statements: 2 });
    // A switched-off partner's key stops working.
    await ctx.strapi.db.connection('partners').where({ id: partner.id }).update({ active: false });
    await push().expect(401);
  });

  it('lets the centre’s specialists and the region’s coordinators import, nobody else', async () => {
    const { partner } = await desktopPartner();
    const [elsewhere, coordinator, curator] = await Promise.all([
      staffMember('qabilet-specialist', 'karaganda'),
      staffMember('qabilet-regional-coordinator', CENTRE),
      staffMember('qabilet-project-curator'),
    ]);
    const csv = Buffer.from(`\ufeff${HEADER.join(';')}\r\n;${phone()};;;team;"01.02.2025 10:00";;;"4,5"\r\n`).toString('base64');
    const body = { fileName: 'export.csv', content: csv };
    assert.equal((await asAdmin(elsewhere).post(`/partners/desktop/${partner.id}/imports`, body).expect(403)).body.error.details.code, 'desktop.outOfScope');
    await asAdmin(elsewhere).get('/partners/queue', { partner: partner.id }).expect(403);
    assert.ok(!(await asAdmin(elsewhere).get('/partners/desktop').expect(200)).body.data.some((p: { id: number }) => p.id === partner.id));
    await asAdmin(curator).post(`/partners/desktop/${partner.id}/imports`, body).expect(403);
    const mine = (await asAdmin(coordinator).get('/partners/desktop').expect(200)).body.data.find((p: { id: number }) => p.id === partner.id);
    assert.deepEqual([mine.centre, mine.columns], [CENTRE, COLUMNS]);
    assert.deepEqual((await asAdmin(coordinator).post(`/partners/desktop/${partner.id}/imports`, body).expect(200)).body.data, {
      rows: 1,
      imported: 0,
      queued: 1,
      duplicates: 0,
      rejected: [],
    });
    await asAdmin(coordinator).post('/partners/desktop/999999/imports', body).expect(404);
    await api().post(`/partners/desktop/${partner.id}/imports`).send(body).expect(401);
  });

  it('refuses a malformed file or a file without the mapped columns whole, storing nothing', async () => {
    const { partner } = await desktopPartner();
    const post = (b: Record<string, unknown>) => asAdmin(specialist).post(`/partners/desktop/${partner.id}/imports`, b);
    const code = async (b: Record<string, unknown>) =>
      (await post(b).expect(400)).body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`);
    assert.deepEqual(await code({ fileName: 'export.xlsx', content: crypto.randomBytes(2048).toString('base64') }), ['content:import.malformed']);
    assert.deepEqual(await code({ fileName: 'export.csv', content: Buffer.from('Name,Score\nAliya,3\n').toString('base64') }), [
      'columns.externalId:import.columnMissing',
      'columns.phone:import.columnMissing',
      'columns.email:import.columnMissing',
      'columns.bookingRef:import.columnMissing',
      'columns.test:import.columnMissing',
      'columns.takenAt:import.columnMissing',
      'tests.1.scales.0.from:import.columnMissing',
    ]);
    assert.deepEqual(await code({ fileName: '', content: '%%%', format: 'pdf', extra: true }), [
      'extra:field.notAllowed',
      'fileName:import.fileName',
      'format:import.format',
      'content:import.content',
    ]);
    await post({ fileName: 'x.csv' }).expect(400);
    // Over 5 MB: refused by the import (or, while the CMS's JSON limit is lower, by the body parser), never a 500.
    const huge = await post({ fileName: 'huge.csv', content: Buffer.alloc(5 * 1024 * 1024 + 1, 0x41).toString('base64') });
    assert.ok([400, 413].includes(huge.status), String(huge.status));
    if (huge.status === 400) assert.equal(huge.body.error.details.code, 'import.tooLarge');
    await asAdmin(specialist).post(`/partners/desktop/${partner.id}/imports`, 'not json').expect(400);
    assert.deepEqual(await counts(partner.id), { rows: 0, statements: 0 });
    const refused = await ctx.strapi.db.connection('partner_events').where({ partner_id: partner.id, code: 'import.refused' });
    assert.ok(refused.length >= 2);
  });

  it('saves the centre’s column mapping once, checked field by field', async () => {
    const { partner } = await desktopPartner();
    const put = (columns: unknown) => asAdmin(specialist).put(`/partners/desktop/${partner.id}/columns`, { columns });
    const refused = (await put({ phone: 'Телефон', email: 'Телефон', colour: 'x' }).expect(400)).body.error.details.errors.map(
      (e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`,
    );
    assert.deepEqual(refused, [
      'columns.colour:field.notAllowed',
      'columns.takenAt:desktop.columnRequired',
      'columns.test:desktop.columnTest',
      'columns.email:desktop.columnTwice',
    ]);
    const saved = (await put({ phone: 'Тел.', test: 'Тест', takenAt: 'Күні' }).expect(200)).body.data;
    assert.deepEqual(saved.columns, { phone: 'Тел.', test: 'Тест', takenAt: 'Күні' });
    const csv = Buffer.from(`Тел.,Тест,Күні,R,S\n${phone()},holland,2025-05-05,3,4\n`).toString('base64');
    assert.equal(
      (await asAdmin(specialist).post(`/partners/desktop/${partner.id}/imports`, { fileName: 'new.csv', content: csv }).expect(200)).body.data.queued,
      1,
    );
    const elsewhere = await staffMember('qabilet-specialist', 'karaganda');
    await asAdmin(elsewhere)
      .put(`/partners/desktop/${partner.id}/columns`, { columns: { phone: 'A', test: 'B', takenAt: 'C' } })
      .expect(403);
  });
  it('names no one the centre does not serve when staff type another phone, and refuses an impossible date', async () => {
    const { partner, secret } = await desktopPartner();
    const stranger = await adult({ userType: 'parent' });
    await api()
      .post('/api/accounts/children')
      .set('Authorization', `Bearer ${stranger.jwt}`)
      .send({
        surname: 'Басқа',
        firstName: 'Дана',
        gender: 'female',
        birthDate: '2013-01-01',
        region: 'KZ-63',
        locality: 'kz-63-oskemen',
        education: 'school-6',
      })
      .expect(201);
    // The account lives in a region the centre does not serve and has no request there.
    await ctx.strapi.db.connection('up_users').where({ id: stranger.id }).update({ region: 'KZ-75' });
    await ctx.strapi.db.connection('children').where({ surname: 'Басқа' }).update({ region: 'KZ-75' });
    const strangerPhone = (await ctx.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: stranger.id }, select: ['phone'] })).phone;
    const url = `/api/partners/desktop/${partner.clientId}/results`;
    const pushed = (
      await api()
        .post(url)
        .set({ Authorization: `Bearer ${secret}`, 'Accept-Language': 'en' })
        .send({
          rows: [
            { externalId: 'Q-1', phone: phone(), test: 'holland', takenAt: '2025-03-11', scores: { R: 1, S: 1 } },
            { externalId: 'Q-2', phone: phone(), test: 'holland', takenAt: 1e9, scores: { R: 1, S: 1 } },
          ],
        })
        .expect(200)
    ).body.data;
    assert.equal(pushed.queued, 1);
    assert.deepEqual(
      pushed.rejected.map((r: { index: number; errors: Array<{ path: string[] }> }) => [r.index, r.errors.map((e) => e.path.join('.'))]),
      [[1, ['takenAt']]],
    );
    const [row] = (await asAdmin(specialist).get('/partners/queue', { partner: partner.id }).expect(200)).body.data;
    const typed = await asAdmin(specialist).post(`/partners/queue/${row.id}/resolve`, { phone: strangerPhone }).expect(409);
    assert.equal(typed.body.error.details.code, 'match.hasChildren');
    const after = (await asAdmin(specialist).get('/partners/queue', { partner: partner.id }).expect(200)).body;
    assert.deepEqual(after.data[0].candidates, [], 'no names of people outside the centre’s regions');
    assert.ok(!JSON.stringify(after).includes('Дана'));
    await asAdmin(specialist)
      .post(`/partners/queue/${row.id}/resolve`, { person: { kind: 'user', id: stranger.id } })
      .expect(400);
  });
});
