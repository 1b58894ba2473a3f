/**
 * Export of the registry of users by template (R-NFR-8, as the requests' registry exports): the
 * filtered list within the exporter's scope, as XLSX or CSV, with the template's columns and
 * headers in the chosen language. Templates are content (`plugin::talent.export-template`) that
 * staff may change in the Content Manager; their columns are checked against PEOPLE_COLUMNS.
 */
import type { Core } from '@strapi/strapi';
import { checkTemplateColumns, type Language, type PeopleFilters } from '@qabilet/domain';
import { tableFile, type TableFile } from '@qabilet/plugin-kit/server';
import { TalentError } from '../errors';
import { message, type MessageKey } from '../messages';
import { PEOPLE, type PersonRow, type TalentScope } from '../scope';
import { filtered, itemOf } from './list';
import { DETAILS } from './sources';

export const TEMPLATE = 'plugin::talent.export-template';
export const MAX_EXPORT_ROWS = 50_000;

export const PEOPLE_COLUMNS = ['name', 'kind', ...DETAILS, 'consent', 'services', 'lastActivity', 'talent'] as const;
export type PeopleColumn = (typeof PEOPLE_COLUMNS)[number];
export type Template = { key: string; name: string; columns: Array<{ key: PeopleColumn; header: Record<Language, string> }>; isDefault: boolean };

const HEADERS: Record<PeopleColumn, Record<Language, string>> = {
  name: { kk: 'Аты-жөні', ru: 'ФИО', en: 'Name' },
  kind: { kk: 'Кім', ru: 'Кто', en: 'Person' },
  phone: { kk: 'Телефон', ru: 'Телефон', en: 'Phone' },
  email: { kk: 'Электрондық пошта', ru: 'Электронная почта', en: 'E-mail' },
  birthDate: { kk: 'Туған күні', ru: 'Дата рождения', en: 'Date of birth' },
  region: { kk: 'Өңір', ru: 'Регион', en: 'Region' },
  locality: { kk: 'Елді мекен', ru: 'Населённый пункт', en: 'Locality' },
  education: { kk: 'Білімі', ru: 'Образование', en: 'Education' },
  userType: { kk: 'Пайдаланушы түрі', ru: 'Тип пользователя', en: 'User type' },
  consent: { kk: 'Келісім', ru: 'Согласие', en: 'Consent' },
  services: { kk: 'Пайдаланған қызметтері', ru: 'Использованные услуги', en: 'Services used' },
  lastActivity: { kk: 'Соңғы белсенділік', ru: 'Последняя активность', en: 'Last activity' },
  talent: { kk: 'Дарын күйі', ru: 'Статус таланта', en: 'Talent status' },
};

export const DEFAULT_TEMPLATE: Template = {
  key: 'people',
  name: 'Registry of users (all columns)',
  isDefault: true,
  columns: PEOPLE_COLUMNS.map((key) => ({ key, header: HEADERS[key] })),
};

export const checkColumns = (columns: unknown) => checkTemplateColumns<PeopleColumn>(columns, PEOPLE_COLUMNS);

export async function templates(strapi: Core.Strapi): Promise<Template[]> {
  return strapi.db.query(TEMPLATE).findMany({ select: ['key', 'name', 'columns', 'isDefault'], orderBy: [{ isDefault: 'desc' }, { name: 'asc' }] });
}

const almaty = (iso: string | null) => {
  if (!iso) return '';
  const local = new Date(Date.parse(iso) + 5 * 3_600_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
};

function cellOf(row: PersonRow, key: PeopleColumn, l: Language, regions: Map<string, string>): string {
  const item = itemOf(row, false);
  const label = (k: string) => message(l, k as MessageKey);
  switch (key) {
    case 'name':
      return item.name;
    case 'kind':
      return label(`kind.${item.kind}`);
    case 'phone':
      return item.phone ?? '';
    case 'email':
      return item.email ?? '';
    case 'birthDate':
      return item.birthDate ?? '';
    case 'region':
      return item.region ? (regions.get(item.region) ?? item.region) : '';
    case 'locality':
      return item.locality ?? '';
    case 'education':
      return item.education ? label(`education.${item.education}`) : '';
    case 'userType':
      return item.userType ? label(`userType.${item.userType}`) : '';
    case 'consent':
      return item.consent ? label(`consent.${item.consent}`) : '';
    case 'services':
      return item.services.map((s) => label(`service.${s}`)).join(', ');
    case 'lastActivity':
      return almaty(item.lastActivityAt);
    case 'talent':
      return item.talent ? label(`talent.${item.talent}`) : '';
  }
}

export async function exportPeople(
  strapi: Core.Strapi,
  scope: TalentScope,
  filters: PeopleFilters,
  template: Template,
  file: 'xlsx' | 'csv',
  language: Language,
  now: Date,
): Promise<TableFile> {
  const rows = (await filtered(strapi, scope, filters)
    .select(`${PEOPLE}.*`)
    .orderBy(`${PEOPLE}.id`, 'asc')
    .limit(MAX_EXPORT_ROWS + 1)) as PersonRow[];
  if (rows.length > MAX_EXPORT_ROWS) throw new TalentError(400, { code: 'export.tooMany', values: { max: MAX_EXPORT_ROWS } });
  const regionRows = await strapi.db.query('api::region.region').findMany({ select: ['code', 'name'], where: { locale: language } });
  const regions = new Map<string, string>(regionRows.map((r: { code: string; name: string }) => [r.code, r.name]));
  return tableFile({
    header: template.columns.map((c) => c.header[language] ?? c.header.en),
    rows: rows.map((r) => template.columns.map((c) => cellOf(r, c.key, language, regions))),
    file,
    sheet: template.name,
    filename: `qabilet-people-${template.key}-${now.toISOString().slice(0, 10)}`,
    now,
  });
}
