/**
 * A table written as a file staff download (the registries' exports): CSV with a byte-order mark
 * (Excel reads the Cyrillic as UTF-8) or XLSX with a bold, frozen header. Every cell is neutralised
 * against formula injection (`neutralizeCell`, OWASP "CSV injection").
 */
import ExcelJS from 'exceljs';
import { csvLine, neutralizeCell } from '@qabilet/domain';

export type TableFile = { body: Buffer; type: string; filename: string; rows: number };

export async function tableFile(input: {
  header: string[];
  rows: string[][];
  file: 'xlsx' | 'csv';
  sheet: string;
  filename: string;
  now: Date;
}): Promise<TableFile> {
  const { header, rows, file, now } = input;
  const filename = `${input.filename}.${file}`;
  if (file === 'csv') {
    const text = '\ufeff' + [header, ...rows].map(csvLine).join('\r\n') + '\r\n';
    return { body: Buffer.from(text, 'utf8'), type: 'text/csv; charset=utf-8', filename, rows: rows.length };
  }
  const book = new ExcelJS.Workbook();
  book.created = now;
  const sheet = book.addWorksheet(input.sheet.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow(header.map(neutralizeCell)).font = { bold: true };
  for (const cells of rows) sheet.addRow(cells.map(neutralizeCell));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col: Partial<ExcelJS.Column>, i: number) => (col.width = Math.min(40, Math.max(10, header[i]!.length + 2))));
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { body, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename, rows: rows.length };
}
