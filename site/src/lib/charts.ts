/**
 * Charts of the statistics pages, drawn at build time as static SVG by ECharts' server-side
 * renderer: no script on the page. Each chart sits in a <figure> beside its data table (the table
 * is what a screen reader reads; the drawing is an image named by the figure's caption). Colours
 * pass 3:1 against the page and each series carries a decal pattern, for readers who cannot tell
 * the colours apart. The SVG is made safe for the pages' CSP: its hover styles are dropped and its
 * style attributes become presentation attributes.
 */
import * as echarts from 'echarts';

// Dark blue and dark orange: ≥ 4.5:1 on white, and apart for the common colour blindnesses.
const COLOURS = ['#1d4ed8', '#b45309'];
const INK = '#1f2937';

export type BarSeries = { name: string; values: Array<number | null> };
export type BarChart = {
  /** Unique on the page: the SVG's pattern ids are made from it. */
  id: string;
  labelledBy: string;
  categories: string[];
  series: BarSeries[];
  locale: string;
  /** Drawn above a bar whose figure is hidden ("<5"): never a bar of 0. */
  fewer: string;
  horizontal?: boolean;
};

/** A presentation attribute for each declaration of a style attribute (SVG allows both). */
const attributesOf = (style: string) =>
  style
    .split(';')
    .map((d) => d.split(':').map((p) => p.trim()))
    .filter(([name, value]) => name && value)
    .map(([name, value]) => `${name}="${value!.replace(/"/g, "'")}"`)
    .join(' ');

export function barChartSvg(chart: BarChart): string {
  const rows = chart.categories.length;
  const width = 720;
  const height = chart.horizontal ? 60 + rows * 22 * Math.max(1, chart.series.length) : 360;
  const number = new Intl.NumberFormat(chart.locale);
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  const valueAxis = {
    type: 'value' as const,
    axisLabel: { color: INK, formatter: (v: number) => number.format(v) },
    splitLine: { lineStyle: { color: '#d1d5db' } },
  };
  const categoryAxis = {
    type: 'category' as const,
    data: chart.categories,
    inverse: chart.horizontal,
    axisLabel: { color: INK, interval: 0, width: 150, overflow: 'break' as const },
  };
  instance.setOption({
    animation: false,
    aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
    color: COLOURS,
    textStyle: { color: INK, fontFamily: 'sans-serif' },
    legend: { top: 0, textStyle: { color: INK } },
    grid: { left: chart.horizontal ? 170 : 60, right: 40, top: 40, bottom: chart.horizontal ? 30 : 60 },
    xAxis: chart.horizontal ? valueAxis : categoryAxis,
    yAxis: chart.horizontal ? categoryAxis : valueAxis,
    series: chart.series.map((s) => ({
      name: s.name,
      type: 'bar',
      label: { show: true, position: chart.horizontal ? 'right' : 'top', color: INK, formatter: (p: { value: number }) => number.format(p.value) },
      data: s.values.map((v) => (v === null ? { value: 0, label: { show: true, formatter: chart.fewer } } : v)),
    })),
  });
  const svg = instance.renderToSVGString();
  instance.dispose();
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '')
    .replace(/zr\d+-/g, `${chart.id}-`)
    .replace(/ style="([^"]*)"/g, (_, style: string) => ` ${attributesOf(style)}`)
    .replace(/^<svg width="\d+" height="\d+"/, `<svg role="img" aria-labelledby="${chart.labelledBy}" focusable="false" class="chart"`);
}
