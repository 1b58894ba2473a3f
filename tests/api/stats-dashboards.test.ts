/**
 * The staff's dashboards (plugin stats, dashboards part): the panels of each role within its scope,
 * read from the rollups (a period's whole months from stats_monthly, its edge days from
 * stats_daily), places outside the scope refused, queries checked field by field in the caller's
 * language, a panel exported as CSV/XLSX and audited, and no dashboard for operators and content
 * managers. Rows are put straight into the rollups in years no real record of the run falls in
 * (2017–2019), and this month's under a specialist of its own, so every figure is known exactly;
 * they are taken away after.
 */
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { DashboardView, Panel, SummaryView } from '@qabilet/domain';
import { addDays, kzDate } from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api } from './helpers.ts';
import { putRollup as put, removeRollupYear, type RollupPlace as Place } from './rollup-helpers.ts';
import { staffMember, type Staff } from './crm-helpers.ts';
import { completedConsultation, family, interests, specialistOf } from './talent-helpers.ts';

const CENTRE = 'east-kazakhstan';
const postgres = process.env.DATABASE_CLIENT === 'postgres';
const OTHER = 'pavlodar';

const dashboard = (staff: Staff, query: Record<string, unknown>) => staff.http.get('/stats/dashboard', query);
const panel = (view: DashboardView, id: string) => view.panels.find((p) => p.id === id) as Panel;
const row = (p: Panel, key: string) => p.rows.find((r) => r.key === key);
const errorsOf = (body: { error: { details: { errors: Array<{ path: string[]; code: string; message: string }> } } }) =>
  body.error.details.errors.map((e) => `${e.path.join('.')}:${e.code}`).sort();

