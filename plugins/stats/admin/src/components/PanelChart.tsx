/**
 * A panel's chart (ECharts through the kit's `Chart`): a picture described to screen readers, whose
 * figures are in the table below it. Clicking a bar of a place opens that place, as its row's link
 * in the table does for the keyboard.
 */
import { useMemo } from 'react';
import { useNavigate } from 'react-router-dom';
import { Chart } from '@qabilet/plugin-kit/admin/chart';
import type { Panel } from '../api';
import type { LinkOf } from '../pages/useDashboardQuery';
import { useFigure } from '../utils/format';
import { useNames } from '../utils/names';
import { chartHeight, drawnColumns, panelOption } from '../utils/panel-chart';
import { useT } from '../utils/translations';

type Props = { panel: Panel; title: string; linkOf: LinkOf };

export function PanelChart({ panel, title, linkOf }: Props) {
  const t = useT();
  const names = useNames();
  const figure = useFigure();
  const navigate = useNavigate();
  const drawn = useMemo(() => drawnColumns(panel), [panel]);
  const none = t('value.none');
  const option = useMemo(
    () => (drawn.length > 0 ? panelOption(panel, drawn, { column: names.column, figure, none }) : null),
    [panel, drawn, names, figure, none],
  );
  if (!option) return null;
  const description = t('chart.description', { title, series: drawn.map((c) => names.column(c.key)).join(', ') });
  const drill = (index: number) => {
    const row = panel.rows[index];
    if (!row?.drill) return;
    const { to, state } = linkOf(row.drill, row.label);
    navigate(to, { state });
  };
  return <Chart option={option} description={description} height={chartHeight(panel, drawn.length)} onItemClick={drill} />;
}
