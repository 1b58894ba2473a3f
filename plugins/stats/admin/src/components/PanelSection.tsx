/**
 * One panel of the dashboard: its heading and what it counts, its chart and its table (or why it
 * has nothing yet), and the export of the table for those who may export.
 */
import { Flex, Typography } from '@strapi/design-system';
import { Section } from '@qabilet/plugin-kit/admin';
import type { DashboardQuery, Panel, PlaceLevel } from '../api';
import type { LinkOf } from '../pages/useDashboardQuery';
import { useT } from '../utils/translations';
import { PanelChart } from './PanelChart';
import { PanelExport } from './PanelExport';
import { PanelTable } from './PanelTable';

/** The places a row of `testsByPlace` names: one level below the place shown. */
const ROWS_BELOW = { country: 'column.region', region: 'column.locality', locality: 'column.centre', centre: 'column.centre' } as const;

type Props = { panel: Panel; level: PlaceLevel; query: DashboardQuery; canExport: boolean; linkOf: LinkOf };

export function PanelSection({ panel, level, query, canExport, linkOf }: Props) {
  const t = useT();
  const title = t(`panel.${panel.id}.title`);
  const rowHeader = panel.id === 'testsByPlace' ? t(ROWS_BELOW[level]) : t(`panel.${panel.id}.rows`);
  const body = panel.unavailable ? (
    <Typography>{t(`panel.unavailable.${panel.unavailable}`)}</Typography>
  ) : panel.rows.length === 0 ? (
    <Typography>{t('panel.empty')}</Typography>
  ) : (
    <>
      <PanelChart panel={panel} title={title} linkOf={linkOf} />
      <PanelTable panel={panel} caption={title} rowHeader={rowHeader} linkOf={linkOf} />
    </>
  );
  return (
    <Section id={`panel-${panel.id}`} title={title}>
      <Flex justifyContent="space-between" alignItems="flex-start" gap={4} wrap="wrap">
        <Typography textColor="neutral600">{t(`panel.${panel.id}.description`)}</Typography>
        {canExport && !panel.unavailable && <PanelExport panel={panel.id} title={title} query={query} />}
      </Flex>
      {body}
    </Section>
  );
}
