/**
 * The open data of the statistics pages: one row per year × region (and the country) × age group ×
 * format, keyed to KATO codes, with the snapshot's date — the same rows in CSV and JSON, each
 * column described on the dictionary page (`open.dict.<column>`).
 */
import type { OpenStatistics } from '@qabilet/domain';
import { COUNTRY, snapshotDate } from './open-stats';

export const COLUMNS = ['year', 'region_code', 'kato', 'region_name', 'age_group', 'format', 'consultations', 'tests', 'snapshot_date'] as const;
export type OpenDataRow = {
  year: number;
  region_code: string;
  kato: string;
  region_name: string;
  age_group: string;
  format: string;
  /** null: fewer than 5, or hidden so that a figure under 5 cannot be worked out. */
  consultations: number | null;
  tests: number | null;
  snapshot_date: string;
};

/** The rows, the country first in each year, then the regions by code. */
export function openDataRows(statistics: OpenStatistics, names: ReadonlyMap<string, string>, country: string): OpenDataRow[] {
  const kato = new Map(statistics.regions.map((r) => [r.code, r.kato]));
  const date = snapshotDate(statistics);
  const order = (code: string) => (code === COUNTRY ? '' : code);
  return [...statistics.cells]
    .sort((a, b) => b.year - a.year || order(a.region).localeCompare(order(b.region)))
    .map((c) => ({
      year: c.year,
      region_code: c.region,
      kato: kato.get(c.region) ?? '',
      region_name: c.region === COUNTRY ? country : (names.get(c.region) ?? c.region),
      age_group: c.ageGroup,
      format: c.format,
      consultations: c.consultations,
      tests: c.tests,
      snapshot_date: date,
    }));
}

const field = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 CSV with a byte order mark, so that spreadsheets read the names' letters as UTF-8. */
export const toCsv = (rows: readonly OpenDataRow[]) =>
  '\uFEFF' + [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => field(row[c])).join(','))].join('\r\n') + '\r\n';
