/**
 * A chart as a picture with its description (see `chart.ts`): a block of the given height that
 * screen readers read as one image, and that keyboard users pass by — the figures it draws are in
 * the table that goes with it.
 */
import { Box } from '@strapi/design-system';
import { useChart, type ChartHandlers, type ChartOption } from './chart';

type Props = ChartHandlers & {
  option: ChartOption;
  /** What the chart shows, in the page's language (its caption, and where its figures are). */
  description: string;
  height?: string;
};

export function Chart({ option, description, height = '20rem', onItemClick }: Props) {
  const ref = useChart(option, description, { onItemClick });
  return <Box ref={ref} role="img" aria-label={description} width="100%" height={height} />;
}
