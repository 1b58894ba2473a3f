/**
 * The people a specialist consulted (their completed bookings) and whose talents they confirmed,
 * as far as the viewer's own scope reaches (a coordinator does not see, through a specialist's
 * card, a person outside their region); and the export of them for the psychologist — read-only
 * personal data, through the kit's tableFile (every cell neutralised against formulas).
 */
import type { Core } from '@strapi/strapi';
import type { ConsultedPerson, Language } from '@qabilet/domain';
import { tableFile, type TableFile } from '@qabilet/plugin-kit/server';
import { message, type MessageKey } from '../messages';
import { inScope, PEOPLE, type PersonRow, type TalentScope } from '../scope';
import { nameOf } from '../people/list';
import { confirmationsBy, consultations, latestTests, type SpecialistRecord } from './sources';

export type Consulted = { people: Array<ConsultedPerson & { row: PersonRow }>; completed: number; bookingIds: number[] };

export async function consultedBy(strapi: Core.Strapi, viewer: TalentScope, specialist: SpecialistRecord): Promise<Consulted> {
  const held = await consultations(strapi, specialist.id);
  const confirmed = await confirmationsBy(strapi, specialist.adminId);
  const byKey = new Map<string, { consultations: number; last: number | null }>();
  for (const c of held) {
    const seen = byKey.get(c.personKey) ?? { consultations: 0, last: null };
    byKey.set(c.personKey, { consultations: seen.consultations + 1, last: Math.max(seen.last ?? 0, c.at) });
  }
  for (const key of confirmed.keys()) if (!byKey.has(key)) byKey.set(key, { consultations: 0, last: null });
  const keys = [...byKey.keys()];
  const knex = strapi.db.connection;
  const rows: PersonRow[] = [];
  for (let i = 0; i < keys.length; i += 500)
    rows.push(...((await inScope(knex, knex(PEOPLE).whereIn(`${PEOPLE}.person_key`, keys.slice(i, i + 500)), viewer).select(`${PEOPLE}.*`)) as PersonRow[]));
  const people = rows.map((row) => {
    const seen = byKey.get(row.person_key)!;
    return {
      id: row.id,
      name: nameOf(row),
      consultations: seen.consultations,
      lastConsultationAt: seen.last === null ? null : new Date(seen.last).toISOString(),
      confirmations: confirmed.get(row.person_key) ?? 0,
      row,
    };
  });
  people.sort((a, b) => (b.lastConsultationAt ?? '').localeCompare(a.lastConsultationAt ?? '') || a.name.localeCompare(b.name));
  return { people, completed: held.length, bookingIds: held.map((c) => c.bookingId) };
}

const COLUMNS = ['name', 'birthDate', 'region', 'services', 'consultations', 'lastConsultation', 'lastTest', 'talent'] as const;
const day = (t: number) => new Date(t + 5 * 3_600_000).toISOString().slice(0, 10);

export async function exportConsulted(
  strapi: Core.Strapi,
  consulted: Consulted,
  specialist: SpecialistRecord,
  file: 'xlsx' | 'csv',
  language: Language,
  now: Date,
): Promise<TableFile> {
  const label = (k: string) => message(language, k as MessageKey);
  const regionRows = await strapi.db.query('api::region.region').findMany({ select: ['code', 'name'], where: { locale: language } });
  const regions = new Map<string, string>(regionRows.map((r: { code: string; name: string }) => [r.code, r.name]));
  const tests = await latestTests(
    strapi,
    consulted.people.map((p) => p.row.person_key),
  );
  const rows = consulted.people.map(({ row, consultations, lastConsultationAt }) => {
    const test = tests.get(row.person_key);
    return [
      nameOf(row),
      row.birth_date ?? '',
      row.region ? (regions.get(row.region) ?? row.region) : '',
      row.services
        .split(',')
        .filter(Boolean)
        .map((s) => label(`service.${s}`))
        .join(', '),
      String(consultations),
      lastConsultationAt ? day(Date.parse(lastConsultationAt)) : '',
      test ? `${test.test} (${day(test.at)})` : '',
      row.talent_status ? label(`talent.${row.talent_status}`) : '',
    ];
  });
  return tableFile({
    header: COLUMNS.map((c) => label(`specialist.export.${c}`)),
    rows,
    file,
    sheet: specialist.name,
    filename: `qabilet-specialist-${specialist.id}-people-${now.toISOString().slice(0, 10)}`,
    now,
  });
}
