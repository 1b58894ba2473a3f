/**
 * The kit's charts, imported as `@qabilet/plugin-kit/admin/chart` by the pages that draw them (never
 * from the kit's main entry, which every plugin's entry imports): ECharts then loads with those
 * pages' own chunk instead of the admin's first one.
 */
export { AXIS_STYLE, CHART_PALETTE, accessibleOption, useChart, type ChartHandlers, type ChartOption } from './chart';
export { Chart } from './Chart';
