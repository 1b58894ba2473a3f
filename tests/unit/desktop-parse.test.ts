// The desktop import's pure parts (plugins/partners): reading CSV and XLSX exports, the values a
// row may hold, its key, and the column mapping. Run on the compiled plugin: `npm run prepare` first.
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { parseCsv, readTable, delimiterOf, setXlsxReadLimits, MAX_BYTES, MAX_WAITING } from '../../plugins/partners/dist/server/desktop-parse.js';
import { storedZip, unzipWithin } from '../../plugins/partners/dist/server/desktop-zip.js';
import { lyingXlsx } from './lying-xlsx.ts';
import { mergedXlsx } from './slow-xlsx.ts';
import { checkRow, parseScore, parseTakenAt, rowKeyOf, statementIdOf } from '../../plugins/partners/dist/server/desktop-values.js';
import { checkColumns, missingColumns, rowOfRecord } from '../../plugins/partners/dist/server/desktop-mapping.js';

const KZ = (iso: string) => new Date(`${iso}+05:00`);
const TEST = {
  key: 'holland',
  name: { kk: 'Холланд', ru: 'Холланд', en: 'Holland' },
  scales: [
    { from: 'R', to: 'realistic', min: 0, max: 20 },
    { from: 'S', to: 'social', min: 0, max: 20 },
  ],
};
const OTHER = { key: 'team', name: { kk: 'Команда', ru: 'Команда', en: 'Team' }, scales: [{ from: 'Team score', to: 'communication', min: 1, max: 5 }] };
const NOW = KZ('2026-12-01T12:00:00');
const codes = (r: { ok: boolean; problems?: Array<{ field?: string; code: string }> }) => (r.ok ? [] : r.problems!.map((p) => `${p.field ?? ''}:${p.code}`));

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Results');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('desktop import: reading files', () => {
  it('reads CSV with a BOM, `;` between fields, doubled quotes and line breaks inside quotes', async () => {
    const text = '\ufeffPhone;Date;R;Note\r\n+7 701 000 00 01;30.11.2026 14:05;12,5;"said ""hi""\nthen left"\r\n\r\n87010000002;2026-11-30;7;\r\n';
    assert.equal(delimiterOf(text.slice(1)), ';');
    const read = await readTable(Buffer.from(text), 'export.csv');
    assert.ok(read.ok);
    assert.deepEqual(read.table.header, ['Phone', 'Date', 'R', 'Note']);
    assert.deepEqual(
      read.table.records.map((r) => r.row),
      [2, 4],
    );
    assert.equal(read.table.records[0]!.cells.Note, 'said "hi"\nthen left');
    assert.equal(read.table.records[1]!.cells.Note, null);
    assert.deepEqual(parseCsv('a,b\n"1,5",2'), [
      ['a', 'b'],
      ['1,5', '2'],
    ]);
    assert.equal(parseCsv('a,b\n"never closed,2'), null);
  });

  it('reads the first worksheet of an XLSX: numbers, dates, formulas and rich text as shown', async () => {
    const bytes = await xlsx([
      ['Phone', 'Date', 'R', 'S'],
      ['+77010000001', new Date(Date.UTC(2026, 10, 30, 14, 5)), 12, { formula: '3+4', result: 7 }],
      [{ richText: [{ text: '8701' }, { text: '0000002' }] }, '30.11.2026', '12,5', null],
    ]);
    const read = await readTable(bytes, 'export.xlsx');
    assert.ok(read.ok);
    const [first, second] = read.table.records;
    assert.equal(first!.row, 2);
    assert.ok(first!.cells.Date instanceof Date);
    assert.equal((parseTakenAt(first!.cells.Date) as Date).toISOString(), KZ('2026-11-30T14:05:00').toISOString());
    assert.equal(first!.cells.S, 7);
    assert.equal(second!.cells.Phone, '87010000002');
    assert.equal(second!.cells.S, null);
  });

  it('refuses what is not a table, with a reason, before anything is read', async () => {
    const reason = async (bytes: Buffer, name: string, format?: 'csv' | 'xlsx') => codes(await readTable(bytes, name, format));
    assert.deepEqual(await reason(Buffer.from('PK\u0003\u0004 not really a zip'), 'export.xlsx'), ['content:import.malformed']);
    assert.deepEqual(await reason(Buffer.from([0x12, 0x99, 0x00, 0x55]), 'export.xlsx'), ['content:import.malformed']);
    assert.deepEqual(await reason(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1]), 'export.xls'), ['content:import.oldExcel']);
    assert.deepEqual(await reason(Buffer.from('Phone,Date\n\u0000\u0001'), 'export.csv'), ['content:import.malformed']);
    assert.deepEqual(await reason(Buffer.from([0x41, 0x2c, 0xff, 0xfe, 0x0a]), 'export.csv'), ['content:import.encoding']);
    assert.deepEqual(await reason(Buffer.alloc(0), 'export.csv'), ['content:import.empty']);
    assert.deepEqual(await reason(Buffer.from(';;\n'), 'export.csv'), ['content:import.noHeader']);
    assert.deepEqual(await reason(Buffer.from('R,R\n1,2'), 'export.csv'), ['content:import.headerDuplicate']);
    assert.deepEqual(await reason(Buffer.alloc(MAX_BYTES + 1, 0x41), 'export.csv'), ['content:import.tooLarge']);
    assert.deepEqual(await reason(Buffer.from(`R\n${'1\n'.repeat(5001)}`), 'export.csv'), ['content:import.tooManyRows']);
    assert.ok((await readTable(Buffer.from(`R\n${'1\n'.repeat(5000)}`), 'export.csv')).ok);
    assert.deepEqual(await reason(Buffer.from('Phone,Date\n1,2'), 'export.xlsx', 'xlsx'), ['content:import.malformed']);
  });
  it('refuses an XLSX that would unzip to more than the server holds', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRow(['ID', 'Phone']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // The central directory claims 4 GB for the first entry, as a zip bomb's does.
    const forged = Buffer.from(bytes);
    const central = forged.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    forged.writeUInt32LE(0xffffffff, central + 24);
    const read = await readTable(forged, 'bomb.xlsx');
    assert.deepEqual(read.ok ? [] : read.problems.map((p) => p.code), ['import.tooLarge']);
  });

  it('refuses an XLSX whose directory lies about a 300 MB sheet in milliseconds, inflating no more than the budget', async function () {
    this.timeout(20_000);
    const bomb = await lyingXlsx(300);
    assert.ok(bomb.length < 400 * 1024, `${bomb.length} bytes`);
    const cpu = process.cpuUsage();
    const mainThread = process.threadCpuUsage();
    const started = performance.now();
    const read = await readTable(bomb, 'bomb.xlsx');
    const { user, system } = process.cpuUsage(cpu);
    const main = process.threadCpuUsage(mainThread);
    assert.deepEqual(read.ok ? [] : read.problems.map((p) => p.code), ['import.tooLarge']);
    // All threads (the unzip runs in the worker), and the main thread alone, whose event loop answers everyone.
    assert.ok((user + system) / 1000 < 500, `${(user + system) / 1000} ms of CPU`);
    assert.ok((main.user + main.system) / 1000 < 50, `${(main.user + main.system) / 1000} ms of the main thread's CPU`);
    assert.ok(performance.now() - started < 500);
    // The same file told honestly is a table (so the refusal above is the lie's, not the skeleton's);
    // below the budget the lie is a malformed file: the directory must give each entry's real size.
    const honest = await readTable(await lyingXlsx(1, { honest: true }), 'honest.xlsx');
    assert.deepEqual(honest.ok ? honest.table.header : honest.problems, ['Телефон', 'Тест', 'Дата', 'R']);
    const small = await readTable(await lyingXlsx(1), 'small.xlsx');
    assert.deepEqual(small.ok ? [] : small.problems.map((p) => p.code), ['import.malformed']);
  });

  it('unzips within a budget and hands on a stored zip that reads back the same', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('A').addRow(['ID', 'Phone']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const unzipped = unzipWithin(bytes, 64 * 1024 * 1024);
    assert.ok(unzipped.ok);
    assert.ok(unzipped.entries.some((e) => e.name === 'xl/worksheets/sheet1.xml'));
    const again = unzipWithin(storedZip(unzipped.entries), 64 * 1024 * 1024);
    assert.ok(again.ok);
    assert.deepEqual(
      again.entries.map((e) => [e.name, e.data.toString('base64')]),
      unzipped.entries.map((e) => [e.name, e.data.toString('base64')]),
    );
    const total = unzipped.entries.reduce((n, e) => n + e.data.length, 0);
    assert.deepEqual(unzipWithin(bytes, total - 1), { ok: false, problem: 'tooLarge' });
    assert.deepEqual(unzipWithin(Buffer.from('PK\u0005\u0006'), 100), { ok: false, problem: 'malformed' });
  });

  it('fails only the XLSX whose reading runs out of time: the files queued behind it are read by a fresh worker', async function () {
    this.timeout(30_000);
    // exceljs spends the whole limit in one synchronous loop on it: the worker must be stopped to stop it.
    const slow = await mergedXlsx();
    const honest = await xlsx([
      ['Phone', 'R'],
      ['+77010000001', 3],
    ]);
    // Long enough for a small honest file on a loaded machine, short of the seconds the slow one would take to exhaust memory.
    setXlsxReadLimits({ timeoutMs: 2000 });
    try {
      const [late, first, second] = await Promise.all([readTable(slow, 'slow.xlsx'), readTable(honest, 'first.xlsx'), readTable(honest, 'second.xlsx')]);
      assert.deepEqual(
        [first, second].map((r) => (r.ok ? r.table.records.length : r.problems[0]!.code)),
        [1, 1],
      );
      assert.deepEqual(late.ok ? [] : late.problems, [{ field: 'content', code: 'import.tooSlow', values: { seconds: 2 } }]);
    } finally {
      setXlsxReadLimits();
    }
  });

  it('fails only the XLSX being read when the worker runs out of memory: the files queued behind it are read by a fresh worker', async function () {
    this.timeout(30_000);
    const hungry = await mergedXlsx();
    const honest = await xlsx([
      ['Phone', 'R'],
      ['+77010000001', 3],
    ]);
    // A small heap, so that the merged cells exhaust it in a second rather than a gigabyte.
    setXlsxReadLimits({ heapMb: 64 });
    try {
      const [crashed, first, second] = await Promise.all([readTable(hungry, 'merged.xlsx'), readTable(honest, 'first.xlsx'), readTable(honest, 'second.xlsx')]);
      assert.deepEqual(
        [first, second].map((r) => (r.ok ? r.table.records.length : r.problems[0]!.code)),
        [1, 1],
      );
      assert.deepEqual(crashed.ok ? [] : crashed.problems.map((p) => p.code), ['import.tooLarge']);
    } finally {
      setXlsxReadLimits();
    }
  });

  it(`lets ${MAX_WAITING} XLSX files wait for the one being read and answers any more with a 503 to send it again shortly`, async () => {
    const honest = await xlsx([
      ['Phone', 'R'],
      ['+77010000001', 3],
    ]);
    // All sent at once: one is read, MAX_WAITING wait, two are one too many.
    const reads = await Promise.allSettled(Array.from({ length: MAX_WAITING + 3 }, (_, i) => readTable(honest, `${i}.xlsx`)));
    const answers = reads.map((r) =>
      r.status === 'rejected' ? `${r.reason.status}:${r.reason.problems.map((p: { code: string }) => p.code)}` : r.value.ok ? 'read' : 'refused',
    );
    assert.deepEqual(answers, [...Array(MAX_WAITING + 1).fill('read'), '503:import.busy', '503:import.busy']);
    assert.ok((await readTable(honest, 'later.xlsx')).ok, 'the queue takes files again once it has room');
  });
});

