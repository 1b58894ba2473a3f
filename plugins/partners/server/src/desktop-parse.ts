/**
 * Reading a centre's export file into a table (R-TEST-2): CSV (UTF-8 with or without a BOM, `,`
 * or `;` between fields, quoted fields with doubled quotes and line breaks) or XLSX (the first
 * worksheet). The first row is the header. Nothing here knows about partners or people: a file
 * is either a table of cells, each under its column's header, or the reasons it is not one,
 * so the import refuses a malformed file before anything is stored.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import type { Problem } from './errors';
import { storedZip, unzipWithin } from './desktop-zip';

export type Cell = string | number | Date | null;
export type TableRecord = { row: number; cells: Record<string, Cell> };
export type Table = { header: string[]; records: TableRecord[] };
export type Format = 'csv' | 'xlsx';
export type Read = { ok: true; table: Table } | { ok: false; problems: Problem[] };

export const MAX_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);
const refused = (code: Problem['code'], values?: Problem['values']): Read => ({ ok: false, problems: [{ field: 'content', code, values }] });

/** The file's format: as asked, else by its name, else by its first bytes. */
export function formatOf(bytes: Buffer, fileName: string, asked?: Format): Format {
  if (asked) return asked;
  if (/\.xlsx$/i.test(fileName)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(fileName)) return 'csv';
  return startsWith(bytes, ZIP) ? 'xlsx' : 'csv';
}

export async function readTable(bytes: Buffer, fileName: string, asked?: Format): Promise<Read> {
  if (bytes.length === 0) return refused('import.empty');
  if (bytes.length > MAX_BYTES) return refused('import.tooLarge', { max: 5 });
  if (startsWith(bytes, OLE)) return refused('import.oldExcel');
  const format = formatOf(bytes, fileName, asked);
  if (format === 'xlsx') return startsWith(bytes, ZIP) ? readXlsx(bytes) : refused('import.malformed');
  if (startsWith(bytes, ZIP) || bytes.includes(0)) return refused('import.malformed');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return refused('import.encoding');
  }
  const records = parseCsv(text);
  return records ? tableOf(records.map((values, i) => ({ row: i + 1, values }))) : refused('import.malformed');
}

/** The delimiter of the header line: `;` when it has more of them than of `,` (outside quotes). */
export function delimiterOf(text: string): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ',') commas++;
    else if (!quoted && c === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

/** The records of a CSV text (RFC 4180, leniently), or null when a quoted field never ends. */
export function parseCsv(input: string): string[][] | null {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = delimiterOf(text);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (c === '"' && field === '' && !wasQuoted) {
      quoted = wasQuoted = true;
    } else if (c === delimiter) {
      record.push(field);
      field = '';
      wasQuoted = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      wasQuoted = false;
    } else {
      field += c;
    }
  }
  if (quoted) return null;
  if (field !== '' || wasQuoted || record.length) records.push([...record, field]);
  return records;
}

type Line = { row: number; values: Cell[] };

/** The first line that is not empty is the header; the records under it keep their row numbers. */
export function tableOf(lines: Line[]): Read {
  const rows = lines.map((l) => ({ row: l.row, values: l.values.map(cellOf) })).filter((l) => l.values.some((v) => v !== null));
  const header = (rows[0]?.values ?? []).map((c) => (c === null ? '' : String(c).trim()));
  if (!header.some(Boolean)) return refused('import.noHeader');
  const seen = new Set<string>();
  for (const name of header.filter(Boolean)) {
    if (seen.has(name)) return refused('import.headerDuplicate', { column: name });
    seen.add(name);
  }
  if (rows.length - 1 > MAX_ROWS) return refused('import.tooManyRows', { max: MAX_ROWS });
  const records = rows.slice(1).map(({ row, values }) => {
    const cells: Record<string, Cell> = {};
    header.forEach((name, j) => { if (name) cells[name] = values[j] ?? null; });
    return { row, cells };
  });
  return { ok: true, table: { header: header.filter(Boolean), records } };
}

const cellOf = (c: Cell): Cell => (typeof c === 'string' ? (c.trim() === '' ? null : c.trim()) : c);

