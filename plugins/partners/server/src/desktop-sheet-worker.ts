/**
 * The worker thread that reads XLSX files for desktop-parse.ts, one file at a time: the file's bytes
 * (at most 5 MB) come in, the table or the reasons go back. Everything that costs CPU in proportion
 * to what the zip holds runs here, off the CMS's event loop: the budgeted unzip (desktop-zip.ts) and
 * exceljs. exceljs is loaded when the first file passes the unzip (a refused zip bomb never costs
 * it), and the thread says so: a file's time limit counts the reading of the file, not the loading
 * of the library.
 */
import { parentPort } from 'node:worker_threads';
import type ExcelJS from 'exceljs';
import { tableOf, MAX_ROWS, type Cell, type Read } from './desktop-parse';
import { storedZip, unzipWithin } from './desktop-zip';

/**
 * The most an export may hold once unzipped, and the columns read of a row: a file cannot make the
 * server hold more. The budget is counted on the bytes zlib really produces (desktop-zip.ts), not
 * on what the zip's directory claims.
 */
const MAX_UNZIPPED = 64 * 1024 * 1024;
const MAX_COLUMNS = 200;

const refused = (code: 'import.malformed' | 'import.tooLarge' | 'import.noHeader' | 'import.tooManyRows', values?: Record<string, number>): Read => ({
  ok: false,
  problems: [{ field: 'content', code, values }],
});

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

/** The file's zip unzipped within the budget and zipped again stored, or why it cannot be. */
function checkedZip(bytes: Buffer): Buffer | Read {
  const unzipped = unzipWithin(bytes, MAX_UNZIPPED);
  if (!unzipped.ok) return unzipped.problem === 'tooLarge' ? refused('import.tooLarge', { max: 5 }) : refused('import.malformed');
  return storedZip(unzipped.entries);
}

let excel: typeof ExcelJS | undefined;

/** exceljs, loaded on first use; `loaded` is told when that happens. */
function exceljs(loaded: () => void): typeof ExcelJS {
  if (!excel) {
    // Loaded lazily and synchronously, in the worker only, once a file has passed the unzip.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    excel = require('exceljs') as typeof ExcelJS;
    loaded();
  }
  return excel;
}

/** The first sheet of an XLSX file as a table; exceljs sees only the stored zip checked above. */
export async function readXlsx(bytes: Buffer, loaded: () => void = () => {}): Promise<Read> {
  const zip = checkedZip(bytes);
  if (!Buffer.isBuffer(zip)) return zip;
  const workbook = new (exceljs(loaded).Workbook)();
  try {
    await workbook.xlsx.load(zip as unknown as ArrayBuffer);
  } catch {
    return refused('import.malformed');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.rowCount === 0) return refused('import.noHeader');
  if (sheet.actualRowCount > MAX_ROWS + 1) return refused('import.tooManyRows', { max: MAX_ROWS });
  const rows: Array<{ row: number; values: Cell[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, n) => {
    rows.push({ row: n, values: Array.from({ length: Math.min(row.cellCount, MAX_COLUMNS) }, (_, j) => excelValue(row.getCell(j + 1).value)) });
  });
  return tableOf(rows);
}

if (parentPort) {
  const port = parentPort;
  port.on('message', ({ job, bytes }: { job: number; bytes: Uint8Array }) => {
    readXlsx(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), () => port.postMessage({ job, loaded: true })).then(
      (read) => port.postMessage({ job, read }),
      () => port.postMessage({ job, read: refused('import.malformed') }),
    );
  });
  port.postMessage({ ready: true });
}
