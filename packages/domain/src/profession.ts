/**
 * Rules of the professions catalogue: the interest profile on Holland's six RIASEC scales and
 * the demand series by year. The CMS refuses entries that break them; the site and the
 * assessments rely on them.
 */
export const RIASEC_SCALES = ['realistic', 'investigative', 'artistic', 'social', 'enterprising', 'conventional'] as const;
export type RiasecScale = (typeof RIASEC_SCALES)[number];
export type RiasecProfile = Record<RiasecScale, number>;

export const DEMAND_YEARS = { first: 2020, last: 2030 } as const;
export type DemandPoint = { year: number; openings: number };

export const PROFESSION_STATUSES = ['new', 'growing', 'stable', 'declining'] as const;
export const SECTORS = ['digital', 'industry', 'energy', 'agro', 'construction', 'transport', 'health', 'education', 'services'] as const;
export type Sector = (typeof SECTORS)[number];

export type ProfessionProblem = { field: string; code: 'riasec.range' | 'riasec.missing' | 'demand.yearRange' | 'demand.duplicateYear' | 'demand.openings' };

const whole = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value);

/** Every scale present, a whole number from 0 to 100. */
export function checkRiasec(profile: Partial<Record<string, unknown>>): ProfessionProblem[] {
  return RIASEC_SCALES.flatMap((scale): ProfessionProblem[] => {
    const value = profile[scale];
    if (value === undefined || value === null) return [{ field: `riasec.${scale}`, code: 'riasec.missing' }];
    return whole(value) && value >= 0 && value <= 100 ? [] : [{ field: `riasec.${scale}`, code: 'riasec.range' }];
  });
}

/** Years within 2020–2030, each at most once; openings a whole number ≥ 0. */
export function checkDemandSeries(points: ReadonlyArray<{ year?: unknown; openings?: unknown }>): ProfessionProblem[] {
  const problems: ProfessionProblem[] = [];
  const seen = new Set<number>();
  points.forEach((point, index) => {
    const { year, openings } = point;
    if (!whole(year) || year < DEMAND_YEARS.first || year > DEMAND_YEARS.last) {
      problems.push({ field: `demand.${index}.year`, code: 'demand.yearRange' });
    } else if (seen.has(year)) {
      problems.push({ field: `demand.${index}.year`, code: 'demand.duplicateYear' });
    } else {
      seen.add(year);
    }
    if (!whole(openings) || openings < 0) problems.push({ field: `demand.${index}.openings`, code: 'demand.openings' });
  });
  return problems;
}

/** The series in year order, for charts and trends. */
export function sortDemand<T extends DemandPoint>(points: readonly T[]): T[] {
  return [...points].sort((a, b) => a.year - b.year);
}
