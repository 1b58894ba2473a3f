/**
 * The specialist card (plugin talent, specialists part): its private documents uploaded by their
 * bytes (JPEG, PNG, WebP, PDF, at most 5 MB), kept in the database and never in the media library,
 * served only within the staff member's scope with every view audited, deleted outright; and the
 * people the specialist consulted, exported for the psychologist.
 */
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ctx } from '../setup/context.ts';
import { confirmedUser } from './helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';

const CENTRE = 'east-kazakhstan';
const OTHER = 'pavlodar';
const DOCUMENTS = 'talent_documents';
const settled = () => ctx.strapi.plugin('talent').service('people').settled() as Promise<void>;
const auditCount = (action: string, subjectId: number) =>
  ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action, subjectId: String(subjectId) } }) as Promise<number>;
const stored = async (specialistId: number) =>
  Number((await ctx.strapi.db.connection(DOCUMENTS).where({ specialist_id: specialistId }).count({ n: '*' }).first()).n);
const mediaFiles = () => ctx.strapi.db.query('plugin::upload.file').count() as Promise<number>;
const uploadsFolder = () => {
  const dir = path.join(ctx.strapi.dirs.static.public, 'uploads');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

const marker = () => crypto.randomBytes(8).toString('hex');
const pdf = (text = marker()) => Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const AVIF = Buffer.concat([Buffer.from([0, 0, 0, 0x1c]), Buffer.from('ftypavif', 'latin1'), Buffer.from([0, 0, 0, 0]), Buffer.from('avifmif1miaf', 'latin1')]);

const auth = (staff: Staff) => ({ Authorization: `Bearer ${staff.token}`, 'Accept-Language': 'en' });
type Fields = Record<string, string>;
const upload = (staff: Staff, id: number, fields: Fields, file?: { bytes: Buffer; name: string; type: string }) => {
  const req = request(ctx.cmsUrl).post(`/talent/specialists/${id}/documents`).set(auth(staff));
  for (const [k, v] of Object.entries(fields)) req.field(k, v);
  if (file) req.attach('file', file.bytes, { filename: file.name, contentType: file.type });
  return req;
};
const download = (staff: Staff, id: number, document: number) =>
  request(ctx.cmsUrl)
    .get(`/talent/specialists/${id}/documents/${document}`)
    .set(auth(staff))
    .buffer(true)
    .parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
const remove = (staff: Staff, id: number, document: number) => request(ctx.cmsUrl).delete(`/talent/specialists/${id}/documents/${document}`).set(auth(staff));
const fieldsOf = (res: request.Response) =>
  (res.body.error.details.errors as Array<{ path: string[]; code: string }>).map((e) => `${e.path.join('.')}:${e.code}`).sort();

/** A booking specialist at `centre`, tied to the staff member's profile. */
async function bookingSpecialist(staff: Staff, centre: string): Promise<number> {
  const profile = await ctx.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { user: { id: staff.id } } });
  const row = await ctx.strapi.db.query('plugin::booking.specialist').create({
    data: {
      name: `Specialist ${marker()}`,
      centre,
      staffProfile: profile.id,
      services: ['consultation'],
      formats: ['offline'],
      hours: {},
      timings: {},
      active: true,
    },
  });
  return row.id as number;
}