/** An XLSX cell's value as shown: formulas by their result, rich text and links by their text. */
export function excelValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if ('richText' in v) return v.richText.map((t) => t.text).join('');
  if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : excelValue(v.text as ExcelJS.CellValue);
  if ('result' in v) return excelValue(v.result as ExcelJS.CellValue);
  if ('error' in v) return String(v.error);
  return null;
}

/**
 * The most an export may hold once unzipped, and the columns read of a row: a file cannot make the
 * server hold more. The budget is counted on the bytes zlib really produces (desktop-zip.ts), not
 * on what the zip's directory claims.
 */
const MAX_UNZIPPED = 64 * 1024 * 1024;
const MAX_COLUMNS = 200;

async function readXlsx(bytes: Buffer): Promise<Read> {
  const unzipped = unzipWithin(bytes, MAX_UNZIPPED);
  if (!unzipped.ok) return unzipped.problem === 'tooLarge' ? refused('import.tooLarge', { max: 5 }) : refused('import.malformed');
  return readSheetApart(storedZip(unzipped.entries));
}

/**
 * Reading the sheet of a large honest XLSX is seconds of CPU (5 000 rows of 60 long text cells:
 * about 5 s), so exceljs runs in a worker thread and the CMS goes on answering meanwhile. One worker
 * reads the files in turn; it is started when a file comes and stopped when none has for a minute.
 */
const WORKER = path.join(__dirname, 'desktop-sheet-worker.js');
const READ_TIMEOUT_MS = 60_000;
const IDLE_MS = 60_000;

type Reader = { worker: Worker; jobs: Map<number, (read: Read) => void>; idle?: NodeJS.Timeout; stopped?: Read };
let current: Reader | undefined;
let nextJob = 0;

function reader(): Reader {
  if (current) return current;
  const r: Reader = { worker: new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: 1024 } }), jobs: new Map() };
  const failAll = (read: Read) => {
    if (current === r) current = undefined;
    for (const done of r.jobs.values()) done(read);
  };
  r.worker.on('message', ({ job, read }: { job: number; read: Read }) => r.jobs.get(job)?.(read));
  r.worker.on('error', (error: { code?: string }) => failAll(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refused('import.tooLarge', { max: 5 }) : refused('import.malformed')));
  r.worker.on('exit', () => failAll(r.stopped ?? refused('import.malformed')));
  r.worker.unref();
  return (current = r);
}

/** Stops a worker; what it was still reading is answered with `read`. */
function stop(r: Reader, read: Read) {
  if (current === r) current = undefined;
  r.stopped = read;
  void r.worker.terminate();
}

function readSheetApart(zip: Buffer): Promise<Read> {
  const r = reader();
  clearTimeout(r.idle);
  const job = nextJob++;
  // A copy of its own, moved (not copied again) to the worker.
  const copy = new Uint8Array(zip);
  return new Promise<Read>((resolve) => {
    const timer = setTimeout(() => stop(r, refused('import.tooLarge', { max: 5 })), READ_TIMEOUT_MS);
    r.jobs.set(job, (read) => {
      clearTimeout(timer);
      r.jobs.delete(job);
      if (!r.jobs.size) r.idle = setTimeout(() => stop(r, refused('import.malformed')), IDLE_MS).unref();
      resolve(read);
    });
    r.worker.postMessage({ job, zip: copy }, [copy.buffer]);
  });
}

/** Reads the first sheet of an XLSX whose zip has been checked (desktop-sheet-worker.ts runs it). */
export async function readSheet(zip: Buffer): Promise<Read> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(zip as unknown as ArrayBuffer);
  } catch {
    return refused('import.malformed');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return refused('import.noHeader');
  if (sheet.actualRowCount > MAX_ROWS + 1) return refused('import.tooManyRows', { max: MAX_ROWS });
  const rows: Line[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    rows.push({ row: n, values: Array.from({ length: Math.min(row.cellCount, MAX_COLUMNS) }, (_, j) => excelValue(row.getCell(j + 1).value)) });
  });
  return tableOf(rows);
}
