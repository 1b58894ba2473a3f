/**
 * A panel's chart as an ECharts option: which of its columns are drawn (so that one axis holds one
 * kind of figure, and no total is stacked onto its parts), bars laid horizontally (the names of
 * regions and tests are long) except over months, which run left to right, lines over months, a
 * ring for shares of a whole.
 */
import { AXIS_STYLE, type ChartOption } from '@qabilet/plugin-kit/admin/chart';
import type { ColumnKind, Panel, PanelColumn, PanelId } from '../api';

/**
 * What a panel's chart draws when the server does not say (`Panel.series`): the parts, not their
 * total (tests by age: offline and online, not all tests), the times, not how many were timed, and
 * growth as its cumulated lines. Other panels draw the columns of their first figure's kind.
 */
const SERIES_OF: Partial<Record<PanelId, string[]>> = {
  testsByAge: ['offline', 'online'],
  servicesByFormat: ['offline', 'online'],
  growth: ['recommendedPeople', 'consultedPeople'],
  testTime: ['median', 'p90'],
  itemTime: ['median', 'p90'],
};

/** The columns a panel's chart draws; none when it is a table only, has no rows or is unavailable. */
export function drawnColumns(panel: Panel): PanelColumn[] {
  if (panel.chart === 'table' || panel.unavailable || panel.rows.length === 0) return [];
  const figures = panel.columns.filter((c) => c.kind !== 'label');
  const named = panel.series ?? SERIES_OF[panel.id];
  const chosen = named ? figures.filter((c) => named.includes(c.key)) : [];
  return chosen.length > 0 ? chosen : figures.filter((c) => c.kind === figures[0]?.kind);
}

/** Whether the rows are months (`2026-12`): a time series reads left to right. */
const overMonths = (panel: Panel) => panel.rows.every((row) => /^\d{4}-\d{2}$/.test(row.key));

type Words = { column: (key: string) => string; figure: (value: number, kind: ColumnKind) => string; none: string };

export function panelOption(panel: Panel, drawn: PanelColumn[], words: Words): ChartOption {
  const kind = drawn[0]!.kind;
  const valueFormatter = (value: unknown) => (typeof value === 'number' ? words.figure(value, kind) : words.none);
  const data = (key: string) => panel.rows.map((row) => row.values[key] ?? null);
  if (panel.chart === 'pie') {
    const column = drawn[0]!;
    return {
      tooltip: { trigger: 'item', valueFormatter },
      legend: { bottom: 0 },
      series: [
        {
          type: 'pie',
          name: words.column(column.key),
          radius: ['35%', '62%'],
          center: ['50%', '45%'],
          label: { formatter: '{b}: {d}%' },
          data: panel.rows.map((row) => ({ name: row.label, value: row.values[column.key] ?? 0 })),
        },
      ],
    };
  }
  const legend = drawn.length > 1 ? { top: 0 } : { show: false };
  // Counts step by whole numbers: a tick between two people would read as a repeated label.
  const valueAxis = {
    type: 'value' as const,
    ...AXIS_STYLE,
    ...(kind === 'count' ? { minInterval: 1 } : {}),
    axisLabel: { ...AXIS_STYLE.axisLabel, formatter: (v: number) => words.figure(v, kind) },
  };
  const categoryAxis = { type: 'category' as const, data: panel.rows.map((row) => row.label), ...AXIS_STYLE };
  // The axes' labels (long names of regions and tests) are kept inside the chart's box.
  const grid = { top: drawn.length > 1 ? 40 : 16, right: 24, bottom: 8, left: 16, outerBoundsMode: 'same' as const, outerBoundsContain: 'axisLabel' as const };
  if (panel.chart === 'line') {
    return {
      tooltip: { trigger: 'axis', valueFormatter },
      legend,
      grid,
      xAxis: categoryAxis,
      yAxis: valueAxis,
      series: drawn.map((c) => ({ type: 'line' as const, name: words.column(c.key), data: data(c.key), symbolSize: 7 })),
    };
  }
  const columnsUp = overMonths(panel);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter },
    legend,
    grid,
    ...(columnsUp ? { xAxis: categoryAxis, yAxis: valueAxis } : { yAxis: { ...categoryAxis, inverse: true }, xAxis: valueAxis }),
    series: drawn.map((c) => ({
      type: 'bar' as const,
      name: words.column(c.key),
      data: data(c.key),
      ...(panel.chart === 'stackedBar' ? { stack: 'total' } : {}),
    })),
  };
}

/** A chart's height: horizontal bars need room per row, other charts a fixed block. */
export const chartHeight = (panel: Panel, series: number) =>
  (panel.chart === 'bar' || panel.chart === 'stackedBar') && !overMonths(panel)
    ? `${Math.max(14, panel.rows.length * (series > 1 ? 2.75 : 2) + 5)}rem`
    : '20rem';
