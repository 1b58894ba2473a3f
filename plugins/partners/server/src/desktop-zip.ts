/**
 * Opening an XLSX's zip within a budget, before any spreadsheet library sees it. A zip's directory
 * says how large each entry unzips to, but nothing makes it tell the truth: a 300 KB file whose
 * directory claims 1 KB can hold a sheet that inflates to 300 MB. So each entry is inflated here,
 * from the bytes its local header points at, with zlib's `maxOutputLength`: zlib stops as soon as
 * the output passes what is left of the budget, so a lying file costs what the budget costs (tens
 * of milliseconds), whatever its directory says. What passes is handed on as a new zip whose entries
 * are stored, not compressed: the library reads exactly the bytes counted here and inflates nothing.
 */
import zlib from 'node:zlib';

export type ZipEntry = { name: string; data: Buffer };
export type Unzipped = { ok: true; entries: ZipEntry[] } | { ok: false; problem: 'malformed' | 'tooLarge' };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
/** An XLSX has a dozen entries or so; a directory of thousands is not an export. */
const MAX_ENTRIES = 1000;

const malformed: Unzipped = { ok: false, problem: 'malformed' };
const tooLarge: Unzipped = { ok: false, problem: 'tooLarge' };

/** Where the end-of-central-directory record starts: within the last 22 + 65 535 bytes (its comment). */
function endOfDirectory(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD && at + 22 + bytes.readUInt16LE(at + 20) === bytes.length) return at;
  }
  return -1;
}

/** Inflates one entry, refusing output past `budget` bytes; null when the stream is not deflate. */
function inflateWithin(data: Buffer, budget: number): Buffer | 'tooLarge' | null {
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, budget), chunkSize: 64 * 1024 });
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'tooLarge' : null;
  }
}

/**
 * Every entry of the zip `bytes`, inflated, at most `budget` bytes in all. An entry that is
 * encrypted, ZIP64, compressed by another method than deflate, out of the file's bounds, or whose
 * real size differs from what the directory says, makes the file malformed.
 */
export function unzipWithin(bytes: Buffer, budget: number): Unzipped {
  if (bytes.length < 22) return malformed;
  const end = endOfDirectory(bytes);
  if (end < 0) return malformed;
  const count = bytes.readUInt16LE(end + 10);
  if (count === 0 || count > MAX_ENTRIES || count !== bytes.readUInt16LE(end + 8)) return malformed;
  let at = bytes.readUInt32LE(end + 16);
  let left = budget;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL) return malformed;
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const declaredSize = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (at > end || flags & 0x1 || (method !== STORED && method !== DEFLATED)) return malformed;
    if (compressedSize === 0xffffffff || declaredSize === 0xffffffff || local === 0xffffffff) return declaredSize === 0xffffffff ? tooLarge : malformed;
    // The directory's size is a claim: more than is left refuses at once, less is checked below.
    if (declaredSize > left) return tooLarge;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL) return malformed;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressedSize > bytes.length) return malformed;
    const raw = bytes.subarray(start, start + compressedSize);
    const data = method === STORED ? raw : inflateWithin(raw, left);
    if (data === 'tooLarge') return tooLarge;
    if (data === null || data.length !== declaredSize) return malformed;
    left -= data.length;
    if (name.endsWith('/')) continue;
    entries.push({ name, data });
  }
  return { ok: true, entries };
}

/** A zip of `entries`, each stored as it is (method 0), with a correct CRC-32: nothing in it to inflate. */
export function storedZip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(STORED, 8);
    local.writeUInt16LE(0x0021, 12); // 1 January 1980, the zip format's first day
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(STORED, 10);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    parts.push(local, fileName, data);
    directory.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(size, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, eocd]);
}