describe('stats: the staff’s dashboards', () => {
  let specialist: Staff, coordinator: Staff, curator: Staff, operator: Staff, contentManager: Staff, otherSpecialist: Staff;
  const EK: Place = { region: 'KZ-63', locality: 'kz-63-oskemen' };
  const PV: Place = { region: 'KZ-55', locality: 'kz-55-pavlodar' };
  before(async () => {
    specialist = await staffMember('qabilet-specialist', CENTRE);
    otherSpecialist = await staffMember('qabilet-specialist', CENTRE);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    curator = await staffMember('qabilet-project-curator', CENTRE);
    operator = await staffMember('qabilet-call-centre-operator', CENTRE);
    contentManager = await staffMember('qabilet-content-manager', CENTRE);
    // Tests of 2019: at the centre, online (no centre), people of Pavlodar at their centre and at East Kazakhstan's.
    await put('2019-04-10', 'test', 'all', '', { ...EK, centre: CENTRE }, 3);
    await put('2019-04-11', 'test', 'all', '', EK, 2);
    await put('2019-04-12', 'test', 'all', '', { ...PV, centre: OTHER }, 7);
    await put('2019-04-12', 'test', 'all', '', { ...PV, centre: CENTRE }, 1);
    // An edge day of the period asked below, and days outside it.
    await put('2019-03-20', 'test', 'all', '', EK, 4);
    await put('2019-03-14', 'test', 'all', '', EK, 100);
    await put('2019-05-11', 'test', 'all', '', EK, 100);
    await put('2019-04-10', 'booking.consultation.completed', 'all', '', { ...EK, centre: CENTRE }, 2);
    // The specialist's own bookings, another specialist's at the same centre, and theirs at another centre.
    const mine = String(specialist.id);
    const at = { ...EK, centre: CENTRE };
    for (const [metric, n] of [
      ['booking.consultation.completed', 2],
      ['booking.consultation.confirmed', 1],
      ['booking.consultation.no_show', 1],
      ['booking.consultation.cancelled', 5],
      ['booking.testing.completed', 1],
      ['recommendation', 3],
      ['booking.afterTest', 1],
    ] as const)
      await put('2019-04-10', metric, 'staff', mine, at, n);
    await put('2019-05-02', 'recommendation', 'staff', mine, at, 2);
    await put('2019-04-10', 'booking.consultation.completed', 'staff', String(otherSpecialist.id), at, 9);
    await put('2019-04-10', 'booking.consultation.completed', 'staff', mine, { ...PV, centre: OTHER }, 9);
  });

  // The rows put here, taken away after: the years of the file, and this month's rows of its specialist.
  after(async () => {
    const knex = ctx.strapi.db.connection;
    for (const year of [2017, 2018, 2019]) await removeRollupYear(year);
    for (const table of ['stats_daily', 'stats_monthly', 'stats_daily_country', 'stats_monthly_country'])
      await knex(table)
        .where({ dim: 'staff', value: String(specialist.id) })
        .delete();
    ctx.strapi.plugin('stats').service('rollups').touched([0]);
  });

  const PERIOD = { from: '2019-03-15', to: '2019-05-10' };

  it('gives the curator the whole country, region by region, and sums whole months with the edge days', async () => {
    const view: DashboardView = (await dashboard(curator, { ...PERIOD, locale: 'en' }).expect(200)).body.data;
    assert.equal(view.role, 'curator');
    assert.equal(view.regions, null);
    assert.deepEqual(view.place, { level: 'country', names: {} });
    assert.deepEqual(view.period, PERIOD);
    assert.deepEqual(
      view.panels.map((p) => p.id),
      [
        'testsByPlace',
        'testsByAge',
        'testsByDirection',
        'servicesByFormat',
        'recommendations',
        'growth',
        'repeats',
        'testTime',
        'itemTime',
        'partnersShare',
        'ratings',
      ],
    );
    const places = panel(view, 'testsByPlace');
    assert.deepEqual(places.total, { tests: 17, consultations: 2 });
    const names = new Map<string, string>(
      (await ctx.strapi.db.query('api::region.region').findMany({ where: { locale: 'en' }, select: ['code', 'name'] })).map(
        (r: { code: string; name: string }) => [r.code, r.name],
      ),
    );
    assert.deepEqual(row(places, 'KZ-63'), { key: 'KZ-63', label: names.get('KZ-63'), values: { tests: 9, consultations: 2 }, drill: { region: 'KZ-63' } });
    assert.deepEqual(row(places, 'KZ-55'), { key: 'KZ-55', label: names.get('KZ-55'), values: { tests: 8, consultations: 0 }, drill: { region: 'KZ-55' } });
    assert.deepEqual(panel(view, 'ratings'), { id: 'ratings', chart: 'table', columns: [], rows: [], unavailable: 'notCollected' });
    // April was read as a whole month: 11–30 April is that month less its first ten days (3 tests on
    // the 10th), fewer units to read than its twenty days.
    const lateApril = (await dashboard(curator, { from: '2019-04-11', to: '2019-04-30' }).expect(200)).body.data as DashboardView;
    assert.equal(panel(lateApril, 'testsByPlace').total?.tests, 10);
    assert.deepEqual(row(panel(lateApril, 'testsByPlace'), 'KZ-63')?.values, { tests: 2, consultations: 0 });
    const april = (await dashboard(curator, { from: '2019-04-02', to: '2019-04-30' }).expect(200)).body.data as DashboardView;
    assert.equal(panel(april, 'testsByPlace').total?.tests, 13);
  });

  it('keeps a period’s sums until a write of their rows tells they changed, then reads them again', async () => {
    const tests = async () => (panel((await dashboard(curator, PERIOD).expect(200)).body.data, 'testsByPlace').total?.tests ?? 0) as number;
    assert.equal(await tests(), 17);
    // Five more tests on 11 April 2019, written behind the rollups' back: no writer told of them, so the kept sums stand.
    const knex = ctx.strapi.db.connection;
    const country = { metric: 'test', dim: 'all', value: '' };
    const key = { ...country, region: 'KZ-63', locality: 'kz-63-oskemen', centre: '' };
    const behindTheBack = async (n: number) => {
      for (const [table, where] of [
        ['stats_daily', { ...key, period: 20190411 }],
        ['stats_monthly', { ...key, period: 201904 }],
        ['stats_daily_country', { ...country, period: 20190411 }],
        ['stats_monthly_country', { ...country, period: 201904 }],
      ] as const)
        await knex(table).where(where).increment('n', n);
    };
    await behindTheBack(5);
    try {
      assert.equal(await tests(), 17, 'the kept sums are not read again');
      if (postgres) {
        // As another CMS instance tells of its writes: a notification on commit, heard by this one's listener.
        await knex.raw('SELECT pg_notify(?, ?)', ['qabilet_stats_touched', '20190411']);
        let seen = 17;
        for (let i = 0; i < 50 && seen === 17; i += 1) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          seen = await tests();
        }
        assert.equal(seen, 22, 'another instance’s notification makes the day and its month read again');
      } else {
        ctx.strapi.plugin('stats').service('rollups').touched([20190411]);
        assert.equal(await tests(), 22, 'a writer’s touch makes the day and its month read again');
      }
    } finally {
      await behindTheBack(-5);
      ctx.strapi.plugin('stats').service('rollups').touched([201904]);
    }
    assert.equal(await tests(), 17);
  });

  it('shows a coordinator their region and the people their centres served, and refuses a place outside it', async () => {
    const view: DashboardView = (await dashboard(coordinator, PERIOD).expect(200)).body.data;
    assert.equal(view.role, 'coordinator');
    assert.ok(view.regions?.includes('KZ-63') && !view.regions.includes('KZ-55'));
    const places = panel(view, 'testsByPlace');
    assert.deepEqual(places.total, { tests: 10, consultations: 2 });
    assert.deepEqual(row(places, 'KZ-63')?.drill, { region: 'KZ-63' });
    // Pavlodar's person served by East Kazakhstan's centre is counted, but Pavlodar is not theirs to open.
    assert.equal(row(places, 'KZ-55')?.values.tests, 1);
    assert.equal(row(places, 'KZ-55')?.drill, undefined);

    const region: DashboardView = (await dashboard(coordinator, { ...PERIOD, region: 'KZ-63', locale: 'kk' }).expect(200)).body.data;
    const regionName = (await ctx.strapi.db.query('api::region.region').findOne({ where: { code: 'KZ-63', locale: 'kk' }, select: ['name'] })).name;
    assert.deepEqual(region.place, { region: 'KZ-63', level: 'region', names: { region: regionName } });
    assert.deepEqual(
      panel(region, 'testsByPlace').rows.map((r) => [r.key, r.values.tests, r.drill]),
      [['kz-63-oskemen', 9, { region: 'KZ-63', locality: 'kz-63-oskemen' }]],
    );
    const locality: DashboardView = (await dashboard(coordinator, { ...PERIOD, region: 'KZ-63', locality: 'kz-63-oskemen', locale: 'ru' }).expect(200)).body
      .data;
    const centres = panel(locality, 'testsByPlace');
    assert.deepEqual(row(centres, '')?.values.tests, 6);
    assert.equal(row(centres, '')?.label, 'Без центра (онлайн)');
    assert.equal(row(centres, CENTRE)?.values.tests, 3);
    assert.deepEqual(row(centres, CENTRE)?.drill, { region: 'KZ-63', locality: 'kz-63-oskemen', centre: CENTRE });

    for (const outside of [{ region: 'KZ-55' }, { locality: 'kz-55-pavlodar' }, { centre: OTHER }]) {
      const res = await dashboard(coordinator, { ...PERIOD, ...outside }).expect(403);
      assert.equal(res.body.error.details.code, 'place.outsideScope', JSON.stringify(outside));
    }
  });

  it('follows a coordinator moved to another centre at once: their scope is kept only until a staff profile changes', async () => {
    const moved = await staffMember('qabilet-regional-coordinator', CENTRE);
    const before: DashboardView = (await dashboard(moved, PERIOD).expect(200)).body.data;
    assert.ok(before.regions?.includes('KZ-63') && !before.regions.includes('KZ-55'));
    const profiles = ctx.strapi.documents('api::staff-profile.staff-profile');
    const profile = (await profiles.findFirst({ filters: { user: { id: moved.id } } as never }))!;
    const pavlodar = await ctx.strapi.db.query('api::centre.centre').findOne({ where: { slug: OTHER, locale: 'kk' }, populate: { region: true } });
    await profiles.update({ documentId: profile.documentId, data: { centre: pavlodar.documentId, region: pavlodar.region?.documentId } as never });
    const after: DashboardView = (await dashboard(moved, PERIOD).expect(200)).body.data;
    assert.ok(after.regions?.includes('KZ-55') && !after.regions.includes('KZ-63'), JSON.stringify(after.regions));
    await dashboard(moved, { ...PERIOD, region: 'KZ-63' }).expect(403);
  });

  it('shows a specialist their own work at their centre, month by month, and nothing else', async () => {
    const view: DashboardView = (await dashboard(specialist, PERIOD).expect(200)).body.data;
    assert.equal(view.role, 'specialist');
    assert.deepEqual(
      view.panels.map((p) => p.id),
      ['consultations', 'noShows', 'recommendations', 'afterTest', 'ratings'],
    );
    const consultations = panel(view, 'consultations');
    assert.deepEqual(
      consultations.rows.map((r) => r.key),
      ['2019-03', '2019-04', '2019-05'],
    );
    assert.deepEqual(row(consultations, '2019-04')?.values, { booked: 4, delivered: 2, share: 0.5 });
    assert.deepEqual(row(consultations, '2019-03')?.values, { booked: 0, delivered: 0, share: null });
    assert.deepEqual(panel(view, 'noShows').total, { booked: 5, noShows: 1, share: 0.2 });
    assert.deepEqual(panel(view, 'recommendations').total, { recommendations: 5 });
    assert.deepEqual(row(panel(view, 'recommendations'), '2019-05')?.values, { recommendations: 2 });
    assert.deepEqual(panel(view, 'afterTest').total, { afterTest: 1 });
    assert.equal(panel(view, 'ratings').unavailable, 'notCollected');
    // Their centre by name is theirs; another centre, a region or a locality is not.
    await dashboard(specialist, { ...PERIOD, centre: CENTRE }).expect(200);
    for (const outside of [{ centre: OTHER }, { region: 'KZ-63' }, { locality: 'kz-63-oskemen' }])
      assert.equal((await dashboard(specialist, { ...PERIOD, ...outside }).expect(403)).body.error.details.code, 'place.outsideScope');
    // The other specialist of the same centre sees only their own.
    const other: DashboardView = (await dashboard(otherSpecialist, PERIOD).expect(200)).body.data;
    assert.deepEqual(panel(other, 'consultations').total, { booked: 9, delivered: 9, share: 1 });
  });

  it('refuses a malformed query field by field, in the caller’s language, and never answers 500', async () => {
    const res = await curator.http
      .get('/stats/dashboard', { from: '2026-02-30', to: 'tomorrow', region: 'kz-63', locality: 'Oskemen', centre: 'A B', locale: 'de', role: 'admin' })
      .expect(400);
    assert.deepEqual(errorsOf(res.body), [
      'centre:centre.malformed',
      'from:date.malformed',
      'locale:locale.malformed',
      'locality:locality.malformed',
      'region:region.malformed',
      'role:field.notAllowed',
      'to:date.malformed',
    ]);
    const ru = await request400(curator, { from: '2026-05-02', to: '2026-05-01' }, 'ru');
    assert.deepEqual(errorsOf(ru), ['from:period.order']);
    assert.equal(ru.error.message, 'Период не может закончиться раньше, чем начался.');
    const kk = await request400(curator, { from: '2019-01-01', to: '2026-01-01', locale: 'kk' });
    assert.deepEqual(errorsOf(kk), ['from:period.tooLong']);
    assert.equal(kk.error.message, 'Кезең 5 жылдан аспауы керек.');
    assert.deepEqual(errorsOf(await request400(curator, { region: 'KZ-99', locality: 'kz-99-nowhere', centre: 'atlantis' })), [
      'centre:centre.unknown',
      'locality:locality.unknown',
      'region:region.unknown',
    ]);
    assert.deepEqual(errorsOf(await request400(curator, { region: 'KZ-55', locality: 'kz-63-oskemen' })), ['locality:locality.notInRegion']);
    assert.deepEqual(errorsOf((await curator.http.get('/stats/summary', { from: '2019-01-01' }).expect(400)).body), ['from:field.notAllowed']);
    const file = await curator.http.get('/stats/panels/testsByAge/export', { format: 'pdf', to: '2019-13-01' }).expect(400);
    assert.deepEqual(errorsOf(file.body), ['format:export.format', 'to:date.malformed']);
    assert.equal((await curator.http.get('/stats/panels/nothing/export', { format: 'csv' }).expect(404)).body.error.details.code, 'panel.unknown');
    // A coordinator's panel is not a specialist's.
    assert.equal((await coordinator.http.get('/stats/panels/noShows/export', { format: 'csv' }).expect(404)).body.error.details.code, 'panel.unknown');
  });

  it('exports a panel’s table as CSV and XLSX in the asked language, and audits who exported what', async () => {
    const audits = () => ctx.strapi.db.query('api::audit-event.audit-event').findMany({ where: { action: 'stats.export' }, orderBy: { id: 'asc' } });
    const before = (await audits()).length;
    const csv = await curator.http
      .get('/stats/panels/testsByPlace/export', { ...PERIOD, format: 'csv', locale: 'ru' })
      .buffer(true)
      .expect(200);
    assert.match(csv.headers['content-type'], /^text\/csv/);
    assert.match(csv.headers['content-disposition'], /attachment; filename="qabilet-testsByPlace-2019-03-15-2019-05-10\.csv"/);
    const lines = csv.text
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    assert.equal(lines[0], 'Место,Тесты,Проведённые консультации');
    const ru = new Map<string, string>(
      (await ctx.strapi.db.query('api::region.region').findMany({ where: { locale: 'ru' }, select: ['code', 'name'] })).map(
        (r: { code: string; name: string }) => [r.code, r.name],
      ),
    );
    const quoted = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
    assert.deepEqual(lines.slice(1), [`${quoted(ru.get('KZ-63')!)},9,2`, `${quoted(ru.get('KZ-55')!)},8,0`, 'Итого,17,2']);

    const xlsx = await coordinator.http
      .get('/stats/panels/testsByPlace/export', { ...PERIOD, region: 'KZ-63', format: 'xlsx', locale: 'kk' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body);
    const sheet = book.worksheets[0]!;
    assert.equal(sheet.name, 'Орын бойынша тестілер');
    assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1), ['Орын', 'Тестілер', 'Өткізілген кеңестер']);
    assert.deepEqual((sheet.getRow(3).values as unknown[]).slice(1), ['Барлығы', '9', '2']);

    const rows = (await audits()).slice(before);
    assert.equal(rows.length, 2);
    assert.deepEqual(
      rows.map((r: { actorId: string; subjectType: string; subjectId: string; actorType: string }) => [r.actorType, r.actorId, r.subjectType, r.subjectId]),
      [
        ['admin', String(curator.id), 'stats-panel', 'testsByPlace'],
        ['admin', String(coordinator.id), 'stats-panel', 'testsByPlace'],
      ],
    );
    assert.deepEqual(rows[1].details, { format: 'xlsx', from: PERIOD.from, to: PERIOD.to, region: 'KZ-63', locale: 'kk', rows: 2 });
    // A specialist reads but does not export.
    await specialist.http.get('/stats/panels/consultations/export', { ...PERIOD, format: 'csv' }).expect(403);
  });

  it('refuses operators and content managers everything', async () => {
    for (const staff of [operator, contentManager])
      for (const path of ['/stats/dashboard', '/stats/summary', '/stats/panels/testsByPlace/export?format=csv']) await staff.http.get(path).expect(403);
  });

  it('reads every panel of the overview from its rollups: ages, tests, formats, growth, repeats, times, sources', async () => {
    const at = { region: 'KZ-75', locality: 'kz-75-almaly', centre: 'almaty' };
    await put('2018-02-03', 'test', 'ageFormat', 'age-12-15|online', at, 4);
    await put('2018-02-03', 'test', 'ageFormat', 'age-12-15|offline', at, 1);
    await put('2018-02-03', 'test', 'ageFormat', '|online', at, 2);
    await put('2018-02-03', 'test', 'direction', 'interests', at, 6);
    await put('2018-02-03', 'test', 'direction', 'partner-x', at, 1);
    for (const [source, n] of [
      ['site', 4],
      ['partner', 2],
      ['desktop', 1],
    ] as const)
      await put('2018-02-03', 'test', 'source', source, at, n);
    await put('2018-02-03', 'test', 'format', 'online', at, 6);
    await put('2018-02-03', 'test', 'format', 'offline', at, 1);
    await put('2018-02-03', 'booking.consultation.completed', 'format', 'offline', at, 3);
    await put('2018-02-03', 'booking.consultation.completed', 'format', 'online', at, 1);
    await put('2017-06-01', 'first.recommendation', 'all', '', at, 10);
    await put('2018-01-05', 'first.recommendation', 'all', '', at, 2);
    await put('2018-03-05', 'first.recommendation', 'all', '', at, 3);
    await put('2018-03-05', 'first.consultation', 'all', '', at, 1);
    await put('2018-03-05', 'recommendation', 'all', '', at, 5);
    await put('2018-02-03', 'repeat.scale', 'scale', 'interests|realistic|up', at, 3, 30);
    await put('2018-02-03', 'repeat.scale', 'scale', 'interests|realistic|down', at, 1, -6);
    await put('2018-02-03', 'repeat.scale', 'scale', 'interests|realistic|same', at, 1, 0);
    // Ten finished attempts: 3 in [300, 315), 6 in [600, 660), 1 of three hours.
    await put('2018-02-03', 'test.time', 'time', 'interests|300', at, 3, 903);
    await put('2018-02-03', 'test.time', 'time', 'interests|600', at, 6, 3700);
    await put('2018-02-03', 'test.time', 'time', 'interests|10800', at, 1, 10_830);
    await put('2018-02-03', 'item.time', 'time', 'interests|q1|5', at, 2, 13);
    await put('2018-02-03', 'item.time', 'time', 'interests|q1|10', at, 1, 11);

    const view: DashboardView = (await dashboard(curator, { from: '2018-01-01', to: '2018-03-31', region: 'KZ-75', locale: 'en' }).expect(200)).body.data;
    const ages = panel(view, 'testsByAge');
    assert.deepEqual(row(ages, 'age-12-15'), { key: 'age-12-15', label: '12–15 years', values: { offline: 1, online: 4, tests: 5 } });
    assert.deepEqual(row(ages, '')?.values, { offline: 0, online: 2, tests: 2 });
    assert.deepEqual(ages.total, { offline: 1, online: 6, tests: 7 });
    const title = (await ctx.strapi.db.query('api::test.test').findOne({ where: { slug: 'interests' }, select: ['titleEn'] })).titleEn;
    assert.deepEqual(panel(view, 'testsByDirection').rows, [
      { key: 'interests', label: title, values: { tests: 6 } },
      { key: 'partner-x', label: 'partner-x', values: { tests: 1 } },
    ]);
    assert.deepEqual(row(panel(view, 'servicesByFormat'), 'consultations')?.values, { offline: 3, online: 1, total: 4, onlineShare: 0.25 });
    assert.deepEqual(row(panel(view, 'servicesByFormat'), 'tests')?.values, { offline: 1, online: 6, total: 7, onlineShare: 0.8571 });
    assert.deepEqual(
      panel(view, 'growth').rows.map((r) => [r.key, r.values.firstRecommendations, r.values.recommendedPeople, r.values.consultedPeople]),
      [
        ['2018-01', 2, 12, 0],
        ['2018-02', 0, 12, 0],
        ['2018-03', 3, 15, 1],
      ],
    );
    assert.deepEqual(panel(view, 'recommendations').total, { recommendations: 5 });
    const repeats = panel(view, 'repeats');
    assert.deepEqual(
      repeats.rows.map((r) => [r.key, r.values]),
      [['interests|realistic', { up: 3, same: 1, down: 1, meanDelta: 4.8 }]],
    );
    assert.deepEqual(row(panel(view, 'testTime'), 'interests')?.values, { attempts: 10, median: 630, p90: 630, mean: 1543.3, outliers: 1 });
    assert.deepEqual(row(panel(view, 'itemTime'), 'interests|q1')?.values, { answers: 3, median: 7.5, p90: 12.5, mean: 8, outliers: 0 });
    assert.deepEqual(
      panel(view, 'partnersShare').rows.map((r) => [r.key, r.values.tests, r.values.share]),
      [
        ['site', 4, 0.5714],
        ['partner', 2, 0.2857],
        ['desktop', 1, 0.1429],
      ],
    );
  });

  it('sums the role’s last 30 days for the home page, as the dashboard does', async () => {
    const today = kzDate(new Date());
    const mine = String(specialist.id);
    await put(today, 'booking.consultation.completed', 'staff', mine, { ...EK, centre: CENTRE }, 2);
    await put(today, 'booking.consultation.requested', 'staff', mine, { ...EK, centre: CENTRE }, 2);
    await put(addDays(today, -40), 'booking.consultation.completed', 'staff', mine, { ...EK, centre: CENTRE }, 7);
    const summary: SummaryView = (await specialist.http.get('/stats/summary').expect(200)).body.data;
    assert.deepEqual(summary.period, { from: addDays(today, -29), to: today });
    const value = (s: SummaryView, key: string) => s.figures.find((f) => f.key === key)?.value;
    assert.equal(value(summary, 'consultationsBooked'), 4);
    assert.equal(value(summary, 'consultationsDelivered'), 2);
    assert.equal(value(summary, 'deliveredShare'), 0.5);
    // Today's rows are read on every view (the days before are kept a minute).
    await put(today, 'booking.consultation.completed', 'staff', mine, { ...EK, centre: CENTRE }, 1);
    const again: SummaryView = (await specialist.http.get('/stats/summary').expect(200)).body.data;
    assert.deepEqual([value(again, 'consultationsBooked'), value(again, 'consultationsDelivered')], [5, 3]);
    const coordinatorSummary: SummaryView = (await coordinator.http.get('/stats/summary', { locale: 'ru' }).expect(200)).body.data;
    const view: DashboardView = (await dashboard(coordinator, { from: addDays(today, -29), to: today }).expect(200)).body.data;
    assert.equal(value(coordinatorSummary, 'tests'), panel(view, 'testsByPlace').total?.tests);
    assert.equal(value(coordinatorSummary, 'consultationsDelivered'), panel(view, 'testsByPlace').total?.consultations);
  });
});

