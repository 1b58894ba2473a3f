// Pushes a centre's test results to Qabilet's desktop push API (plugins/partners/DESKTOP.md), as a
// centre's desktop program would: `POST /api/partners/desktop/<clientId>/results`, 500 rows a call.
//
//   QABILET_DESKTOP_KEY=qpk_… node scripts/desktop-push.mjs --client <clientId> --file results.xlsx \
//     [--map phone=Телефон --map takenAt=Дата …] [--url https://qabilet.example] [--lang ru] [--dry-run]
//
// The API key comes from the environment only (QABILET_DESKTOP_KEY), never the command line, so it
// stays out of shell history and process lists; --client may also be QABILET_DESKTOP_CLIENT and
// --url QABILET_URL. Files: .json (`{ "rows": [...] }` or `[...]`, sent as they are), .csv (UTF-8,
// `,` or `;`) or .xlsx (first worksheet; needs the `exceljs` package). In a CSV or XLSX the header
// names each column: externalId, phone, email, bookingRef, test, takenAt, or, with --map
// field=Header, the centre's own headers; every other column is a score, named by its header (the
// `from` of the test's scales). Only row numbers and the reasons are printed, never a phone or an
// e-mail. Exit code: 0 all stored (or duplicates), 1 the call was refused, 3 some rows rejected.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const FIELDS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt'];
const BATCH = 500;

const { values } = parseArgs({
  options: {
    client: { type: 'string', default: process.env.QABILET_DESKTOP_CLIENT },
    file: { type: 'string' },
    map: { type: 'string', multiple: true, default: [] },
    url: { type: 'string', default: process.env.QABILET_URL ?? `http://127.0.0.1:${process.env.PORT ?? 1337}` },
    lang: { type: 'string', default: 'ru' },
    'dry-run': { type: 'boolean', default: false },
  },
});

function fail(text) {
  console.error(text);
  process.exit(1);
}

const key = process.env.QABILET_DESKTOP_KEY;
if (!key) fail('Set QABILET_DESKTOP_KEY to the API key the Qabilet administrator gave the centre.');
if (!values.client || !/^[0-9a-f-]{36}$/.test(values.client)) fail('Give --client <clientId> (or QABILET_DESKTOP_CLIENT): the partner id shown in the admin.');
if (!values.file || !fs.existsSync(values.file)) fail('Give --file <results.csv|results.xlsx|results.json>.');

/** Which header holds each field: the field's own name unless --map says otherwise. */
const headerOf = Object.fromEntries(FIELDS.map((f) => [f, f]));
for (const pair of values.map) {
  const [field, ...rest] = pair.split('=');
  if (!FIELDS.includes(field) || !rest.length) fail(`--map takes field=Header, with field one of ${FIELDS.join(', ')}.`);
  headerOf[field] = rest.join('=');
}

/** CSV records (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes). */
function parseCsv(input) {
  const text = input.replace(/^\ufeff/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      records.push([...record, field]);
      record = [];
      field = '';
    } else field += c;
  }
  if (quoted) fail('The CSV file has a quoted field that never ends.');
  if (field || record.length) records.push([...record, field]);
  return records;
}

/** A spreadsheet date, as the wall clock of the centre (the API reads it as Kazakhstan time). */
const wallClock = (d) => d.toISOString().slice(0, 16);

async function readXlsx(file) {
  const { default: ExcelJS } = await import('exceljs').catch(() => fail('Reading .xlsx needs the exceljs package: npm install exceljs'));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.worksheets[0];
  if (!sheet) fail('The workbook has no worksheet.');
  const cell = (v) => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return wallClock(v);
    if (typeof v === 'object') return cell(v.result ?? v.text ?? (v.richText ? v.richText.map((t) => t.text).join('') : ''));
    return v;
  };
  const records = [];
  sheet.eachRow({ includeEmpty: true }, (row) => records.push(Array.from({ length: row.cellCount }, (_, j) => cell(row.getCell(j + 1).value))));
  return records;
}

/** Rows in the push API's shape, each with the file's row number (header = 1). */
function rowsOf(records) {
  const header = (records[0] ?? []).map((h) => String(h).trim());
  for (const field of FIELDS)
    if (values.map.some((m) => m.startsWith(`${field}=`)) && !header.includes(headerOf[field])) fail(`The file has no column "${headerOf[field]}".`);
  const byHeader = new Map(Object.entries(headerOf).map(([f, h]) => [h, f]));
  const rows = [];
  records.slice(1).forEach((cells, i) => {
    const row = { scores: {} };
    header.forEach((h, j) => {
      const v = typeof cells[j] === 'string' ? cells[j].trim() : cells[j];
      if (!h || v === '' || v === undefined || v === null) return;
      if (byHeader.has(h)) row[byHeader.get(h)] = v;
      else row.scores[h] = v;
    });
    if (Object.keys(row).length > 1 || Object.keys(row.scores).length) rows.push({ line: i + 2, row });
  });
  return rows;
}

async function load(file) {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.json') {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    const list = Array.isArray(parsed) ? parsed : parsed.rows;
    if (!Array.isArray(list)) fail('A JSON file holds { "rows": [...] } or an array of rows.');
    return list.map((row, i) => ({ line: i + 1, row }));
  }
  return rowsOf(ext === '.xlsx' ? await readXlsx(file) : parseCsv(fs.readFileSync(file, 'utf8')));
}

const rows = await load(values.file);
console.log(`${rows.length} rows read from ${path.basename(values.file)}`);
if (values['dry-run']) process.exit(0);

const total = { imported: 0, queued: 0, duplicates: 0, rejected: 0 };
for (let start = 0; start < rows.length; start += BATCH) {
  const batch = rows.slice(start, start + BATCH);
  const response = await fetch(`${values.url.replace(/\/$/, '')}/api/partners/desktop/${values.client}/results`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${key}`, 'Accept-Language': values.lang },
    body: JSON.stringify({ rows: batch.map((r) => r.row) }),
  }).catch((error) => fail(`Qabilet did not answer: ${error.message}`));
  const body = await response.json().catch(() => ({}));
  if (!response.ok) fail(`Refused (${response.status}): ${body.error?.message ?? response.statusText}`);
  const { imported, queued, duplicates, rejected } = body.data;
  Object.assign(total, {
    imported: total.imported + imported,
    queued: total.queued + queued,
    duplicates: total.duplicates + duplicates,
    rejected: total.rejected + rejected.length,
  });
  for (const r of rejected) console.log(`  row ${batch[r.index].line}: ${r.errors.map((e) => `${e.path.join('.') || 'row'}: ${e.message}`).join('; ')}`);
}
console.log(`imported ${total.imported}, waiting for review ${total.queued}, already there ${total.duplicates}, rejected ${total.rejected}`);
process.exit(total.rejected ? 3 : 0);
