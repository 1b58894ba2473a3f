/**
 * Usage figures of the centres (consultations and tests), by the region people come from, their
 * age group and the service format. The map and its table add them up with `summariseByRegion`.
 */
export const AGE_GROUPS = ['age-6-11', 'age-12-15', 'age-16-18', 'age-19-29', 'age-30-plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const SERVICE_FORMATS = ['offline', 'online'] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];

export type StatisticRow = { year: number; region: string; ageGroup: AgeGroup; format: ServiceFormat; consultations: number; tests: number };
export type UsageFilter = { year: number; ageGroup: AgeGroup | 'all'; format: ServiceFormat | 'all' };
export type Usage = { consultations: number; tests: number };

/** Totals per region code for one year, age group and format ('all' adds every value up). */
export function summariseByRegion(rows: readonly StatisticRow[], filter: UsageFilter): Map<string, Usage> {
  const totals = new Map<string, Usage>();
  for (const row of rows) {
    if (row.year !== filter.year) continue;
    if (filter.ageGroup !== 'all' && row.ageGroup !== filter.ageGroup) continue;
    if (filter.format !== 'all' && row.format !== filter.format) continue;
    const sum = totals.get(row.region) ?? { consultations: 0, tests: 0 };
    sum.consultations += row.consultations;
    sum.tests += row.tests;
    totals.set(row.region, sum);
  }
  return totals;
}

/** The years that have figures, newest first. */
export function statisticYears(rows: readonly StatisticRow[]): number[] {
  return [...new Set(rows.map((row) => row.year))].sort((a, b) => b - a);
}
