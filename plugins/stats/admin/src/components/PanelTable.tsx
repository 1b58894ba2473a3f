/**
 * A panel's figures as a table (the Design System's grid: one tab stop, arrow keys between cells):
 * a row per name, a column per figure, the total last. A row that can be opened (a region, a
 * locality) is a link to the dashboard of that place; a dash is explained under the table.
 */
import { Link as RouterLink } from 'react-router-dom';
import { Flex, Link, Typography } from '@strapi/design-system';
import { DataTable } from '@qabilet/plugin-kit/admin';
import type { Panel } from '../api';
import type { LinkOf } from '../pages/useDashboardQuery';
import { useNames } from '../utils/names';
import { useT } from '../utils/translations';
import { Figure } from './Figure';

type Props = {
  panel: Panel;
  caption: string;
  /** The header of the column of names (Month, Region, Test…). */
  rowHeader: string;
  linkOf: LinkOf;
};

export function PanelTable({ panel, caption, rowHeader, linkOf }: Props) {
  const t = useT();
  const names = useNames();
  const figures = panel.columns.filter((c) => c.kind !== 'label');
  const rows = panel.rows.map((row) => ({
    key: row.key,
    cells: [
      row.drill ? (
        <Link tag={RouterLink} {...linkOf(row.drill, row.label)}>
          {row.label}
        </Link>
      ) : (
        row.label
      ),
      ...figures.map((c) => <Figure key={c.key} value={row.values[c.key]} kind={c.kind} />),
    ],
  }));
  const total = panel.total;
  if (total) rows.push({ key: '(total)', cells: [t('table.total'), ...figures.map((c) => <Figure key={c.key} value={total[c.key]} kind={c.kind} />)] });
  const undefinedFigures = [...panel.rows.map((row) => row.values), ...(total ? [total] : [])].some((values) => figures.some((c) => values[c.key] == null));
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <DataTable caption={caption} columns={[rowHeader, ...figures.map((c) => names.column(c.key))]} rows={rows} />
      {undefinedFigures && (
        <Typography variant="pi" textColor="neutral600">
          {t('value.none.explained')}
        </Typography>
      )}
    </Flex>
  );
}
