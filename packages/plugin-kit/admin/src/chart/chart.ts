/**
 * Charts in the admin (ECharts 6, Apache-2.0): only the charts and components the plugins draw are
 * registered, on the SVG renderer (crisp at any zoom, and nothing for the bundle's canvas code).
 * Every chart is drawn with the same accessible defaults: a palette whose colours each reach 4.5:1
 * on white (more than the 3:1 WCAG 1.4.11 asks of graphics), a decal pattern per series for those
 * who cannot tell the colours apart, a description read to screen readers in the page's language
 * (ECharts' own is English or Chinese), and no animation for those who asked for less motion.
 * A chart is a picture: it takes no focus; its figures are in the table beside it.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { init, use as install, type ComposeOption, type ECharts } from 'echarts/core';
import { BarChart, LineChart, PieChart, type BarSeriesOption, type LineSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type AriaComponentOption,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

// ECharts' `use` registers what it draws (aliased: it is no React hook).
install([BarChart, LineChart, PieChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | PieSeriesOption | AriaComponentOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Blue, orange, green, violet, crimson, teal, ochre, slate: each 4.98–7.2:1 on white, told apart by hue and by decal. */
export const CHART_PALETTE = ['#1d4ed8', '#c2410c', '#15803d', '#7c3aed', '#be123c', '#0e7490', '#a15c00', '#455a64'] as const;

/** The Design System's text colours (neutral800, neutral600), so that legends and axes read like the rest of the admin. */
const TEXT = '#32324d';
const AXIS = '#666687';

/** An axis's labels and line in the admin's secondary text colour (5.7:1 on white). */
export const AXIS_STYLE = { axisLabel: { color: AXIS }, axisLine: { lineStyle: { color: AXIS } } } as const;

const reducedMotion = () => typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

/** The option as drawn: the plugin's series and axes over the shared accessible defaults (a legend and a tooltip the plugin sets keep them too). */
export function accessibleOption(option: ChartOption, description: string): ChartOption {
  const { legend, tooltip, ...rest } = option;
  return {
    color: [...CHART_PALETTE],
    animation: !reducedMotion(),
    textStyle: { color: TEXT },
    ...rest,
    aria: { enabled: true, label: { description }, decal: { show: true } },
    legend: Array.isArray(legend) ? legend : { textStyle: { color: TEXT }, itemGap: 24, ...legend },
    tooltip: Array.isArray(tooltip) ? tooltip : { trigger: 'item', ...tooltip },
  };
}

export type ChartHandlers = {
  /** A click on a data item (a bar, a slice, a point), by its index in the data. */
  onItemClick?: (dataIndex: number) => void;
};

/**
 * Draws `option` into the returned element's ref, redraws it when the option or the description
 * change, follows the element's size, and frees the chart when the element goes.
 */
export function useChart(option: ChartOption, description: string, { onItemClick }: ChartHandlers = {}): RefObject<HTMLDivElement> {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useEffect(() => {
    const dom = element.current;
    if (!dom) return;
    const instance = init(dom, null, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => {
      if (typeof params.dataIndex === 'number') click.current?.(params.dataIndex);
    });
    const resize = new ResizeObserver(() => instance.resize());
    resize.observe(dom);
    return () => {
      resize.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(accessibleOption(option, description), { notMerge: true });
  }, [option, description]);

  return element;
}
