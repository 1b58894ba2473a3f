/**
 * The home page's widget: the few figures of the staff member's role over the last 30 days (GET
 * /stats/summary, within their scope), as a list of names and values; the widget's link opens the
 * dashboard. Strapi draws the frame (its heading, the link); this is its content.
 */
import { useCallback } from 'react';
import { Box, Flex, Typography } from '@strapi/design-system';
import { Widget } from '@strapi/strapi/admin';
import { useResource } from '@qabilet/plugin-kit/admin';
import { useStatsApi } from '../api';
import { Figure } from '../components/Figure';
import { useDay } from '../utils/format';
import { useNames } from '../utils/names';
import { useT } from '../utils/translations';

export function SummaryWidget() {
  const t = useT();
  const day = useDay();
  const names = useNames();
  const api = useStatsApi();
  const summary = useResource(
    useCallback(() => api.summary(), [api]),
    t('error.generic'),
  );
  if (summary.problem) return <Widget.Error>{summary.problem.message}</Widget.Error>;
  if (!summary.data) return <Widget.Loading>{t('page.loading')}</Widget.Loading>;
  const { period, figures } = summary.data;
  if (figures.length === 0) return <Widget.NoData>{t('panel.empty')}</Widget.NoData>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2} width="100%">
      <Typography variant="pi" textColor="neutral600">
        {t('summary.period', { from: day(period.from), to: day(period.to) })}
      </Typography>
      <Box tag="dl">
        {figures.map((f) => (
          <Flex
            key={f.key}
            justifyContent="space-between"
            gap={4}
            paddingTop={1}
            paddingBottom={1}
            borderColor="neutral150"
            borderStyle="solid"
            borderWidth="0 0 1px 0"
          >
            <Typography tag="dt" textColor="neutral800">
              {names.figure(f.key)}
            </Typography>
            <Box tag="dd" margin={0}>
              <Figure value={f.value} kind={f.kind} />
            </Box>
          </Flex>
        ))}
      </Box>
    </Flex>
  );
}