describe('talent: the specialist card and its private documents', () => {
  let me: Staff, colleague: Staff, otherSpecialist: Staff, coordinator: Staff, otherCoordinator: Staff, curator: Staff, operator: Staff;
  let mine: number, colleagues: number, others: number;
  before(async () => {
    me = await staffMember('qabilet-specialist', CENTRE);
    colleague = await staffMember('qabilet-specialist', CENTRE);
    otherSpecialist = await staffMember('qabilet-specialist', OTHER);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    otherCoordinator = await staffMember('qabilet-regional-coordinator', OTHER);
    curator = await staffMember('qabilet-project-curator', CENTRE);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
    mine = await bookingSpecialist(me, CENTRE);
    colleagues = await bookingSpecialist(colleague, CENTRE);
    others = await bookingSpecialist(otherSpecialist, OTHER);
  });

  it('lets the specialist upload a PDF and a PNG to their own card, list them and download the same bytes, each view audited', async () => {
    const media = await mediaFiles();
    const folder = uploadsFolder();
    const diploma = pdf();
    const up = await upload(
      me,
      mine,
      { kind: 'diploma', title: 'Psychology, BSc', issuer: 'KazNU', year: '2012' },
      { bytes: diploma, name: 'Диплом 2012.pdf', type: 'application/pdf' },
    ).expect(201);
    assert.equal(up.body.data.type, 'application/pdf');
    assert.equal(up.body.data.size, diploma.length);
    const photo = await upload(me, mine, { kind: 'photo' }, { bytes: PNG, name: 'me.png', type: 'image/png' }).expect(201);

    const card = (await me.http.get(`/talent/specialists/${mine}`).expect(200)).body.data;
    assert.equal(card.mine, true);
    assert.deepEqual(card.can, { upload: true, remove: true, export: true });
    assert.equal(card.limits.maxBytes, 5 * 1024 * 1024);
    const listed = card.documents.map((d: { id: number; kind: string; title: string | null; issuer: string | null; year: number | null }) => [
      d.id,
      d.kind,
      d.title,
      d.issuer,
      d.year,
    ]);
    assert.deepEqual(listed, [
      [up.body.data.id, 'diploma', 'Psychology, BSc', 'KazNU', 2012],
      [photo.body.data.id, 'photo', null, null, null],
    ]);

    const before = await auditCount('talent.specialists.documentView', mine);
    const got = await download(me, mine, up.body.data.id).expect(200);
    assert.ok(Buffer.compare(got.body, diploma) === 0, 'the PDF comes back byte for byte');
    assert.equal(got.headers['content-type'], 'application/pdf');
    assert.equal(got.headers['cache-control'], 'no-store');
    assert.equal(got.headers['x-content-type-options'], 'nosniff');
    assert.match(got.headers['content-disposition'], /^attachment; filename="[A-Za-z0-9._-]+\.pdf"$/);
    const image = await download(me, mine, photo.body.data.id).expect(200);
    assert.ok(Buffer.compare(image.body, PNG) === 0, 'the PNG comes back byte for byte');
    assert.equal(image.headers['content-type'], 'image/png');
    assert.equal(await auditCount('talent.specialists.documentView', mine), before + 2);

    // Never the media library, never the public uploads folder.
    assert.equal(await mediaFiles(), media);
    assert.deepEqual(uploadsFolder(), folder);
  });

  it('refuses, field by field, what is not an image or PDF by its bytes, or is too large, and stores nothing', async () => {
    const count = await stored(mine);
    const media = await mediaFiles();
    const html = await upload(
      me,
      mine,
      { kind: 'id' },
      { bytes: Buffer.from('<html><script>alert(1)</script></html>'), name: 'passport.pdf', type: 'application/pdf' },
    );
    assert.equal(html.status, 400);
    assert.deepEqual(fieldsOf(html), ['file:upload.unrecognised']);
    const svg = await upload(
      me,
      mine,
      { kind: 'photo' },
      { bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), name: 'me.svg', type: 'image/svg+xml' },
    );
    assert.equal(svg.status, 400);
    // An AVIF passes the media library's check, but is not a type a document may be.
    const avif = await upload(me, mine, { kind: 'photo' }, { bytes: AVIF, name: 'me.avif', type: 'image/avif' }).expect(400);
    assert.deepEqual(fieldsOf(avif), ['file:document.type']);
    assert.match(avif.body.error.details.errors[0].message, /not a JPEG, PNG or WebP image or a PDF/);
    const big = Buffer.concat([pdf(), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    const large = await upload(
      me,
      mine,
      { kind: 'certificate', title: 'CBT', issuer: 'Beck Institute', year: '2020' },
      { bytes: big, name: 'cert.pdf', type: 'application/pdf' },
    ).expect(400);
    assert.deepEqual(fieldsOf(large), ['file:document.tooLarge']);
    assert.match(large.body.error.details.errors[0].message, /larger than 5 MB/);
    const bare = await upload(me, mine, { kind: 'award', year: '2999', owner: 'x' }, { bytes: pdf(), name: 'award.pdf', type: 'application/pdf' }).expect(400);
    assert.deepEqual(fieldsOf(bare), ['issuer:document.issuer', 'owner:field.notAllowed', 'title:document.title', 'year:document.year']);
    const none = await upload(me, mine, { kind: 'selfie' }).expect(400);
    assert.deepEqual(fieldsOf(none), ['file:field.required', 'kind:document.kind']);
    assert.equal(await stored(mine), count);
    assert.equal(await mediaFiles(), media);
  });

  it('takes its largest size from the plugin’s configuration', async () => {
    const key = 'plugin::talent.documentMaxBytes';
    const configured = ctx.strapi.config.get(key);
    ctx.strapi.config.set(key, 100 * 1024);
    try {
      const count = await stored(mine);
      assert.equal((await me.http.get(`/talent/specialists/${mine}`).expect(200)).body.data.limits.maxBytes, 100 * 1024);
      const file = Buffer.concat([pdf(), Buffer.alloc(150 * 1024, 0x20)]);
      const res = await upload(me, mine, { kind: 'id' }, { bytes: file, name: 'id.pdf', type: 'application/pdf' }).expect(400);
      assert.match(res.body.error.details.errors[0].message, /larger than 0\.1 MB/);
      assert.equal(await stored(mine), count);
    } finally {
      ctx.strapi.config.set(key, configured);
    }
  });

  it('answers 404 out of scope, lets the coordinator of the region work on the card and the curator only read', async () => {
    const doc = (await upload(me, mine, { kind: 'id' }, { bytes: PNG, name: 'id.png', type: 'image/png' }).expect(201)).body.data.id as number;
    const count = await stored(mine);
    // Another region's coordinator, another centre's specialist, a colleague of the same centre: nothing.
    for (const stranger of [otherCoordinator, otherSpecialist, colleague]) {
      await stranger.http.get(`/talent/specialists/${mine}`).expect(404);
      await download(stranger, mine, doc).expect(404);
      await upload(stranger, mine, { kind: 'photo' }, { bytes: PNG, name: 'x.png', type: 'image/png' }).expect(404);
      await remove(stranger, mine, doc).expect(404);
      await stranger.http.get(`/talent/specialists/${mine}/people-export`, { file: 'csv' }).expect(404);
    }
    // Someone else's document through my card is unknown too; so is a card that does not exist.
    const theirs = (await upload(otherSpecialist, others, { kind: 'photo' }, { bytes: PNG, name: 'p.png', type: 'image/png' }).expect(201)).body.data.id;
    await download(me, mine, theirs).expect(404);
    await me.http.get('/talent/specialists/999999').expect(404);
    await me.http.get('/talent/specialists/abc').expect(404);
    // The operator has no right to the cards at all.
    await operator.http.get('/talent/specialists').expect(403);

    // Each sees the cards of their scope.
    const ids = async (staff: Staff) => ((await staff.http.get('/talent/specialists').expect(200)).body.data as Array<{ id: number }>).map((s) => s.id);
    assert.deepEqual(await ids(me), [mine]);
    assert.ok((await ids(coordinator)).includes(mine) && (await ids(coordinator)).includes(colleagues) && !(await ids(coordinator)).includes(others));
    assert.ok(!(await ids(otherCoordinator)).includes(mine));
    assert.ok((await ids(curator)).includes(mine) && (await ids(curator)).includes(others));

    // The curator reads, but changes nothing.
    const read = (await curator.http.get(`/talent/specialists/${mine}`).expect(200)).body.data;
    assert.deepEqual(read.can, { upload: false, remove: false, export: false });
    await download(curator, mine, doc).expect(200);
    await upload(curator, mine, { kind: 'photo' }, { bytes: PNG, name: 'x.png', type: 'image/png' }).expect(403);
    await remove(curator, mine, doc).expect(403);
    await curator.http.get(`/talent/specialists/${mine}/people-export`, { file: 'csv' }).expect(403);
    assert.equal(await stored(mine), count);

    // The coordinator of the region uploads and reads.
    const added = (
      await upload(
        coordinator,
        mine,
        { kind: 'award', title: 'Best counsellor', issuer: 'Akimat', year: '2024' },
        { bytes: pdf(), name: 'a.pdf', type: 'application/pdf' },
      ).expect(201)
    ).body.data.id;
    await download(coordinator, mine, added).expect(200);
    assert.equal(await stored(mine), count + 1);
  });

  it('deletes a document outright on request, audited', async () => {
    const doc = (await upload(me, mine, { kind: 'photo' }, { bytes: PNG, name: 'old.png', type: 'image/png' }).expect(201)).body.data.id as number;
    const before = await auditCount('talent.specialists.documentDelete', mine);
    await remove(me, mine, doc).expect(204);
    assert.equal(await ctx.strapi.db.connection(DOCUMENTS).where({ id: doc }).first(), undefined);
    assert.equal(await auditCount('talent.specialists.documentDelete', mine), before + 1);
    await download(me, mine, doc).expect(404);
    await remove(me, mine, doc).expect(404);
    const card = (await me.http.get(`/talent/specialists/${mine}`).expect(200)).body.data;
    assert.ok(!card.documents.some((d: { id: number }) => d.id === doc));
  });

  it('shows the people the specialist consulted within the viewer’s scope, and exports them for the specialist and their coordinator', async () => {
    const tel = `+7701${crypto.randomInt(1e6, 9e6)}`;
    const surname = `Қасым${[...crypto.randomBytes(4)].map((b) => 'абвгдежзиклмнопрстуфхшыәіңғүұқөһ'[b % 32]).join('')}`;
    const user = await confirmedUser({ surname, firstName: 'Дана', phone: tel, region: 'KZ-63', locality: 'kz-63-oskemen', birthDate: '2010-04-05' });
    // Served at the centre (a request there), then consulted by the specialist (a completed booking).
    await operator.http
      .post('/crm/requests', { person: { user: user.documentId }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
      .expect(201);
    const start = new Date(Date.now() - 2 * 86_400_000);
    await ctx.strapi.db.query('plugin::booking.booking').create({
      data: {
        user: user.id,
        specialist: mine,
        centre: CENTRE,
        service: 'consultation',
        format: 'offline',
        status: 'completed',
        start,
        end: new Date(start.getTime() + 3_600_000),
        history: [],
      },
    });
    await settled();
    const consulted = (await me.http.get(`/talent/specialists/${mine}`).expect(200)).body.data.consulted as Array<{
      id: number;
      name: string;
      consultations: number;
    }>;
    const her = consulted.find((p) => p.name.startsWith(surname));
    assert.ok(her, 'the specialist sees whom they consulted');
    assert.equal(her.consultations, 1);
    const byCoordinator = (await coordinator.http.get(`/talent/specialists/${mine}`).expect(200)).body.data;
    assert.ok(byCoordinator.consulted.some((p: { id: number }) => p.id === her.id));
    assert.equal(byCoordinator.journal.completed >= 1, true);

    const before = await auditCount('talent.specialists.peopleExport', mine);
    const csv = await me.http.get(`/talent/specialists/${mine}/people-export`, { file: 'csv' }).expect(200);
    assert.match(csv.headers['content-type'], /text\/csv/);
    assert.equal(csv.headers['cache-control'], 'no-store');
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.match(lines[0]!, /^Name,Date of birth,Region,Services used,Consultations/);
    const line = lines.find((l) => l.includes(surname));
    assert.ok(line, 'the export lists her');
    assert.match(line, /2010-04-05/);
    assert.doesNotMatch(csv.text, new RegExp(tel.slice(2)), 'no phone in the psychologist’s export');
    await coordinator.http.get(`/talent/specialists/${mine}/people-export`, { file: 'xlsx' }).expect(200);
    assert.equal(await auditCount('talent.specialists.peopleExport', mine), before + 2);
    const bad = await me.http.get(`/talent/specialists/${mine}/people-export`, { file: 'pdf', q: 'x' }).expect(400);
    assert.deepEqual(fieldsOf(bad), ['file:export.file', 'q:field.notAllowed']);
  });
});
