/**
 * Reading a centre's export file into a table (R-TEST-2): CSV (UTF-8 with or without a BOM, `,`
 * or `;` between fields, quoted fields with doubled quotes and line breaks) or XLSX (the first
 * worksheet). The first row is the header. Nothing here knows about partners or people: a file
 * is either a table of cells, each under its column's header, or the reasons it is not one,
 * so the import refuses a malformed file before anything is stored.
 */
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { PartnersError, type Problem } from './errors';

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
  if (format === 'xlsx') return startsWith(bytes, ZIP) ? readXlsxApart(bytes) : refused('import.malformed');
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
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
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
    header.forEach((name, j) => {
      if (name) cells[name] = values[j] ?? null;
    });
    return { row, cells };
  });
  return { ok: true, table: { header: header.filter(Boolean), records } };
}

const cellOf = (c: Cell): Cell => (typeof c === 'string' ? (c.trim() === '' ? null : c.trim()) : c);

/**
 * Reading an XLSX is seconds of CPU for a large honest file (5 000 rows of 60 long text cells: about
 * 5 s) and up to 64 MB of inflating for any file, so it all runs in a worker thread
 * (desktop-sheet-worker.ts) and the CMS goes on answering meanwhile. The worker reads one file at a
 * time, and a file's time limit starts when the worker starts it: a file that is still being read
 * when it runs out is answered `import.tooSlow` alone, the worker is replaced, and the files waiting
 * behind it are read by the new one. At most MAX_WAITING files wait (each up to 5 MB, held until its
 * turn); one more is refused with a 503, to be sent again shortly. A worker that crashes fails only
 * the file it was reading. It is stopped when no file has come for a minute.
 */
const WORKER = path.join(__dirname, 'desktop-sheet-worker.js');
/** How long a new worker may take to start, and exceljs to load, before the file it holds fails. */
const STARTUP_MS = 60_000;
const IDLE_MS = 60_000;
export const MAX_WAITING = 3;

/** The time one file's reading may take, and the worker's heap (its buffers aside). */
type Limits = { timeoutMs: number; heapMb: number };
const LIMITS: Limits = { timeoutMs: 60_000, heapMb: 1024 };
let limits = LIMITS;

/**
 * Tests lower the limits; what is not given is the default. An idle worker is stopped, so the next
 * file gets a worker with the new heap.
 */
export function setXlsxReadLimits(given: Partial<Limits> = {}): void {
  limits = { ...LIMITS, ...given };
  if (reader && !running) retire(reader);
}

type Reader = { worker: Worker; ready: boolean };
type Job = { id: number; bytes: Uint8Array<ArrayBuffer>; done: (read: Read) => void; timer?: NodeJS.Timeout };

let reader: Reader | undefined;
let running: Job | undefined;
const waiting: Job[] = [];
let idle: NodeJS.Timeout | undefined;
let nextJob = 0;

const tooSlow = (): Read => refused('import.tooSlow', { seconds: Math.ceil(limits.timeoutMs / 1000) });

function readXlsxApart(bytes: Buffer): Promise<Read> {
  if (waiting.length >= MAX_WAITING) throw new PartnersError(503, { code: 'import.busy' });
  return new Promise<Read>((done) => {
    // A copy of its own (the request's buffer may be a slice of a shared pool), moved to the worker.
    waiting.push({ id: nextJob++, bytes: new Uint8Array(bytes), done });
    next();
  });
}

/** Starts the next waiting file when the worker is free, starting a worker if there is none. */
function next() {
  if (running || !waiting.length) return;
  clearTimeout(idle);
  const job = (running = waiting.shift()!);
  const r = (reader ??= spawn());
  if (!r.ready) return clock(r, job, STARTUP_MS);
  clock(r, job, limits.timeoutMs);
  hand(r, job);
}

/** The running file's time limit, from now; when it passes, the worker is replaced and the file fails. */
function clock(r: Reader, job: Job, ms: number) {
  clearTimeout(job.timer);
  job.timer = setTimeout(() => {
    if (running !== job) return;
    retire(r);
    finish(tooSlow());
  }, ms);
}

function hand(r: Reader, job: Job) {
  r.worker.postMessage({ job: job.id, bytes: job.bytes }, [job.bytes.buffer]);
}

/** Answers the running file and goes on with the next; the worker stops after a minute without files. */
function finish(read: Read) {
  const job = running!;
  running = undefined;
  clearTimeout(job.timer);
  job.done(read);
  next();
  if (!running && reader) {
    const r = reader;
    idle = setTimeout(() => retire(r), IDLE_MS).unref();
  }
}

/** Stops a worker; it is no longer the one files go to, so nothing it still says is heard. */
function retire(r: Reader) {
  if (reader === r) reader = undefined;
  void r.worker.terminate();
}

function spawn(): Reader {
  const r: Reader = { worker: new Worker(WORKER, { resourceLimits: { maxOldGenerationSizeMb: limits.heapMb } }), ready: false };
  r.worker.on('message', (message: { ready: true } | { job: number; loaded: true } | { job: number; read: Read }) => {
    if (reader !== r) return;
    if ('ready' in message) {
      r.ready = true;
      if (running) {
        clock(r, running, limits.timeoutMs);
        hand(r, running);
      }
    } else if (running?.id !== message.job) {
      return;
    } else if ('loaded' in message) {
      // exceljs took its time to load (once per worker): the file's own time starts again.
      clock(r, running, limits.timeoutMs);
    } else {
      finish(message.read);
    }
  });
  // A crash (out of memory, or anything else) fails the file being read, and only that one.
  const crashed = (read: Read) => {
    if (reader !== r) return;
    reader = undefined;
    if (running) finish(read);
  };
  r.worker.on('error', (error: { code?: string }) =>
    crashed(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refused('import.tooLarge', { max: 5 }) : refused('import.malformed')),
  );
  r.worker.on('exit', () => crashed(refused('import.malformed')));
  r.worker.unref();
  return r;
}
