import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx, smsTo } from '../setup/context.ts';
import { api, confirmedUser } from './helpers.ts';
import { callEvent, lineOf, postCall, signature, staffMember, type Staff } from './crm-helpers.ts';

// East Kazakhstan's centre (the demo coordinator's region) and a centre of another region.
const CENTRE = 'east-kazakhstan';
const OTHER = 'pavlodar';
const REQUEST = 'plugin::crm.request';
const requestCount = () => ctx.strapi.db.query(REQUEST).count();
const auditCount = (action: string) => ctx.strapi.db.query('api::audit-event.audit-event').count({ where: { action } });

type View = {
  id: string;
  number: string;
  status: string;
  source: string;
  person: { kind: string; name: string; phone: string | null };
  centre: { slug: string } | null;
  region: { code: string } | null;
  specialist: { id: number } | null;
  booking: { id: string; status: string } | null;
  wish: string | null;
  outcome: string | null;
  history?: Array<{ action: string }>;
};

/** A specialist of our own at `centre` working every day 08:00–20:00, so that slots exist whatever the day. */
async function specialistAt(centre: string, staffProfile?: number) {
  const { forgetSlots } = await import('../../plugins/booking/dist/server/slots.js');
  const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((day) => ({ day, opens: '08:00', closes: '20:00' }));
  const row = await ctx.strapi.db.query('plugin::booking.specialist').create({
    data: {
      name: `CRM ${crypto.randomBytes(3).toString('hex')}`,
      centre,
      active: true,
      services: ['consultation', 'testing'],
      formats: ['offline', 'online'],
      hours: days,
      timings: { consultation: { slotMinutes: 45, bufferMinutes: 15 }, testing: { slotMinutes: 90, bufferMinutes: 0 } },
      staffProfile,
    },
  });
  forgetSlots();
  return row as { id: number; name: string };
}

async function slotOf(name: string, centre = CENTRE, day = 2) {
  const res = await api()
    .get('/api/booking/slots')
    .query({ centre, service: 'consultation', format: 'offline', from: addDays(kzDate(new Date()), day), to: addDays(kzDate(new Date()), day + 2) })
    .expect(200);
  return res.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === name) as { id: string; date: string; time: string };
}

const profileOf = async (staff: Staff) =>
  (await ctx.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { user: { id: staff.id } } })).id as number;
const ids = (res: { body: { data: View[] } }) => res.body.data.map((r) => r.id);

describe('crm: the call-centre webhook', () => {
  it('turns a signed call into a request, once per call id, and answers only its number', async () => {
    const event = callEvent({ line: await lineOf(CENTRE), ivr: 'testing' });
    const signedAt = Math.floor(Date.now() / 1000);
    const first = await postCall(event, signature(JSON.stringify(event), { timestamp: signedAt })).expect(201);
    assert.match(first.body.data.number, /^Q-\d{6}$/);
    assert.deepEqual(Object.keys(first.body.data).sort(), ['id', 'number', 'status']);
    // The telephony retries (another timestamp, so another signature): the same request, 200. The
    // timestamp is the first one's less a second: taken from the clock, it could fall on the same one.
    const retry = await postCall(event, signature(JSON.stringify(event), { timestamp: signedAt - 1 })).expect(200);
    assert.equal(retry.body.data.id, first.body.data.id);
    const row = await ctx.strapi.db.query(REQUEST).findOne({ where: { documentId: first.body.data.id } });
    assert.equal(row.source, 'call_centre');
    assert.equal(row.service, 'testing');
    assert.equal(row.centre, CENTRE);
    assert.equal(row.region, 'KZ-63');
    assert.equal(row.personKind, 'lead');
    assert.equal(row.phone, event.caller);
  });

  it('matches the caller to their account by phone and routes by their region when the line is national', async () => {
    const phone = `+7701${crypto.randomInt(1e6, 9e6)}`;
    const user = await confirmedUser({ phone, region: 'KZ-55', locality: 'kz-55-pavlodar' });
    const res = await postCall(callEvent({ caller: `8 ${phone.slice(2, 5)} ${phone.slice(5)}`, line: '+7 7172 00 14 14' })).expect(201);
    const row = await ctx.strapi.db.query(REQUEST).findOne({ where: { documentId: res.body.data.id } });
    assert.equal(row.personKind, 'user');
    assert.equal(row.userId, user.id);
    assert.equal(row.phone, null, 'a registered person’s phone stays in their account, not copied');
    assert.equal(row.region, 'KZ-55');
    assert.equal(row.centre, OTHER);
  });

  it('refuses unsigned, unknown, stale, altered and replayed calls with 401/409, storing nothing and logging each', async () => {
    const event = callEvent();
    const raw = JSON.stringify(event);
    const before = await requestCount();
    const refusedBefore = await auditCount('crm.call.refused');
    await postCall(raw, {}).expect(401);
    await postCall(raw, signature(raw, { integration: 'stranger' })).expect(401);
    await postCall(raw, signature(raw, { secret: 'not-the-secret-at-all-123' })).expect(401);
    const stale = await postCall(raw, signature(raw, { timestamp: Math.floor(Date.now() / 1000) - 301 }), 'ru').expect(401);
    assert.match(stale.body.error.message, /5 минут/);
    await postCall(raw, signature(raw, { timestamp: Math.floor(Date.now() / 1000) + 400 })).expect(401);
    // One byte changed after signing.
    const headers = signature(raw);
    await postCall(raw.replace(event.caller, event.caller.slice(0, -1) + ((Number(event.caller.slice(-1)) + 1) % 10)), headers).expect(401);
    assert.equal(await requestCount(), before);
    assert.equal(await auditCount('crm.call.refused'), refusedBefore + 6);
    // The genuine call, then the very same bytes and headers again: a replay.
    await postCall(raw, headers).expect(201);
    const replay = await postCall(raw, headers).expect(409);
    assert.equal(replay.body.error.details.code, 'call.replayed');
    assert.equal(await requestCount(), before + 1);
  });

  it('refuses a signed call with bad fields field by field, in the language asked for', async () => {
    const before = await requestCount();
    const bad = { callId: 'x y', caller: 'nobody', line: '12', at: 'yesterday', operator: 'me', ivr: 'x'.repeat(41), extra: 1 };
    const res = await postCall(JSON.stringify(bad), signature(JSON.stringify(bad)), 'kk').expect(400);
    assert.deepEqual(res.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), [
      'at',
      'callId',
      'caller',
      'extra',
      'ivr',
      'line',
      'operator',
    ]);
    assert.match(res.body.error.message, /[әіңғүұқөһ]/i);
    await postCall('not json', signature('not json')).expect(400);
    assert.equal(await requestCount(), before);
  });
});

