/**
 * The open statistics (issue 19): the snapshot reads the rollups' monthly counts, hides every cell
 * under 5 (and what would give it away), is served to anyone at GET /api/stats/open, and asks the
 * site to rebuild. Rows are written into `stats_monthly` in years no other test uses (2016–2018),
 * and taken away after; then the same from the records: a completed consultation and finished tests
 * of people of Mangystau (KZ-47, which no other test uses), counted by the rollups.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  AGE_GROUPS,
  kzDate,
  openCells,
  SERVICE_FORMATS,
  type AgeGroup,
  type OpenCell,
  type OpenCount,
  type OpenStatistics,
  type ServiceFormat,
} from '@qabilet/domain';
import { ctx } from '../setup/context.ts';
import { api } from './helpers.ts';
import { staffMember } from './crm-helpers.ts';
import { completedConsultation, family, interests, specialistOf } from './talent-helpers.ts';
import { insertMonthly, openService, removeMonthly } from './open-stats-helpers.ts';

const insert = insertMonthly;
const open = openService;
const published = async (query = '') => (await api().get(`/api/stats/open${query}`).expect(200)).body.data as OpenStatistics;
const cell = (s: OpenStatistics, year: number, region: string, ageGroup: string, format: string): OpenCell =>
  s.cells.find((c) => c.year === year && c.region === region && c.ageGroup === ageGroup && c.format === format)!;

describe('stats: open statistics', () => {
  before(async () => {
    await removeMonthly();
  });
  after(removeMonthly);

  it('serves anyone the newest snapshot, with every region and its KATO code', async () => {
    await open().snapshot();
    const res = await api().get('/api/stats/open').expect(200);
    const data = res.body.data as OpenStatistics;
    assert.equal(data.threshold, 5);
    assert.ok(Date.now() - Date.parse(data.snapshotAt) < 60_000);
    assert.equal(data.regions.length, 20);
    for (const region of data.regions) assert.match(`${region.code} ${region.kato}`, /^KZ-\d{2} \d{9}$/);
    assert.equal(data.regions.find((r) => r.code === 'KZ-75')!.kato, '750000000', 'Almaty');
    for (const year of data.years) assert.equal(data.cells.filter((c) => c.year === year).length, 21 * 6 * 3);
    for (const c of data.cells) for (const v of [c.consultations, c.tests]) assert.ok(v === null || v === 0 || v >= 5, `${JSON.stringify(c)}: 1–4 never shown`);
  });

  it('shows a count of 1–4 as null ("fewer than 5") and one of 5 or more exactly, nothing recoverable by subtraction', async () => {
    await insert([
      // 2018, Almaty: 3 consultations online at 12–15 (hidden), 20 at a centre; 7 tests in Astana at 16–18.
      { period: 201803, metric: 'booking.consultation.completed', value: 'age-12-15|online', region: 'KZ-75', n: 2 },
      { period: 201811, metric: 'booking.consultation.completed', value: 'age-12-15|online', region: 'KZ-75', n: 1, locality: 'kz-75-almaty' },
      { period: 201804, metric: 'booking.consultation.completed', value: 'age-12-15|offline', region: 'KZ-75', n: 20 },
      { period: 201804, metric: 'booking.consultation.completed', value: 'age-16-18|offline', region: 'KZ-71', n: 9 },
      { period: 201805, metric: 'test', value: 'age-16-18|offline', region: 'KZ-71', n: 7 },
      // Not counted: another metric, another dim, an unknown region or age.
      { period: 201805, metric: 'booking.consultation.cancelled', value: 'age-12-15|online', region: 'KZ-75', n: 50 },
      { period: 201805, metric: 'test', value: '|online', region: 'KZ-75', n: 50 },
      { period: 201805, metric: 'test', value: 'age-12-15|online', region: '', n: 50 },
    ]);
    await insert([{ period: 201805, metric: 'test', dim: 'all', value: '', region: 'KZ-75', n: 99 }]);
    await open().snapshot();
    const data = await published();
    assert.ok(data.years.includes(2018));
    assert.equal(cell(data, 2018, 'KZ-75', 'age-12-15', 'online').consultations, null, '3: fewer than 5');
    assert.equal(cell(data, 2018, 'KZ-71', 'age-16-18', 'offline').tests, 7);
    assert.equal(cell(data, 2018, 'KZ', 'all', 'all').tests, 7, 'unknown places and other dims are left out');
    assert.equal(cell(data, 2018, 'KZ', 'all', 'all').consultations, 32);
    assert.equal(cell(data, 2018, 'KZ-19', 'all', 'all').consultations, 0, 'a region without any is 0, not hidden');
    // Almaty's 12–15 line: online (hidden) + offline = all: one of the two others is hidden too.
    assert.ok([cell(data, 2018, 'KZ-75', 'age-12-15', 'offline'), cell(data, 2018, 'KZ-75', 'age-12-15', 'all')].some((c) => c.consultations === null));
    assert.ok([cell(data, 2018, 'KZ-75', 'all', 'online'), cell(data, 2018, 'KZ', 'age-12-15', 'online')].some((c) => c.consultations === null));

    // Two more consultations make five: shown exactly in the next snapshot.
    await insert([{ period: 201812, metric: 'booking.consultation.completed', value: 'age-12-15|online', region: 'KZ-75', n: 2, locality: 'kz-75-almaty' }]);
    await open().snapshot();
    const after = await published();
    assert.equal(cell(after, 2018, 'KZ-75', 'age-12-15', 'online').consultations, 5);
    assert.equal(cell(after, 2018, 'KZ', 'all', 'all').consultations, 34);
  });

  it('narrows to a year and a region, and refuses a bad query in the asked language', async () => {
    await insert([{ period: 201702, metric: 'test', value: 'age-6-11|offline', region: 'KZ-79', n: 12 }]);
    await open().snapshot();
    const data = await published('?year=2017&region=KZ-79');
    assert.deepEqual(data.years, [2017]);
    assert.deepEqual(data.regions, [{ code: 'KZ-79', kato: data.regions[0]!.kato }]);
    assert.equal(data.cells.length, 6 * 3);
    assert.equal(cell(data, 2017, 'KZ-79', 'age-6-11', 'all').tests, 12);
    assert.equal((await published('?year=2017&region=KZ')).cells.length, 18);

    const year = await api().get('/api/stats/open?year=20x&locale=ru').expect(400);
    assert.equal(year.body.error.details.errors[0].path[0], 'year');
    assert.match(year.body.error.message, /четырьмя цифрами/);
    const region = await api().get('/api/stats/open?region=almaty').set('Accept-Language', 'kk').expect(400);
    assert.match(region.body.error.message, /өңірдің кодын/i);
    const unknown = await api().get('/api/stats/open?centre=almaty&locale=en').expect(400);
    assert.equal(unknown.body.error.details.errors[0].path[0], 'centre');
  });

  it('is a grant of the public role, which an administrator may withdraw; staff reach it only as anyone does', async () => {
    const role = await ctx.strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: 'public' } });
    const permission = await ctx.strapi.db
      .query('plugin::users-permissions.permission')
      .findOne({ where: { action: 'plugin::stats.open.latest', role: role.id } });
    assert.ok(permission, 'granted to the public role');
    const coordinator = await staffMember('qabilet-regional-coordinator', 'almaty');
    const admin = await coordinator.http.get('/stats/open');
    assert.equal(admin.status, 404, 'no admin route: the figures are the public ones');
    await ctx.strapi.db.query('plugin::users-permissions.permission').delete({ where: { id: permission.id } });
    try {
      // users-permissions reads the role's grants per request.
      const res = await api().get('/api/stats/open');
      assert.equal(res.status, 403);
    } finally {
      await ctx.strapi.db.query('plugin::users-permissions.permission').create({ data: { action: 'plugin::stats.open.latest', role: role.id } });
    }
    await api().get('/api/stats/open').expect(200);
  });

  it('takes one snapshot a night however often the nightly task runs, and asks the site to rebuild after it', async () => {
    const calls: Array<{ authorization?: string; body: string }> = [];
    const site = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        calls.push({ authorization: req.headers.authorization, body });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    const url: string = ctx.strapi.config.get('site.rebuildUrl');
    const token: string = ctx.strapi.config.get('site.rebuildToken');
    ctx.strapi.config.set('site.rebuildUrl', `http://127.0.0.1:${(site.address() as AddressInfo).port}/__rebuild`);
    ctx.strapi.config.set('site.rebuildToken', 'open-statistics-test');
    try {
      const night = new Date('2016-06-01T22:00:00Z'); // 04:00 on 2 June in Kazakhstan
      assert.ok(await open().snapshot({ nightly: true, now: night }));
      assert.equal(await open().snapshot({ nightly: true, now: new Date(night.getTime() + 60_000) }), null, 'tonight’s is taken');
      const rows = await ctx.strapi.db.connection('stats_snapshots').where({ night: 20160602 }).count({ n: '*' });
      assert.equal(Number(rows[0]!.n), 1);
      assert.equal(calls.length, 1, 'one rebuild for one snapshot');
      assert.equal(calls[0]!.authorization, 'Bearer open-statistics-test');
      assert.deepEqual(JSON.parse(calls[0]!.body), { models: ['plugin::stats.open'] });
    } finally {
      ctx.strapi.config.set('site.rebuildUrl', url);
      ctx.strapi.config.set('site.rebuildToken', token);
      site.close();
    }
  });
});

describe('stats: open statistics from the records, through the rollups', function () {
  this.timeout(180_000);
  const REGION = 'KZ-47';
  const LOCALITY = 'kz-47-aktau';
  const rollups = () => ctx.strapi.plugin('stats').service('rollups') as { settled(): Promise<void> };
  /** What the rollups counted for a cell of this year: the truth the snapshot hides or shows. */
  const counted = async (metric: string, value: string) =>
    Number(
      (
        await ctx.strapi.db
          .connection('stats_monthly')
          .where({ metric, dim: 'ageFormat', value, region: REGION })
          .andWhere('period', '>=', year * 100)
          .sum({ n: 'n' })
      )[0]!.n ?? 0,
    );
  const year = Number(kzDate(new Date()).slice(0, 4));
  /** Every region's counts of this year, read as the snapshot reads them: the rule's input. */
  const countsOfYear = async (): Promise<OpenCount[]> => {
    const rows = await ctx.strapi.db
      .connection('stats_monthly')
      .whereIn('metric', ['booking.consultation.completed', 'test'])
      .andWhere({ dim: 'ageFormat' })
      .andWhere('period', '>=', year * 100)
      .select('metric', 'value', 'region', 'n');
    const counts = new Map<string, OpenCount>();
    for (const row of rows as Array<{ metric: string; value: string; region: string; n: number | string }>) {
      const [ageGroup, format] = row.value.split('|') as [AgeGroup, ServiceFormat];
      if (!AGE_GROUPS.includes(ageGroup) || !SERVICE_FORMATS.includes(format) || !row.region) continue;
      const key = `${row.region}|${row.value}`;
      const count = counts.get(key) ?? { year, region: row.region, ageGroup, format, consultations: 0, tests: 0 };
      count[row.metric === 'test' ? 'tests' : 'consultations'] += Number(row.n);
      counts.set(key, count);
    }
    return [...counts.values()];
  };
  // Other files of a full run count people of other regions this year; run alone, this file's are the only ones.
  let countsAreShared = false;

  it('shows a completed consultation and a finished test in the next snapshot as "fewer than 5", and five tests as 5', async () => {
    const staff = await staffMember('qabilet-specialist', 'almaty');
    const specialist = await specialistOf(staff, 'almaty');
    // A parent of Mangystau (41, age 30 and over) has a consultation at the centre, completed; her child (15) takes a test on the site.
    const first = await family(REGION, LOCALITY);
    await completedConsultation(staff, specialist, 'almaty', first.parent.jwt);
    await interests(first.parent, first.childDoc, ['artistic']);
    await rollups().settled();
    assert.equal(await counted('booking.consultation.completed', 'age-30-plus|offline'), 1);
    assert.equal(await counted('test', 'age-12-15|online'), 1);

    await open().snapshot();
    let data = await published(`?year=${year}&region=${REGION}`);
    assert.equal(cell(data, year, REGION, 'age-30-plus', 'offline').consultations, null, 'one consultation: fewer than 5');
    assert.equal(cell(data, year, REGION, 'all', 'all').consultations, null);
    assert.equal(cell(data, year, REGION, 'age-12-15', 'online').tests, null, 'one test: fewer than 5');
    assert.equal(cell(data, year, REGION, 'age-6-11', 'all').tests, 0, 'none is 0');

    // Four more children of Mangystau take the test: five tests, shown exactly.
    for (let i = 0; i < 4; i++) {
      const next = await family(REGION, LOCALITY);
      await interests(next.parent, next.childDoc, ['social']);
    }
    await rollups().settled();
    assert.equal(await counted('test', 'age-12-15|online'), 5);
    countsAreShared = (await countsOfYear()).some((c) => c.region !== REGION);
    await open().snapshot();
    data = await published(`?year=${year}`);
    // Shown exactly — unless another test's small count elsewhere on its line made the rule hide it
    // as a complement (a full run); the whole year is what the rule makes of the rollups' counts.
    const expected = openCells(
      await countsOfYear(),
      data.regions.map((r) => r.code),
    );
    assert.deepEqual(data.cells, expected);
    for (const [ageGroup, format] of [
      ['age-12-15', 'online'],
      ['all', 'all'],
    ] as const) {
      const tests = cell(data, year, REGION, ageGroup, format).tests;
      assert.ok(tests === 5 || (tests === null && countsAreShared), `${ageGroup} ${format}: ${tests}`);
    }
    assert.equal(cell(data, year, REGION, 'age-30-plus', 'offline').consultations, null, 'still one consultation');
  });
});
