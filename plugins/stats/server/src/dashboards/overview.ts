/**
 * The panels of the coordinator (their region), the curator and the super admin (the country), in
 * five reads of the rollups run together: the slices by value, the series by month, the growth
 * reached before the period, the places (places.ts) and the time buckets (times.ts).
 * - testsByAge: results by age group and format; testsByDirection: results by test;
 * - servicesByFormat: consultations and testing sessions delivered, and results, offline and online;
 * - recommendations written, and growth: the people with a first recommendation / consultation in
 *   each month, and cumulated since the beginning (what was reached before the period included);
 * - repeats, testTime, itemTime (times.ts); partnersShare: results by where they were taken;
 * - ratings: not collected yet.
 */
import { AGE_GROUPS, cumulate, RESULT_ORIGINS, SERVICE_FORMATS, share, type Panel, type PanelRow, type SummaryFigure } from '@qabilet/domain';
import { addDays } from '@qabilet/domain';
import { byValue, countOf, sumRollups, type Sum } from './reads';
import { testsByPlace } from './places';
import { repeats, REPEAT_SLICES, timePanels } from './times';
import { byLabel, columns, monthlyPanel, n, notCollected, word, type Frame } from './view';

const FIRSTS = ['first.recommendation', 'first.consultation'];
const DELIVERED = { consultations: 'booking.consultation.completed', testing: 'booking.testing.completed', tests: 'test' } as const;
/** Before the rollups began: what growth is cumulated from. */
const BEGINNING = '2000-01-01';

const SLICES = [
  { metric: 'test', dim: 'ageFormat' },
  { metric: 'test', dim: 'direction' },
  { metric: 'test', dim: 'source' },
  ...Object.values(DELIVERED).map((metric) => ({ metric, dim: 'format' })),
];

function testsByAge(f: Frame, sums: Sum[]): Panel {
  const cells = byValue(sums, 'test', 'ageFormat');
  const of = (age: string, format?: string) =>
    cells.filter((c) => c.value.startsWith(`${age}|`) && (!format || c.value === `${age}|${format}`)).reduce((s, c) => s + c.n, 0);
  const ages: string[] = [...AGE_GROUPS, ...(of('') ? [''] : [])];
  const rows: PanelRow[] = ages.map((age) => ({
    key: age,
    label: word(f, age ? `ageGroup.${age}` : 'label.unknown'),
    values: { ...Object.fromEntries(SERVICE_FORMATS.map((format) => [format, of(age, format)])), tests: of(age) },
  }));
  const { count } = columns;
  return {
    id: 'testsByAge',
    chart: 'stackedBar',
    columns: [...SERVICE_FORMATS.map(count), count('tests')],
    series: [...SERVICE_FORMATS],
    rows,
    total: totalOf(rows),
  };
}

function testsByDirection(f: Frame, sums: Sum[]): Panel {
  const rows: PanelRow[] = byValue(sums, 'test', 'direction').map((s) => ({
    key: s.value,
    label: f.names.tests.get(s.value) ?? s.value,
    values: { tests: s.n },
  }));
  const compare = byLabel(f);
  rows.sort((a, b) => (b.values.tests ?? 0) - (a.values.tests ?? 0) || compare(a.label, b.label));
  return { id: 'testsByDirection', chart: 'bar', columns: [columns.count('tests')], rows, total: totalOf(rows) };
}

function servicesByFormat(f: Frame, sums: Sum[]): Panel {
  const rows: PanelRow[] = Object.entries(DELIVERED).map(([key, metric]) => {
    const of = (format: string) => byValue(sums, metric, 'format').find((s) => s.value === format)?.n ?? 0;
    const total = SERVICE_FORMATS.reduce((s, format) => s + of(format), 0);
    return { key, label: word(f, `service.${key}`), values: { offline: of('offline'), online: of('online'), total, onlineShare: share(of('online'), total) } };
  });
  const { count } = columns;
  return {
    id: 'servicesByFormat',
    chart: 'stackedBar',
    columns: [count('offline'), count('online'), count('total'), columns.share('onlineShare')],
    series: [...SERVICE_FORMATS],
    rows,
  };
}

