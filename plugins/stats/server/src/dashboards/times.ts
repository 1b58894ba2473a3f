/**
 * The panels read from the rollups' composite values: time per test and per item (buckets →
 * median, p90, outliers; the exact mean from the sum of seconds) and the repeated diagnostics
 * compared scale by scale (moved up, down or stayed, and the mean move in points).
 */
import { bucketWidth, sortedTimeFigures, type Panel, type PanelRow } from '@qabilet/domain';
import { byValue, histograms, type Sum } from './reads';
import type { Histogram } from './cube';
import { byLabel, columns, type Frame } from './view';

/** The slices of the repeats' panel, read with the others by value. */
export const REPEAT_SLICES = [{ metric: 'repeat.scale', dim: 'scale' }];
/** The time buckets of tests and items: hundreds of histograms, read as such (cube.ts). */
const TIME_SLICES = [
  { metric: 'test.time', dim: 'time' },
  { metric: 'item.time', dim: 'time' },
];

/** Splits `a|b|c` into its head (everything before the last part) and its last part. */
const lastPart = (value: string): [string, string] => {
  const at = value.lastIndexOf('|');
  return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
};

/** Sums grouped by the head of their value (`<test>|<scale>` of a move). */
function grouped(sums: Sum[]): Map<string, Array<{ last: string; sum: Sum }>> {
  const groups = new Map<string, Array<{ last: string; sum: Sum }>>();
  for (const sum of sums) {
    const [head, last] = lastPart(sum.value);
    const list = groups.get(head);
    if (list) list.push({ last, sum });
    else groups.set(head, [{ last, sum }]);
  }
  return groups;
}

const testName = (f: Frame, test: string) => f.names.tests.get(test) ?? test;

function timePanel(f: Frame, id: 'testTime' | 'itemTime', histograms: Histogram[], label: (head: string) => string): Panel {
  const { count, seconds } = columns;
  const counted = id === 'testTime' ? 'attempts' : 'answers';
  const rows: PanelRow[] = histograms.map(({ head, starts, counts, total }) => {
    const figures = sortedTimeFigures(starts, counts, bucketWidth);
    return {
      key: head,
      label: label(head),
      values: {
        [counted]: figures.n,
        median: figures.median,
        p90: figures.p90,
        mean: figures.n ? Math.round((total / figures.n) * 10) / 10 : null,
        outliers: figures.outliers,
      },
    };
  });
  const compare = byLabel(f);
  rows.sort((a, b) => compare(a.label, b.label) || a.key.localeCompare(b.key));
  return {
    id,
    chart: id === 'testTime' ? 'bar' : 'table',
    columns: [count(counted), seconds('median'), seconds('p90'), seconds('mean'), count('outliers')],
    series: ['median', 'p90'],
    rows,
  };
}

/** The panels of time per test and per item over the frame's period. */
export async function timePanels(f: Frame): Promise<[Panel, Panel]> {
  const all = await histograms(f.knex, { ...f, slices: TIME_SLICES, group: ['metric', 'dim', 'value'] });
  const of = (metric: string) => all.filter((h) => h.metric === metric);
  return [
    timePanel(f, 'testTime', of('test.time'), (test) => testName(f, test)),
    timePanel(f, 'itemTime', of('item.time'), (head) => {
      const [test, item] = lastPart(head);
      return `${testName(f, test)} · ${item}`;
    }),
  ];
}

export function repeats(f: Frame, sums: Sum[]): Panel {
  const { count, points } = columns;
  const figures = (moves: Array<{ last: string; sum: Sum }>) => {
    const of = (d: string) => moves.filter((m) => m.last === d).reduce((s, m) => s + m.sum.n, 0);
    const all = moves.reduce((s, m) => s + m.sum.n, 0);
    const delta = moves.reduce((s, m) => s + m.sum.total, 0);
    return { up: of('up'), same: of('same'), down: of('down'), meanDelta: all ? Math.round((delta / all) * 10) / 10 : null };
  };
  const moves = byValue(sums, 'repeat.scale', 'scale');
  const rows: PanelRow[] = [...grouped(moves)].map(([head, list]) => {
    const [test, scale] = lastPart(head);
    return { key: head, label: `${testName(f, test)} · ${f.names.scales.get(scale) ?? scale}`, values: figures(list) };
  });
  const compare = byLabel(f);
  rows.sort((a, b) => compare(a.label, b.label) || a.key.localeCompare(b.key));
  return {
    id: 'repeats',
    chart: 'stackedBar',
    columns: [count('up'), count('same'), count('down'), points('meanDelta')],
    rows,
    total: figures(moves.map((sum) => ({ last: lastPart(sum.value)[1], sum }))),
  };
}
