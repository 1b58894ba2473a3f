/**
 * A hand-written XLSX whose first sheet is padded with `megabytes` MB of blanks between its rows, as
 * a zip bomb is: a few hundred KB on disk. Unless `honest`, the zip's local header and central
 * directory both say the sheet is 1 KB (and give no CRC), which is what a size check that trusts the
 * directory lets through. Written with node:zlib alone, so no library under test builds it.
 */
import zlib from 'node:zlib';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

const SKELETON: Array<[string, string]> = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
  ],
  ['_rels/.rels', `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`],
  ['xl/workbook.xml', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="Results" sheetId="1" r:id="rId1"/></sheets></workbook>`],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
  ],
];

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** The sheet's XML, deflated as a stream so that the padding is never held whole. */
async function paddedSheet(megabytes: number): Promise<{ deflated: Buffer; size: number; crc: number }> {
  const head = Buffer.from(
    `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${inline('A1', 'Телефон')}${inline('B1', 'Тест')}${inline('C1', 'Дата')}${inline('D1', 'R')}</row>`,
  );
  const tail = Buffer.from('</sheetData></worksheet>');
  const blanks = Buffer.alloc(1024 * 1024, 0x20);
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const parts: Buffer[] = [];
  deflate.on('data', (chunk: Buffer) => parts.push(chunk));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  let crc = zlib.crc32(head);
  deflate.write(head);
  for (let i = 0; i < megabytes; i++) {
    crc = zlib.crc32(blanks, crc);
    if (!deflate.write(blanks)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  crc = zlib.crc32(tail, crc);
  deflate.end(tail);
  await done;
  return { deflated: Buffer.concat(parts), size: head.length + megabytes * blanks.length + tail.length, crc };
}

type Entry = { name: Buffer; data: Buffer; method: number; crc: number; size: number };

function zip(entries: Entry[]): Buffer {
  const out: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt16LE(0x0021, 12);
    local.writeUInt32LE(e.crc, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size, 22);
    local.writeUInt16LE(e.name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt16LE(0x0021, 14);
    central.writeUInt32LE(e.crc, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.size, 24);
    central.writeUInt16LE(e.name.length, 28);
    central.writeUInt32LE(offset, 42);
    out.push(local, e.name, e.data);
    directory.push(central, e.name);
    offset += 30 + e.name.length + e.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, ...directory, end]);
}

export async function lyingXlsx(megabytes: number, options: { honest?: boolean } = {}): Promise<Buffer> {
  const sheet = await paddedSheet(megabytes);
  const entries: Entry[] = SKELETON.map(([name, text]) => {
    const data = Buffer.from(text);
    return { name: Buffer.from(name), data: zlib.deflateRawSync(data), method: 8, crc: zlib.crc32(data), size: data.length };
  });
  entries.push({
    name: Buffer.from('xl/worksheets/sheet1.xml'),
    data: sheet.deflated,
    method: 8,
    crc: options.honest ? sheet.crc : 0,
    size: options.honest ? sheet.size : 1024,
  });
  return zip(entries);
}
