/** The periods offered with one click, ending today in Kazakhstan (the rollups' calendar). */
import { addDays, todayInKazakhstan } from '@qabilet/domain';

export const PERIOD_PRESETS = ['days30', 'months12', 'year'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];
export type Period = { from: string; to: string };

/** The same day `months` earlier (the last day of a shorter month when it has no such day). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last 30 days, the last twelve months (as the server's default) or this calendar year, up to `today`. */
export function presetPeriod(preset: PeriodPreset, today = todayInKazakhstan()): Period {
  if (preset === 'days30') return { from: addDays(today, -29), to: today };
  if (preset === 'months12') return { from: addDays(monthsBefore(today, 12), 1), to: today };
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}
