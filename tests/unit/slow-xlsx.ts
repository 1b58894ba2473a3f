/**
 * XLSX files that take exceljs long to read, for the tests of the desktop import's time limit and
 * queue. `crowdedXlsx` is honest: `rows` rows of `columns` numbers (5 000 × 100 is about 3.4 MB,
 * under the import's 5 MB, and a couple of seconds of reading). `mergedXlsx` is crafted: a 16 KB
 * file whose sheet merges the cells of `range`; exceljs makes every merged cell, in one synchronous
 * loop, so a whole sheet's range would take it minutes and gigabytes, and nothing else runs on its
 * thread meanwhile.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { storedZip, unzipWithin } from '../../plugins/partners/dist/server/desktop-zip.js';

export async function crowdedXlsx(rows: number, columns: number): Promise<Buffer> {
  const out = new PassThrough();
  const parts: Buffer[] = [];
  out.on('data', (chunk: Buffer) => parts.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out });
  const sheet = workbook.addWorksheet('Results');
  sheet.addRow(Array.from({ length: columns }, (_, j) => `C${j}`)).commit();
  for (let i = 1; i < rows; i++) sheet.addRow(Array.from({ length: columns }, (_, j) => i * j)).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(parts);
}

export async function mergedXlsx(range = 'A2:XFD1048576'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Results').addRow(['Phone', 'R']);
  const unzipped = unzipWithin(Buffer.from(await workbook.xlsx.writeBuffer()), 1024 * 1024);
  if (!unzipped.ok) throw new Error('exceljs wrote a zip we cannot read');
  const merge = `</sheetData><mergeCells count="1"><mergeCell ref="${range}"/></mergeCells>`;
  return storedZip(
    unzipped.entries.map((e) =>
      e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace('</sheetData>', merge)) } : e,
    ),
  );
}
