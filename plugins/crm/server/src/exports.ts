/**
 * Export of the registry by template (R-NFR-8): the filtered list, within the exporter's scope, as
 * XLSX or CSV with the template's columns and headers in the chosen language. Every cell is
 * neutralised against formula injection; every export is logged (who, which filter, how many rows).
 */
import ExcelJS from 'exceljs';
import type { Core } from '@strapi/strapi';
import { csvLine, EXPORT_COLUMNS, neutralizeCell, type ExportColumn, type Language, type RegistryFilters, type TemplateColumn } from '@qabilet/domain';
import { CrmError } from './errors';
import { message, type MessageKey } from './messages';
import { allRows } from './store';
import type { Scope } from './scope';
import { viewsOf, type RequestView } from './views';

export const TEMPLATE = 'plugin::crm.export-template';
export const MAX_EXPORT_ROWS = 50_000;

export type Template = { key: string; name: string; columns: TemplateColumn[]; isDefault: boolean };

const HEADERS: Record<ExportColumn, Record<Language, string>> = {
  number: { kk: 'Өтінім нөмірі', ru: 'Номер заявки', en: 'Request number' },
  createdAt: { kk: 'Құрылған күні', ru: 'Дата создания', en: 'Created' },
  source: { kk: 'Дереккөз', ru: 'Источник', en: 'Source' },
  status: { kk: 'Күйі', ru: 'Статус', en: 'Status' },
  service: { kk: 'Қызмет', ru: 'Услуга', en: 'Service' },
  format: { kk: 'Формат', ru: 'Формат', en: 'Format' },
  personKind: { kk: 'Кім', ru: 'Кто', en: 'Person' },
  personName: { kk: 'Аты-жөні', ru: 'ФИО', en: 'Name' },
  phone: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' },
  region: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
  centre: { kk: 'Орталық', ru: 'Центр', en: 'Centre' },
  specialist: { kk: 'Маман', ru: 'Специалист', en: 'Specialist' },
  bookingDate: { kk: 'Кездесу күні', ru: 'Дата приёма', en: 'Appointment date' },
  bookingTime: { kk: 'Кездесу уақыты', ru: 'Время приёма', en: 'Appointment time' },
  wish: { kk: 'Тілегі', ru: 'Пожелание', en: 'Wish' },
  outcome: { kk: 'Нәтижесі', ru: 'Итог', en: 'Outcome' },
  callId: { kk: 'Қоңырау идентификаторы', ru: 'ID звонка', en: 'Call id' },
};

/** The template seeded on a new database: every column, in order. Staff may change it or add others in the admin. */
export const DEFAULT_TEMPLATE: Template = {
  key: 'registry',
  name: 'Registry of requests (all columns)',
  isDefault: true,
  columns: EXPORT_COLUMNS.map((key) => ({ key, header: HEADERS[key] })),
};

const almaty = (iso: string) => {
  const local = new Date(Date.parse(iso) + 5 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

function cellOf(view: RequestView, key: ExportColumn, l: Language): string {
  const label = (k: string) => message(l, k as MessageKey);
  switch (key) {
    case 'number':
      return view.number;
    case 'createdAt':
      return almaty(view.createdAt);
    case 'source':
      return label(`source.${view.source}`);
    case 'status':
      return label(`status.${view.status}`);
    case 'service':
      return label(`service.${view.service}`);
    case 'format':
      return label(`format.${view.format}`);
    case 'personKind':
      return label(`person.${view.person.kind}`);
    case 'personName':
      return view.person.name;
    case 'phone':
      return view.person.phone ?? '';
    case 'region':
      return view.region?.name ?? '';
    case 'centre':
      return view.centre?.name ?? '';
    case 'specialist':
      return view.specialist?.name ?? '';
    case 'bookingDate':
      return view.booking?.date ?? '';
    case 'bookingTime':
      return view.booking?.time ?? '';
    case 'wish':
      return view.wish ?? '';
    case 'outcome':
      return view.outcome ?? '';
    case 'callId':
      return view.callId?.slice(view.callId.indexOf(':') + 1) ?? '';
  }
}

export async function templates(strapi: Core.Strapi): Promise<Template[]> {
  return strapi.db.query(TEMPLATE).findMany({ select: ['key', 'name', 'columns', 'isDefault'], orderBy: [{ isDefault: 'desc' }, { name: 'asc' }] });
}

export type ExportFile = { body: Buffer; type: string; filename: string; rows: number };

export async function exportRequests(
  strapi: Core.Strapi,
  scope: Scope,
  filters: RegistryFilters,
  template: Template,
  file: 'xlsx' | 'csv',
  language: Language,
  now: Date,
): Promise<ExportFile> {
  const rows = await allRows(strapi, scope, filters, MAX_EXPORT_ROWS);
  if (rows.length > MAX_EXPORT_ROWS) throw new CrmError(400, { code: 'export.tooMany', values: { count: `${MAX_EXPORT_ROWS}+`, max: MAX_EXPORT_ROWS } });
  const header = template.columns.map((c) => c.header[language] ?? c.header.en);
  const table: string[][] = [];
  for (let i = 0; i < rows.length; i += 500) {
    for (const view of await viewsOf(strapi, rows.slice(i, i + 500), language)) table.push(template.columns.map((c) => cellOf(view, c.key, language)));
  }
  const stamp = now.toISOString().slice(0, 10);
  const filename = `qabilet-requests-${template.key}-${stamp}.${file}`;
  if (file === 'csv') {
    // A byte-order mark, so that Excel reads the Cyrillic as UTF-8.
    const text = '\ufeff' + [header, ...table].map(csvLine).join('\r\n') + '\r\n';
    return { body: Buffer.from(text, 'utf8'), type: 'text/csv; charset=utf-8', filename, rows: rows.length };
  }
  const book = new ExcelJS.Workbook();
  book.created = now;
  const sheet = book.addWorksheet(template.name.slice(0, 31).replace(/[\\/?*[\]:]/g, ' '));
  sheet.addRow(header.map(neutralizeCell)).font = { bold: true };
  for (const cells of table) sheet.addRow(cells.map(neutralizeCell));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  sheet.columns.forEach((col: Partial<ExcelJS.Column>, i: number) => (col.width = Math.min(40, Math.max(10, header[i]!.length + 2))));
  const body = Buffer.from(await book.xlsx.writeBuffer());
  return { body, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', filename, rows: rows.length };
}
