/**
 * Figures as the dashboard shows them, by their column's kind: a count in the page's language, a
 * share as a percentage, seconds as m:ss (h:mm:ss from an hour), score points to one decimal.
 * A figure that is not defined (nothing to divide by) is null; `Figure` shows it as a dash that
 * screen readers read as words, and the table explains it below.
 */
import { useCallback } from 'react';
import { useIntl } from 'react-intl';
import type { ColumnKind } from '@qabilet/domain';

const two = (n: number) => String(n).padStart(2, '0');

/** Whole seconds as m:ss, or h:mm:ss from an hour on. */
export function clock(seconds: number): string {
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return h > 0 ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

export function useFigure() {
  const { formatNumber } = useIntl();
  return useCallback(
    (value: number, kind: ColumnKind): string => {
      if (kind === 'share') return formatNumber(value, { style: 'percent', maximumFractionDigits: 1 });
      if (kind === 'seconds') return clock(value);
      if (kind === 'points') return formatNumber(value, { maximumFractionDigits: 1 });
      return formatNumber(value, { maximumFractionDigits: 0 });
    },
    [formatNumber],
  );
}

/** Dates as `1 December 2026`, read as Kazakhstan's calendar days. */
export function useDay() {
  const { formatDate } = useIntl();
  return useCallback(
    (date: string) => formatDate(new Date(`${date}T12:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }),
    [formatDate],
  );
}