describe('crm: the registry by role', () => {
  let coordinator: Staff;
  let otherCoordinator: Staff;
  let specialist: Staff;
  let operator: Staff;
  let curator: Staff;
  let mine: { id: number; name: string };
  let callRequest = '';

  before(async () => {
    [coordinator, otherCoordinator, specialist, operator, curator] = await Promise.all([
      staffMember('qabilet-regional-coordinator', CENTRE),
      staffMember('qabilet-regional-coordinator', OTHER),
      staffMember('qabilet-specialist', CENTRE),
      staffMember('qabilet-call-centre-operator', 'astana'),
      staffMember('qabilet-project-curator', 'astana'),
    ]);
    mine = await specialistAt(CENTRE, await profileOf(specialist));
    const res = await postCall(callEvent({ line: await lineOf(CENTRE), operator: operator.email })).expect(201);
    callRequest = res.body.data.id;
  });

  it('shows a call at once to the region’s coordinator and the centre’s specialist, not to another region', async () => {
    assert.ok(ids(await coordinator.http.get('/crm/requests', { pageSize: 100 }).expect(200)).includes(callRequest));
    assert.ok(ids(await specialist.http.get('/crm/requests', { pageSize: 100 }).expect(200)).includes(callRequest));
    assert.ok(ids(await curator.http.get('/crm/requests', { pageSize: 100 }).expect(200)).includes(callRequest));
    assert.ok(!ids(await otherCoordinator.http.get('/crm/requests', { pageSize: 100 }).expect(200)).includes(callRequest));
    const refusals = await auditCount('crm.refused');
    await otherCoordinator.http.get(`/crm/requests/${callRequest}`).expect(404);
    const byFilter = await otherCoordinator.http.get('/crm/requests', { centre: CENTRE }).expect(400);
    assert.equal(byFilter.body.error.details.errors[0].path[0], 'centre');
    await otherCoordinator.http.get('/crm/exports/requests', { file: 'csv', centre: CENTRE }).expect(400);
    await otherCoordinator.http.post(`/crm/requests/${callRequest}/close`, { status: 'no_answer' }).expect(404);
    assert.equal(await auditCount('crm.refused'), refusals + 4);
  });

  it('gives the operator the call in progress, and lets them enter and book a request for a caller', async () => {
    const current = await operator.http.get('/crm/calls/current').expect(200);
    assert.equal(current.body.data.id, callRequest);
    // Field by field, in Russian, nothing stored.
    const before = await requestCount();
    const bad = await operator.http.post('/crm/requests', {
      person: { lead: { name: '7', phone: '123' } },
      service: 'massage',
      format: 'paper',
      region: 'KZ-99',
      role: 'admin',
    });
    assert.equal(bad.status, 400);
    assert.deepEqual(bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.')).sort(), [
      'consent',
      'format',
      'person.lead.name',
      'person.lead.phone',
      'region',
      'role',
      'service',
    ]);
    assert.equal(await requestCount(), before);
    const phone = `+7747${crypto.randomInt(1e6, 9e6)}`;
    const created = await operator.http
      .post('/crm/requests', {
        person: { lead: { name: 'Дана Серікова', phone: `8 ${phone.slice(2)}` } },
        service: 'consultation',
        format: 'offline',
        centre: CENTRE,
        wish: 'after school, next week',
        consent: true,
        language: 'ru',
      })
      .expect(201);
    const view: View = created.body.data;
    assert.equal(view.status, 'open');
    assert.equal(view.source, 'call_centre');
    assert.equal(view.person.phone, phone);
    const slot = await slotOf(mine.name);
    const smsBefore = ctx.sms.length;
    const booked: View = (await operator.http.post(`/crm/requests/${view.id}/book`, { slot: slot.id }).expect(200)).body.data;
    assert.equal(booked.status, 'confirmed');
    assert.equal(booked.specialist?.id, mine.id);
    assert.equal(booked.booking?.status, 'confirmed');
    // The caller is told by SMS, in the language they speak, with the centre and the time.
    assert.match((await smsTo(phone, smsBefore)).body, new RegExp(slot.time));
    // A second booking of the same request, and a taken slot for another, are refused.
    await operator.http.post(`/crm/requests/${view.id}/book`, { slot: slot.id }).expect(409);
    const again = (
      await operator.http
        .post('/crm/requests', { person: { lead: { name: 'Арман', phone } }, service: 'consultation', format: 'offline', centre: CENTRE, consent: true })
        .expect(201)
    ).body.data;
    const taken = await operator.http.post(`/crm/requests/${again.id}/book`, { slot: slot.id }).expect(409);
    assert.equal(taken.body.error.details.code, 'slot.taken');
    // The coordinator and the specialist see it with its booking; the history says who did what.
    const detail: View = (await coordinator.http.get(`/crm/requests/${view.id}`).expect(200)).body.data;
    assert.deepEqual(
      detail.history?.map((h) => h.action),
      ['created', 'booked'],
    );
    assert.ok(ids(await specialist.http.get('/crm/requests', { status: 'confirmed', pageSize: 100 }).expect(200)).includes(view.id));
    // When the caller calls back, the operator finds the request by their phone.
    assert.ok(ids(await operator.http.get('/crm/requests', { phone: `+7 ${phone.slice(2)}` }).expect(200)).includes(view.id));
  });

  it('finds registered people by phone for the operator, with their children', async () => {
    const phone = `+7702${crypto.randomInt(1e6, 9e6)}`;
    const parent = await confirmedUser({ phone, birthDate: '1985-01-10', userType: 'parent', education: 'university' });
    const res = await operator.http.get('/crm/people', { phone }).expect(200);
    assert.equal(res.body.data.length, 1);
    assert.equal(res.body.data[0].id, parent.documentId);
    await operator.http.get('/crm/people', { phone: 'abc' }).expect(400);
    await coordinator.http.get('/crm/people', { phone }).expect(200);
    await curator.http.get('/crm/people', { phone }).expect(403);
  });

  it('records a site booking as a request and moves it with the booking', async () => {
    const user = await confirmedUser({ birthDate: '2000-02-02', userType: 'student', education: 'university', phone: `+7705${crypto.randomInt(1e6, 9e6)}` });
    const slot = await slotOf(mine.name, CENTRE, 3);
    const booking = (
      await api()
        .post('/api/booking/bookings')
        .set('Authorization', `Bearer ${user.jwt}`)
        .send({ slot: slot.id, service: 'consultation', format: 'offline' })
        .expect(201)
    ).body.data;
    const row = await ctx.strapi.db.query(REQUEST).findOne({ where: { userId: user.id } });
    assert.equal(row.source, 'site');
    assert.equal(row.status, 'booked');
    assert.equal(row.region, 'KZ-63');
    await api().post(`/api/booking/bookings/${booking.id}/cancel`).set('Authorization', `Bearer ${user.jwt}`).send({ reason: 'ill' }).expect(200);
    const after = await ctx.strapi.db.query(REQUEST).findOne({ where: { id: row.id } });
    assert.equal(after.status, 'cancelled');
    assert.deepEqual(
      after.history.map((h: { action: string }) => h.action),
      ['created', 'cancelled'],
    );
  });

  it('lets the coordinator assign and act in bulk, each refusal said, and the specialist complete with a note', async () => {
    const make = async () =>
      (
        await coordinator.http
          .post('/crm/requests', {
            person: { lead: { name: 'Ерлан', phone: `+7775${crypto.randomInt(1e6, 9e6)}` } },
            service: 'consultation',
            format: 'offline',
            centre: CENTRE,
            consent: true,
          })
          .expect(201)
      ).body.data as View;
    const [a, b, c] = [await make(), await make(), await make()];
    const assigned: View = (await coordinator.http.post(`/crm/requests/${a.id}/assign`, { specialist: mine.id }).expect(200)).body.data;
    assert.equal(assigned.specialist?.id, mine.id);
    const foreign = await specialistAt(OTHER);
    await coordinator.http.post(`/crm/requests/${b.id}/assign`, { specialist: foreign.id }).expect(400);
    const bulk = await coordinator.http.post('/crm/requests/bulk', { ids: [b.id, c.id, callRequest, 'nosuchrequest000'], action: 'no_answer' }).expect(200);
    assert.equal(bulk.body.data.updated, 3);
    assert.deepEqual(
      bulk.body.data.refused.map((r: { id: string }) => r.id),
      ['nosuchrequest000'],
    );
    const again = await coordinator.http.post('/crm/requests/bulk', { ids: [b.id], action: 'cancel' }).expect(200);
    assert.equal(again.body.data.updated, 0);
    assert.match(again.body.data.refused[0].message, /No answer/);
    await coordinator.http.post('/crm/requests/bulk', { ids: [], action: 'explode' }).expect(400);
    await curator.http.post('/crm/requests/bulk', { ids: [a.id], action: 'cancel' }).expect(403);
    await curator.http.post(`/crm/requests/${a.id}/assign`, { specialist: mine.id }).expect(403);
    await specialist.http.post(`/crm/requests/${a.id}/assign`, { specialist: mine.id }).expect(403);

    // The specialist completes a consultation held: with a note, and only once it started.
    const user = await confirmedUser({ birthDate: '2000-02-02', userType: 'student', education: 'university', phone: `+7708${crypto.randomInt(1e6, 9e6)}` });
    const slot = await slotOf(mine.name, CENTRE, 4);
    await api()
      .post('/api/booking/bookings')
      .set('Authorization', `Bearer ${user.jwt}`)
      .send({ slot: slot.id, service: 'consultation', format: 'offline' })
      .expect(201);
    const row = await ctx.strapi.db.query(REQUEST).findOne({ where: { userId: user.id } });
    await specialist.http.post(`/crm/requests/${row.documentId}/close`, { status: 'completed' }).expect(400);
    const early = await specialist.http.post(`/crm/requests/${row.documentId}/close`, { status: 'completed', note: 'Talked about IT.' }).expect(400);
    assert.match(early.body.error.message, /confirmed|Booked/i);
    const booking = await ctx.strapi.db.query('plugin::booking.booking').findOne({ where: { id: row.bookingId } });
    const past = new Date(Date.now() - 3_600_000);
    await ctx.strapi.db.query('plugin::booking.booking').update({
      where: { id: booking.id },
      data: { status: 'confirmed', start: past.toISOString(), end: new Date(past.getTime() + 45 * 60_000).toISOString() },
    });
    await ctx.strapi.db.query(REQUEST).update({ where: { id: row.id }, data: { status: 'confirmed' } });
    const done: View = (
      await specialist.http
        .post(`/crm/requests/${row.documentId}/close`, { status: 'completed', note: 'Talked about IT; suggested the interests test.' })
        .expect(200)
    ).body.data;
    assert.equal(done.status, 'completed');
    assert.equal(done.outcome, 'Talked about IT; suggested the interests test.');
    assert.equal((await ctx.strapi.db.query('plugin::booking.booking').findOne({ where: { id: booking.id } })).status, 'completed');
  });

  it('filters and pages, and refuses bad filters field by field', async () => {
    const res = await coordinator.http
      .get('/crm/requests', { status: 'open,no_answer', source: 'call_centre', from: kzDate(new Date()), to: kzDate(new Date()), page: 1, pageSize: 2 })
      .expect(200);
    assert.ok(res.body.meta.pagination.total >= 2);
    assert.equal(res.body.data.length, 2);
    assert.ok(res.body.data.every((r: View) => ['open', 'no_answer'].includes(r.status) && r.source === 'call_centre'));
    const bad = await coordinator.http
      .get('/crm/requests', { status: 'lost', service: 'x', from: '2026-13-01', to: '2020-01-01', page: 0, pageSize: 1000, sort: 'id' })
      .expect(400);
    assert.deepEqual(bad.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['from', 'page', 'pageSize', 'service', 'sort', 'status']);
    await api().get('/crm/requests').expect(401);
  });

  it('exports the region’s list to XLSX and CSV by the template, neutralising formulas, and logs it', async () => {
    const dangerous = '=HYPERLINK("http://evil.example","click")';
    const req = (
      await coordinator.http
        .post('/crm/requests', {
          person: { lead: { name: 'Гүлжан', phone: `+7776${crypto.randomInt(1e6, 9e6)}` } },
          service: 'testing',
          format: 'online',
          centre: CENTRE,
          consent: true,
          wish: dangerous,
        })
        .expect(201)
    ).body.data as View;
    const total = (await coordinator.http.get('/crm/requests', { pageSize: 1 }).expect(200)).body.meta.pagination.total;
    const exportsBefore = await auditCount('crm.export');
    const file = await coordinator.http
      .get('/crm/exports/requests', { file: 'xlsx', locale: 'ru' })
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    assert.match(String(file.headers['content-disposition']), /attachment; filename="qabilet-requests-registry-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as never);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.getRow(1).getCell(1).value, 'Номер заявки');
    assert.equal(sheet.rowCount, total + 1);
    const wishColumn = (sheet.getRow(1).values as string[]).indexOf('Пожелание');
    const cells = sheet.getColumn(wishColumn).values as unknown[];
    assert.ok(cells.includes(`'${dangerous}`), 'the formula is exported as text');
    assert.ok(!cells.includes(dangerous));
    // Another region's coordinator exports theirs: ours is not in it.
    const theirs = await otherCoordinator.http.get('/crm/exports/requests', { file: 'csv' }).expect(200);
    assert.ok(!theirs.text.includes(req.number));
    const csv = await coordinator.http.get('/crm/exports/requests', { file: 'csv', status: 'open', service: 'testing' }).expect(200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.text.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`));
    assert.equal(await auditCount('crm.export'), exportsBefore + 3);
    const logged = await ctx.strapi.db
      .query('api::audit-event.audit-event')
      .findOne({ where: { action: 'crm.export', actorId: String(coordinator.id) }, orderBy: { id: 'desc' } });
    assert.deepEqual(logged.details.filters, { status: ['open'], service: ['testing'] });
    assert.ok(!JSON.stringify(logged.details).includes('Гүлжан'));
    // The curator exports too; the specialist may not; a bad request is 400.
    await curator.http.get('/crm/exports/requests', { file: 'csv', status: 'open' }).expect(200);
    await specialist.http.get('/crm/exports/requests', { file: 'csv' }).expect(403);
    const bad = await coordinator.http.get('/crm/exports/requests', { file: 'pdf', template: 'nope' }).expect(400);
    assert.deepEqual(bad.body.error.details.errors.map((e: { path: string[] }) => e.path[0]).sort(), ['file', 'template']);
  });

  it('keeps export templates to known columns with headers in three languages', async () => {
    const { DEFAULT_TEMPLATE } = await import('../../plugins/crm/dist/server/exports.js');
    const templates = (await coordinator.http.get('/crm/exports/templates').expect(200)).body.data;
    assert.deepEqual(
      templates[0].columns.map((c: { key: string }) => c.key),
      DEFAULT_TEMPLATE.columns.map((c: { key: string }) => c.key),
    );
    await assert.rejects(
      ctx.strapi.db
        .query('plugin::crm.export-template')
        .create({ data: { key: 'bad', name: 'Bad', columns: [{ key: 'password', header: { kk: 'a', ru: 'b', en: 'c' } }] } }),
      /Unknown column/,
    );
    const short = await ctx.strapi.db.query('plugin::crm.export-template').create({
      data: {
        key: `short-${crypto.randomBytes(2).toString('hex')}`,
        name: 'Short',
        columns: [
          { key: 'number', header: { kk: 'Нөмір', ru: 'Номер', en: 'Number' } },
          { key: 'status', header: { kk: 'Күйі', ru: 'Статус', en: 'Status' } },
        ],
      },
    });
    const csv = await coordinator.http.get('/crm/exports/requests', { file: 'csv', template: short.key, locale: 'kk' }).expect(200);
    assert.equal(csv.text.split('\r\n')[0], '\ufeffНөмір,Күйі');
  });
});
