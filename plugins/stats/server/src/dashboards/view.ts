/** What the panels of every role share: the request's frame, the rows by month, the names of things. */
import type { Knex } from 'knex';
import { monthsOf, type Language, type Panel, type PanelColumn, type PanelId, type PanelRow, type PlaceFilter } from '@qabilet/domain';
import { message, type MessageKey } from '../messages';
import type { Names } from './names';
import type { StatsScope } from './scope';
import type { Sum } from './reads';

/** One view's frame: the period, the place, the staff member's scope, the language and its names. */
export type Frame = { knex: Knex; scope: StatsScope; from: string; to: string; place: PlaceFilter; language: Language; names: Names };

export const word = (f: Frame, key: string) => message(f.language, key as MessageKey);

const count = (key: string): PanelColumn => ({ key, kind: 'count' });
export const columns = {
  count,
  share: (key: string): PanelColumn => ({ key, kind: 'share' }),
  seconds: (key: string): PanelColumn => ({ key, kind: 'seconds' }),
  points: (key: string): PanelColumn => ({ key, kind: 'points' }),
};

/** A month's name in the language (`Dec 2026`, `дек. 2026 ж.`, `дек. 2026 г.`). */
export function monthLabel(month: number, language: Language): string {
  const date = new Date(Date.UTC(Math.floor(month / 100), (month % 100) - 1, 1));
  return monthFormat(language).format(date);
}
const collators = new Map<Language, Intl.Collator>();
/** Compares two labels in the frame's language (a collator per language, made once). */
export function byLabel(f: Frame): (a: string, b: string) => number {
  let collator = collators.get(f.language);
  if (!collator) {
    collator = new Intl.Collator(f.language);
    collators.set(f.language, collator);
  }
  return collator.compare;
}

// A formatter per language, made once: making one costs more than the panel it labels.
const formats = new Map<Language, Intl.DateTimeFormat>();
function monthFormat(language: Language): Intl.DateTimeFormat {
  let format = formats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    formats.set(language, format);
  }
  return format;
}
export const monthKey = (month: number) => `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;

/**
 * One row per month of the period (empty months too), its figures from `figures` given the sums of
 * that month; the total from the sums of the whole period.
 */
export function monthlyPanel(
  f: Frame,
  id: PanelId,
  chart: Panel['chart'],
  cols: PanelColumn[],
  sums: Sum[],
  figures: (sums: Sum[]) => Record<string, number | null>,
): Panel {
  const rows: PanelRow[] = monthsOf(f.from, f.to).map((month) => ({
    key: monthKey(month),
    label: monthLabel(month, f.language),
    values: figures(sums.filter((s) => s.month === month)),
  }));
  return { id, chart, columns: cols, rows, total: figures(sums) };
}

/** The panel whose figures are not collected yet (ratings: issue 22). */
export const notCollected = (id: PanelId): Panel => ({ id, chart: 'table', columns: [], rows: [], unavailable: 'notCollected' });

/** `n` of the sums of `metric` (any of them when given several) along `dim`. */
export const n = (sums: Sum[], metrics: string | string[], dim = 'all') => {
  const list = Array.isArray(metrics) ? metrics : [metrics];
  return sums.filter((s) => list.includes(s.metric) && s.dim === dim).reduce((sum, s) => sum + s.n, 0);
};
