// Issue 16, item 4: an XLSX whose zip directory lies (the sheet "is 1 KB" and inflates to 300 MB)
// is refused by the real import endpoint as too large in milliseconds of CPU, not seconds; an honest
// file is still read (off the event loop, in a worker thread).
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import request from 'supertest';
import { ctx } from '../setup/context.ts';
import { staffMember, type Staff } from './crm-helpers.ts';
import { requireCms } from '../../scripts/lib/strapi.mjs';
import { createRequire } from 'node:module';
import { lyingXlsx } from '../unit/lying-xlsx.ts';
import { crowdedXlsx, mergedXlsx } from '../unit/slow-xlsx.ts';

// The module the CMS itself reads files with (one per process): the tests shorten its time limit
// and fill its queue through it.
const parse = createRequire(import.meta.url)(
  '../../plugins/partners/dist/server/desktop-parse.js',
) as typeof import('../../plugins/partners/dist/server/desktop-parse.js');

const CENTRE = 'east-kazakhstan';

describe('API: a desktop import whose zip directory lies', function () {
  this.timeout(60_000);
  let specialist: Staff;
  let partner: { id: number };
  const post = (fileName: string, content: Buffer, language = 'kk') =>
    request(ctx.cmsUrl)
      .post(`/partners/desktop/${partner.id}/imports`)
      .set({ Authorization: `Bearer ${specialist.token}`, 'Accept-Language': language })
      .send({ fileName, content: content.toString('base64') });

  before(async () => {
    const roles = await ctx.strapi.db.query('admin::role').findMany({ where: { code: { $in: ['qabilet-specialist', 'qabilet-regional-coordinator'] } } });
    await requireCms(ctx.distDir, 'src/staff/partners-roles.js').grantPartnersToRoles(
      ctx.strapi,
      new Map(roles.map((r: { code: string; id: number }) => [r.code, r.id])),
    );
    specialist = await staffMember('qabilet-specialist', CENTRE);
    ({ partner } = await ctx.strapi
      .plugin('partners')
      .service('partners')
      .create({
        kind: 'desktop',
        name: `Bomb ${crypto.randomBytes(3).toString('hex')}`,
        config: { centre: CENTRE, columns: { phone: 'Телефон', test: 'Тест', takenAt: 'Дата' } },
        tests: [
          {
            key: 'holland',
            name: { kk: 'Холланд сауалнамасы', ru: 'Опросник Холланда', en: 'Holland questionnaire' },
            scales: [{ from: 'R', to: 'realistic', min: 0, max: 20 }],
          },
        ],
      }));
  });

  it('refuses a 300 KB file whose sheet inflates to 300 MB as too large, in well under a second of CPU, storing nothing', async () => {
    const bomb = await lyingXlsx(300);
    assert.ok(bomb.length < 400 * 1024, `${bomb.length} bytes`);
    // Strapi runs in this process: its CPU for the request is counted here (all threads).
    const cpu = process.cpuUsage();
    const mainThread = process.threadCpuUsage();
    const res = await post('results.xlsx', bomb);
    const used = process.cpuUsage(cpu);
    const main = process.threadCpuUsage(mainThread);
    const ms = (used.user + used.system) / 1000;
    const mainMs = (main.user + main.system) / 1000;
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`),
      ['content:import.tooLarge'],
    );
    assert.match(res.body.error.details.errors[0].message, /5 МБ/);
    assert.match(res.body.error.details.errors[0].message, /[әіңғүұқөһ]/i, 'in Kazakh');
    assert.ok(ms < 500, `${ms.toFixed(0)} ms of CPU`);
    // The unzip runs in the worker: the thread whose event loop answers everyone does little for a bomb.
    assert.ok(mainMs < 200, `${mainMs.toFixed(0)} ms of the main thread's CPU`);
    assert.equal(Number((await ctx.strapi.db.connection('partner_import_rows').where({ partner_id: partner.id }).count({ n: '*' }).first()).n), 0);
    assert.equal(
      Number((await ctx.strapi.db.connection('partner_events').where({ partner_id: partner.id, code: 'import.refused' }).count({ n: '*' }).first()).n) >= 1,
      true,
    );
  });

  it('still reads an honest XLSX of the same shape, in its worker', async () => {
    const honest = await lyingXlsx(2, { honest: true });
    const res = await post('results.xlsx', honest, 'en').expect(200);
    assert.deepEqual([res.body.data.rows, res.body.data.imported, res.body.data.queued], [0, 0, 0]);
  });

  it('answers a file whose reading runs out of time as too slow, in the caller’s language, and reads the file sent after it', async () => {
    const slow = await mergedXlsx();
    const honest = await lyingXlsx(0, { honest: true });
    // Long enough for a small honest file on a loaded machine, short of the seconds the slow one would take to exhaust memory.
    parse.setXlsxReadLimits({ timeoutMs: 2000 });
    try {
      const late = post('slow.xlsx', slow, 'ru');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [refused, read] = await Promise.all([late, post('results.xlsx', honest, 'en')]);
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.equal(refused.status, 400, JSON.stringify(refused.body));
      assert.deepEqual(
        refused.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`),
        ['content:import.tooSlow'],
      );
      assert.match(refused.body.error.details.errors[0].message, /Чтение файла заняло больше 2 с/);
    } finally {
      parse.setXlsxReadLimits();
    }
  });

  it('answers 503 in the caller’s language while more files wait than the worker takes, and reads files again once they are read', async () => {
    const slow = await crowdedXlsx(5000, 100);
    const honest = await lyingXlsx(0, { honest: true });
    // One file being read (for seconds) and as many waiting as may.
    const queued = [parse.readTable(slow, 'slow.xlsx'), ...Array.from({ length: parse.MAX_WAITING }, () => parse.readTable(honest, 'queued.xlsx'))];
    const res = await post('results.xlsx', honest);
    assert.equal(res.status, 503, JSON.stringify(res.body));
    assert.deepEqual(
      res.body.error.details.errors.map((e: { path: string[]; code: string }) => `${e.path.join('.')}:${e.code}`),
      [':import.busy'],
    );
    assert.match(res.body.error.details.errors[0].message, /[әіңғүұқөһ]/i, 'in Kazakh');
    assert.ok((await Promise.all(queued)).every((r) => r.ok));
    await post('results.xlsx', honest, 'en').expect(200);
  });
});
