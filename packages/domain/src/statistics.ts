/**
 * The groups figures are counted by: the person's age group and the service's format. The open
 * statistics (open-stats.ts) and the rollups (stats-view.ts) slice by them.
 */
export const AGE_GROUPS = ['age-6-11', 'age-12-15', 'age-16-18', 'age-19-29', 'age-30-plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const SERVICE_FORMATS = ['offline', 'online'] as const;
export type ServiceFormat = (typeof SERVICE_FORMATS)[number];
