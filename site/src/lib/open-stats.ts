/**
 * Reading the open statistics on the site's pages: a cell by its year, region (or 'KZ', the
 * country), age group and format; a figure in words ("fewer than 5" for a hidden cell, never 0).
 */
import { AGE_GROUPS, COUNTRY, kzDate, SERVICE_FORMATS, type OpenCell, type OpenStatistics } from '@qabilet/domain';

export { COUNTRY };
export const AGES = [...AGE_GROUPS, 'all'] as const;
export const FORMATS = [...SERVICE_FORMATS, 'all'] as const;
export type Age = (typeof AGES)[number];
export type Format = (typeof FORMATS)[number];
export type Measure = 'consultations' | 'tests';
export const MEASURES: readonly Measure[] = ['consultations', 'tests'];

/** The cells of a snapshot by year, region, age group and format. */
export function cellsOf(statistics: OpenStatistics) {
  const index = new Map(statistics.cells.map((c) => [`${c.year}|${c.region}|${c.ageGroup}|${c.format}`, c]));
  return (year: number, region: string, ageGroup: Age = 'all', format: Format = 'all'): OpenCell | undefined =>
    index.get(`${year}|${region}|${ageGroup}|${format}`);
}

/** The region's code in addresses: `KZ-75` → `kz-75`. */
export const regionSlug = (code: string) => code.toLowerCase();

/** A published figure as text: the number, or "fewer than 5" for a hidden cell. */
export const figureText = (value: number | null | undefined, number: Intl.NumberFormat, fewer: string) => (value === null ? fewer : number.format(value ?? 0));

/** The snapshot's date in Kazakhstan, as the open data names it. */
export const snapshotDate = (statistics: OpenStatistics) => kzDate(new Date(statistics.snapshotAt));

/** A cell's figure: null when hidden; a combination absent from the snapshot has none (0). */
export const figureOf = (cell: OpenCell | undefined, measure: Measure): number | null => (cell ? cell[measure] : 0);