/** A stored instant as a Date: epoch ms (PostgreSQL answers bigint columns as text), an ISO string or a Date. */
const instantOf = (v: unknown): Date => (v instanceof Date ? v : typeof v === 'string' && !/^\d+$/.test(v) ? new Date(v) : new Date(Number(v)));

async function request400(staff: Staff, query: Record<string, unknown>, language?: string) {
  const req = staff.http.get('/stats/dashboard', query);
  if (language) req.set('Accept-Language', language);
  return (await req.expect(400)).body;
}

/**
 * From a clean start to the dashboards (issue 19's "done when"): bookings and results made through
 * the real APIs reach the specialist's and the coordinator's dashboards once the rollups have
 * settled, and every figure equals a count made here straight from the source records. The family
 * lives in a district no other test uses, so the coordinator's view of it holds only these records.
 */
describe('stats: the dashboards count what was recorded', () => {
  const REGION = 'KZ-10';
  const LOCALITY = 'kz-10-zharma-district';
  const settled = () => ctx.strapi.plugin('stats').service('rollups').settled() as Promise<void>;
  const knex = () => ctx.strapi.db.connection;
  let specialist: Staff, coordinator: Staff;
  let fam: Awaited<ReturnType<typeof family>>;
  let childId: number;

  /** A consultation the parent books for the child with the specialist, held an hour ago and completed. */
  async function childConsultation(staff: Staff, named: { name: string }): Promise<void> {
    const from = addDays(kzDate(new Date()), 4);
    const slots = await api()
      .get('/api/booking/slots')
      .query({ centre: CENTRE, service: 'consultation', format: 'offline', from, to: addDays(from, 2) })
      .expect(200);
    const slot = slots.body.data.find((s: { specialist: { name: string } }) => s.specialist.name === named.name);
    const booked = await api()
      .post('/api/booking/bookings')
      .set('Authorization', `Bearer ${fam.parent.jwt}`)
      .send({ slot: slot.id, service: 'consultation', format: 'offline', child: fam.childDoc })
      .expect(201);
    const row = await ctx.strapi.db.query('plugin::booking.booking').findOne({ where: { documentId: booked.body.data.id } });
    const past = new Date(Date.now() - 2 * 3_600_000);
    await ctx.strapi.db.query('plugin::booking.booking').update({
      where: { id: row.id },
      data: { status: 'confirmed', start: past.toISOString(), end: new Date(past.getTime() + 45 * 60_000).toISOString() },
    });
    await staff.http.post(`/booking/bookings/${booked.body.data.id}/complete`).expect(200);
  }

  before(async function () {
    this.timeout(120_000);
    specialist = await staffMember('qabilet-specialist', CENTRE);
    coordinator = await staffMember('qabilet-regional-coordinator', CENTRE);
    const named = await specialistOf(specialist, CENTRE);
    fam = await family(REGION, LOCALITY);
    childId = Number(fam.key.slice(2));
    // The child takes the interests test, then sees the specialist (a consultation after a test),
    // takes the test again (a repeat), and is given a written recommendation; the parent has a
    // consultation of their own.
    await interests(fam.parent, fam.childDoc, ['realistic', 'artistic']);
    await childConsultation(specialist, named);
    await interests(fam.parent, fam.childDoc, ['social']);
    await specialist.http.post(`/assessment/people/child/${childId}/notes`, { text: 'Try the robotics club.' }).expect(201);
    await completedConsultation(specialist, named, CENTRE, fam.parent.jwt);
    await settled();
  });

  it('shows the specialist their consultations, no-shows, recommendations and consultations after a test, as recorded', async () => {
    const view: DashboardView = (await dashboard(specialist, {}).expect(200)).body.data;
    const { from, to } = view.period;
    const inPeriod = (instant: unknown) => {
      const day = kzDate(instantOf(instant));
      return day >= from && day <= to;
    };
    const profile = await ctx.strapi.db.query('api::staff-profile.staff-profile').findOne({ where: { user: { id: specialist.id } } });
    const mine = await ctx.strapi.db.query('plugin::booking.specialist').findMany({ where: { staffProfile: profile.id }, select: ['id'] });
    const bookings = (
      await ctx.strapi.db.query('plugin::booking.booking').findMany({
        where: { specialist: { id: { $in: mine.map((s: { id: number }) => s.id) } } },
        populate: { child: { select: ['id'] } },
      })
    ).filter((b: { start: string }) => inPeriod(b.start)) as Array<{ service: string; status: string; createdAt: string; child: { id: number } | null }>;
    const held = bookings.filter((b) => b.status !== 'cancelled');
    const consultations = held.filter((b) => b.service === 'consultation');
    const delivered = consultations.filter((b) => b.status === 'completed').length;
    assert.ok(delivered >= 2, 'two consultations were completed');
    assert.deepEqual(panel(view, 'consultations').total, {
      booked: consultations.length,
      delivered,
      share: Math.round((delivered / consultations.length) * 10_000) / 10_000,
    });
    const noShows = held.filter((b) => b.status === 'no_show').length;
    assert.deepEqual(panel(view, 'noShows').total, { booked: held.length, noShows, share: Math.round((noShows / held.length) * 10_000) / 10_000 });
    const notes = (await knex()('assessment_notes').where({ author_id: specialist.id }).select('created_at')).filter((n: { created_at: unknown }) =>
      inPeriod(n.created_at),
    );
    assert.deepEqual(panel(view, 'recommendations').total, { recommendations: notes.length });
    // A consultation booked for someone who had finished a test before booking it.
    const finished = await knex()('assessment_attempts').where({ person_key: fam.key, status: 'finished' }).select('finished_at');
    const after = consultations.filter(
      (b) => b.child?.id === childId && finished.some((a: { finished_at: unknown }) => Number(a.finished_at) < instantOf(b.createdAt).getTime()),
    );
    assert.deepEqual(panel(view, 'afterTest').total, { afterTest: after.length });
    assert.equal(after.length, 1);
    // This month's row holds them all.
    const month = kzDate(new Date()).slice(0, 7);
    assert.equal(row(panel(view, 'consultations'), month)?.values.delivered, delivered);
  });

  it('shows the coordinator the district’s tests, services, growth, repeats and times, as recorded', async () => {
    const view: DashboardView = (await dashboard(coordinator, { region: REGION, locality: LOCALITY, locale: 'en' }).expect(200)).body.data;
    assert.equal(view.place.level, 'locality');
    assert.deepEqual([view.place.region, view.place.locality], [REGION, LOCALITY]);
    assert.ok(view.place.names?.region && view.place.names.locality && view.place.names.locality !== LOCALITY, 'the place is named in English');
    const { from, to } = view.period;
    const day = (ms: unknown) => kzDate(new Date(Number(ms)));
    const attempts = (
      await knex()('assessment_attempts')
        .where({ person_key: fam.key, status: 'finished' })
        .orderBy('finished_at')
        .select('id', 'test_slug', 'started_at', 'finished_at', 'result')
    ).filter((a: { finished_at: unknown }) => day(a.finished_at) >= from && day(a.finished_at) <= to) as Array<{
      id: number;
      test_slug: string;
      started_at: unknown;
      finished_at: unknown;
      result: unknown;
    }>;
    assert.equal(attempts.length, 2);
    const people = [fam.key, `u:${fam.parent.id}`];
    const completed = (
      await ctx.strapi.db.query('plugin::booking.booking').findMany({
        where: {
          $or: [{ child: { id: childId } }, { user: { id: fam.parent.id }, child: { id: { $null: true } } }],
          service: 'consultation',
          status: 'completed',
        },
        select: ['start', 'format'],
      })
    ).filter((b: { start: string }) => kzDate(new Date(b.start)) >= from && kzDate(new Date(b.start)) <= to);
    assert.equal(people.length, 2);

    const places = panel(view, 'testsByPlace');
    assert.deepEqual(places.total, { tests: attempts.length, consultations: completed.length });
    assert.equal(row(places, CENTRE)?.values.consultations, completed.length);
    // The child is 15: every result is of the 12–15 group, taken online on the site.
    assert.deepEqual(row(panel(view, 'testsByAge'), 'age-12-15')?.values, { offline: 0, online: attempts.length, tests: attempts.length });
    assert.deepEqual(panel(view, 'testsByAge').total, { offline: 0, online: attempts.length, tests: attempts.length });
    assert.deepEqual(
      panel(view, 'testsByDirection').rows.map((r) => [r.key, r.values.tests]),
      [['interests', attempts.length]],
    );
    const formats = panel(view, 'servicesByFormat');
    assert.deepEqual(row(formats, 'consultations')?.values.offline, completed.filter((b: { format: string }) => b.format === 'offline').length);
    assert.deepEqual(row(formats, 'tests')?.values, { offline: 0, online: attempts.length, total: attempts.length, onlineShare: 1 });
    assert.deepEqual(
      panel(view, 'partnersShare').rows.map((r) => [r.key, r.values.tests]),
      [
        ['site', attempts.length],
        ['partner', 0],
        ['desktop', 0],
      ],
    );
    const notes = await knex()('assessment_notes').whereIn('person_key', people).select('person_key', 'created_at');
    assert.deepEqual(panel(view, 'recommendations').total, { recommendations: notes.length });
    // Growth: each person once, the month of their first recommendation and first completed consultation.
    const growth = panel(view, 'growth');
    assert.deepEqual(
      [growth.total?.firstRecommendations, growth.total?.firstConsultations, growth.total?.recommendedPeople, growth.total?.consultedPeople],
      [new Set(notes.map((n: { person_key: string }) => n.person_key)).size, 2, new Set(notes.map((n: { person_key: string }) => n.person_key)).size, 2],
    );
    // The repeat: each scale of the second result against the first.
    type Scored = { score?: { scales?: Array<{ scale: string; percent: number }> } };
    const scales = (a: { result: unknown }) =>
      new Map(((typeof a.result === 'string' ? JSON.parse(a.result) : a.result) as Scored).score?.scales?.map((s) => [s.scale, Number(s.percent)]) ?? []);
    const [first, second] = [scales(attempts[0]!), scales(attempts[1]!)];
    const moves = { up: 0, same: 0, down: 0 };
    for (const [scale, score] of second)
      if (first.has(scale)) {
        const delta = score - first.get(scale)!;
        moves[Math.abs(delta) < 1 ? 'same' : delta > 0 ? 'up' : 'down'] += 1;
      }
    const repeats = panel(view, 'repeats').total!;
    assert.deepEqual([repeats.up, repeats.same, repeats.down], [moves.up, moves.same, moves.down]);
    assert.ok(moves.up + moves.down > 0, 'the scales moved between the two results');
    // Times: both attempts timed; their exact mean; the items answered.
    const seconds = attempts.map((a) => (Number(a.finished_at) - Number(a.started_at)) / 1000);
    const times = row(panel(view, 'testTime'), 'interests')!.values;
    assert.equal(times.attempts, attempts.length);
    assert.ok(Math.abs(times.mean! - seconds.reduce((s, x) => s + x, 0) / seconds.length) <= 0.05);
    const answers = await knex()('assessment_answers').whereIn(
      'attempt_id',
      attempts.map((a) => a.id),
    );
    const itemRows = panel(view, 'itemTime').rows.filter((r) => r.key.startsWith('interests|'));
    assert.equal(
      itemRows.reduce((s, r) => s + (r.values.answers ?? 0), 0),
      answers.length,
    );
    assert.equal(new Set(itemRows.map((r) => r.key)).size, new Set(answers.map((a: { item_key: string }) => a.item_key)).size);
  });
});