function partnersShare(f: Frame, sums: Sum[]): Panel {
  const all = countOf(sums, 'test', 'source');
  const rows: PanelRow[] = RESULT_ORIGINS.map((source) => {
    const tests = byValue(sums, 'test', 'source').find((s) => s.value === source)?.n ?? 0;
    return { key: source, label: word(f, `source.${source}`), values: { tests, share: share(tests, all) } };
  });
  return { id: 'partnersShare', chart: 'pie', columns: [columns.count('tests'), columns.share('share')], rows, total: { tests: all, share: share(all, all) } };
}

function growth(f: Frame, months: Sum[], before: Sum[]): Panel {
  const panel = monthlyPanel(
    f,
    'growth',
    'line',
    ['firstRecommendations', 'firstConsultations', 'recommendedPeople', 'consultedPeople'].map(columns.count),
    months,
    (s) => ({
      firstRecommendations: n(s, 'first.recommendation'),
      firstConsultations: n(s, 'first.consultation'),
      recommendedPeople: null,
      consultedPeople: null,
    }),
  );
  const running = (metric: string, key: string) =>
    cumulate(
      panel.rows.map((r) => r.values[key] ?? 0),
      n(before, metric),
    );
  const recommended = running('first.recommendation', 'firstRecommendations');
  const consulted = running('first.consultation', 'firstConsultations');
  panel.rows.forEach((row, i) => Object.assign(row.values, { recommendedPeople: recommended[i], consultedPeople: consulted[i] }));
  panel.series = ['recommendedPeople', 'consultedPeople'];
  panel.total = {
    ...panel.total,
    recommendedPeople: recommended.at(-1) ?? n(before, 'first.recommendation'),
    consultedPeople: consulted.at(-1) ?? n(before, 'first.consultation'),
  };
  return panel;
}

const totalOf = (rows: PanelRow[]) => {
  const total: Record<string, number> = {};
  for (const row of rows) for (const [k, v] of Object.entries(row.values)) total[k] = (total[k] ?? 0) + (v ?? 0);
  return total;
};

export async function overviewPanels(f: Frame): Promise<Panel[]> {
  const all = (metrics: string[]) => metrics.map((metric) => ({ metric, dim: 'all' }));
  const [sums, months, before, places, [testTime, itemTime]] = await Promise.all([
    sumRollups(f.knex, { ...f, slices: [...SLICES, ...REPEAT_SLICES], group: ['metric', 'dim', 'value'] }),
    sumRollups(f.knex, { ...f, slices: all(['recommendation', ...FIRSTS]), group: ['metric', 'month'] }),
    sumRollups(f.knex, { ...f, from: BEGINNING, to: addDays(f.from, -1), slices: all(FIRSTS), group: ['metric'] }),
    testsByPlace(f),
    timePanels(f),
  ]);
  return [
    places,
    testsByAge(f, sums),
    testsByDirection(f, sums),
    servicesByFormat(f, sums),
    monthlyPanel(f, 'recommendations', 'bar', [columns.count('recommendations')], months, (s) => ({ recommendations: n(s, 'recommendation') })),
    growth(f, months, before),
    repeats(f, sums),
    testTime,
    itemTime,
    partnersShare(f, sums),
    notCollected('ratings'),
  ];
}

/** The home page's figures of a coordinator, the curator or the admin. */
export async function overviewSummary(f: Frame, monthStart: string): Promise<SummaryFigure[]> {
  const all = (metrics: string[]) => metrics.map((metric) => ({ metric, dim: 'all' }));
  const [sums, month] = await Promise.all([
    sumRollups(f.knex, {
      ...f,
      slices: [...all(['test', DELIVERED.consultations, 'recommendation', 'repeat']), { metric: 'test', dim: 'source', values: ['site'] }],
      group: ['metric', 'dim', 'value'],
    }),
    sumRollups(f.knex, { ...f, from: monthStart, to: f.to, slices: all(['active']), group: ['metric'] }),
  ]);
  const tests = countOf(sums, 'test');
  return [
    { key: 'tests', value: tests, kind: 'count' },
    { key: 'consultationsDelivered', value: countOf(sums, DELIVERED.consultations), kind: 'count' },
    { key: 'recommendations', value: countOf(sums, 'recommendation'), kind: 'count' },
    { key: 'repeats', value: countOf(sums, 'repeat'), kind: 'count' },
    { key: 'partnersShare', value: share(tests - countOf(sums, 'test', 'source'), tests), kind: 'share' },
    { key: 'activeThisMonth', value: countOf(month, 'active'), kind: 'count' },
  ];
}