describe('desktop import: values of a row', () => {
  it('reads the dates centres write, in Kazakhstan time unless an offset is given', () => {
    const at = (v: unknown) => parseTakenAt(v)?.toISOString();
    assert.equal(at('2026-11-30'), KZ('2026-11-30T00:00:00').toISOString());
    assert.equal(at('2026-11-30T14:05'), KZ('2026-11-30T14:05:00').toISOString());
    assert.equal(at('2026-11-30T14:05:00Z'), '2026-11-30T14:05:00.000Z');
    assert.equal(at('30.11.2026'), KZ('2026-11-30T00:00:00').toISOString());
    assert.equal(at('30.11.2026 14:05'), KZ('2026-11-30T14:05:00').toISOString());
    const serial = (Date.UTC(2026, 10, 30) - Date.UTC(1899, 11, 30)) / 86_400_000;
    assert.equal(at(serial + 0.5), KZ('2026-11-30T12:00:00').toISOString());
    assert.equal(at(String(serial)), KZ('2026-11-30T00:00:00').toISOString());
    for (const bad of ['31.11.2026', '2026-02-30', '30/11/2026', 'tomorrow', '2026-11-30T25:00', '', {}, true]) assert.equal(at(bad), undefined, String(bad));
    // The domain's strict calendar and clock: no 31 April, 29 February 2027, 24:00, or offset past ±14:00.
    for (const bad of ['2026-04-31', '29.02.2027', '2026-11-30T24:00', '30.11.2026 24:00', '2026-11-30T14:05+15:00', '2026-11-30T14:05+05:60'])
      assert.equal(at(bad), undefined, bad);
    assert.equal(at('29.02.2028'), KZ('2028-02-29T00:00:00').toISOString());
    assert.equal(at('2026-11-30 14:05+0500'), KZ('2026-11-30T14:05:00').toISOString());
  });

  it('reads scores with a decimal point or comma', () => {
    assert.deepEqual(['12,5', '12.5', ' 7 ', 7, '-1'].map(parseScore), [12.5, 12.5, 7, 7, -1]);
    for (const bad of ['abc', '1e3', '1,2,3', '', Number.NaN, null]) assert.equal(parseScore(bad), undefined, String(bad));
  });

  it('checks every field of a row at once, naming each', () => {
    const good = checkRow({ phone: '8 701 000 00 01', takenAt: '30.11.2026', scores: { R: '12,5', S: 20 } }, [TEST], NOW);
    assert.ok(good.ok);
    assert.equal(good.row.phone, '+77010000001');
    assert.deepEqual(
      good.row.scores.map((s) => [s.scale, s.raw, s.score]),
      [
        ['realistic', 12.5, 63],
        ['social', 20, 100],
      ],
    );
    assert.deepEqual(codes(checkRow({ email: 'nobody', takenAt: '2026-12-24', scores: { R: 21, X: 1 }, role: 'admin' }, [TEST], NOW)), [
      'role:field.notAllowed',
      'email:row.email',
      'takenAt:row.dateFuture',
      'scores.X:row.scoreUnknown',
      'scores.R:row.scoreRange',
    ]);
    assert.deepEqual(codes(checkRow({ takenAt: '1999-12-31', scores: { R: 'many' } }, [TEST], NOW)), [
      ':row.noIdentifier',
      'takenAt:row.dateOld',
      'scores.R:row.scoreFormat',
    ]);
    assert.deepEqual(codes(checkRow({ phone: '+77010000001', takenAt: 'soon', scores: { R: 1 } }, [TEST, OTHER], NOW)), [
      'test:row.testMissing',
      'takenAt:row.dateFormat',
    ]);
    assert.deepEqual(codes(checkRow({ bookingRef: 'abc', test: 'nope', takenAt: '2026-11-30' }, [TEST, OTHER], NOW)), ['test:row.testUnknown']);
    assert.deepEqual(codes(checkRow({ bookingRef: 'abc', test: 'TEAM', takenAt: '2026-11-30' }, [TEST, OTHER], NOW)), ['scores:row.noScores']);
  });

  it('keys a row by its id in the database, else by its values, and makes the same statement id of it', () => {
    // The key is an HMAC with the deployment's secret (no phone can be guessed back from it).
    const saved = process.env.PARTNER_SECRETS_KEY;
    process.env.PARTNER_SECRETS_KEY = Buffer.alloc(32, 7).toString('base64');
    const row = (raw: Record<string, unknown>) => {
      const c = checkRow(raw, [TEST], NOW);
      assert.ok(c.ok);
      return c.row;
    };
    const a = row({ phone: '+77010000001', takenAt: '2026-11-30', scores: { R: '12,5' } });
    const b = row({ phone: '8 (701) 000-00-01', takenAt: '30.11.2026', scores: { R: 12.5 } });
    const c = row({ phone: '+77010000001', takenAt: '2026-11-30', scores: { R: 13 } });
    assert.equal(rowKeyOf(a), rowKeyOf(b));
    assert.notEqual(rowKeyOf(a), rowKeyOf(c));
    assert.equal(
      rowKeyOf(row({ externalId: 'A-1', phone: '+77010000001', takenAt: '2026-11-30', scores: { R: 1 } })),
      rowKeyOf(row({ externalId: 'A-1', email: 'x@y.kz', takenAt: '2026-11-29', scores: { R: 2 } })),
    );
    assert.match(statementIdOf(7, rowKeyOf(a)), /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(statementIdOf(7, rowKeyOf(a)), statementIdOf(7, rowKeyOf(b)));
    assert.notEqual(statementIdOf(7, rowKeyOf(a)), statementIdOf(8, rowKeyOf(a)));
    const first = rowKeyOf(a);
    process.env.PARTNER_SECRETS_KEY = Buffer.alloc(32, 9).toString('base64');
    assert.notEqual(rowKeyOf(a), first, 'another deployment, another key');
    if (saved === undefined) delete process.env.PARTNER_SECRETS_KEY;
    else process.env.PARTNER_SECRETS_KEY = saved;
  });
});

describe('desktop import: the column mapping', () => {
  it('checks a mapping field by field', () => {
    assert.ok(checkColumns({ phone: 'Phone', takenAt: 'Date' }, [TEST]).ok);
    assert.deepEqual(codes(checkColumns({ phone: 'Phone' }, [TEST, OTHER])), ['columns.takenAt:desktop.columnRequired', 'columns.test:desktop.columnTest']);
    assert.deepEqual(codes(checkColumns({ takenAt: 'Date', colour: 'x' }, [TEST])), [
      'columns.colour:field.notAllowed',
      'columns.phone:desktop.columnIdentifier',
    ]);
    assert.deepEqual(codes(checkColumns({ phone: 'Date', takenAt: 'Date', email: 'R' }, [TEST])), [
      'columns.email:desktop.columnTwice',
      'columns.takenAt:desktop.columnTwice',
    ]);
    assert.deepEqual(codes(checkColumns({ phone: 7, takenAt: 'Date' }, [TEST])), [
      'columns.phone:desktop.columnName',
      'columns.phone:desktop.columnIdentifier',
    ]);
    assert.deepEqual(codes(checkColumns('Phone', [TEST])), ['columns:desktop.columns']);
  });

  it('names the mapped columns a header lacks, and reads a record as a pushed row', () => {
    const columns = { phone: 'Phone', test: 'Test', takenAt: 'Date' };
    assert.deepEqual(codes({ ok: false, problems: missingColumns(['Phone', 'Date', 'R'], columns, [TEST, OTHER]) }), [
      'columns.test:import.columnMissing',
      'tests.0.scales.1.from:import.columnMissing',
    ]);
    assert.deepEqual(missingColumns(['Phone', 'Test', 'Date', 'Team score'], columns, [TEST, OTHER]), []);
    const record = { row: 2, cells: { Phone: '+77010000001', Test: 'Holland', Date: '2026-11-30', R: 3, S: null, 'Team score': 4 } };
    assert.deepEqual(rowOfRecord(record, columns, [TEST, OTHER]), { phone: '+77010000001', test: 'Holland', takenAt: '2026-11-30', scores: { R: 3 } });
    assert.ok(checkRow(rowOfRecord(record, columns, [TEST, OTHER]), [TEST, OTHER], NOW).ok);
  });
});
