/**
 * The dashboard: the figures of the staff member's role within their scope (the server works both
 * out), for a period and a place — a panel each, as a chart and its table, with its export for
 * those who may export.
 */
import { useCallback } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Flex, Link } from '@strapi/design-system';
import { useRBAC } from '@strapi/strapi/admin';
import { PluginPage, ResourceState, useResource } from '@qabilet/plugin-kit/admin';
import { useStatsApi } from '../api';
import { PanelSection } from '../components/PanelSection';
import { PeriodPicker } from '../components/PeriodPicker';
import { PlaceTrail } from '../components/PlaceTrail';
import { PERMISSIONS } from '../permissions';
import { useDay } from '../utils/format';
import { useT } from '../utils/translations';
import { useDashboardQuery, usePlaceLinks } from './useDashboardQuery';

export function App() {
  const t = useT();
  const day = useDay();
  const api = useStatsApi();
  const { query, setPeriod } = useDashboardQuery();
  const view = useResource(
    useCallback(() => api.dashboard(query), [api, query]),
    t('error.generic'),
  );
  const { names, linkOf } = usePlaceLinks(query, view.data);
  const { allowedActions } = useRBAC(PERMISSIONS.export);
  const period = view.data?.period;
  return (
    <PluginPage title={t('plugin.name')} subtitle={period ? t('page.subtitle', { from: day(period.from), to: day(period.to) }) : undefined}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        <PeriodPicker period={period ?? query} problem={view.problem} onChange={setPeriod} />
        {view.problem && (query.region || query.locality || query.centre) && (
          <Link tag={RouterLink} {...linkOf({})}>
            {t('place.reset')}
          </Link>
        )}
        <ResourceState resource={view} loading={t('page.loading')}>
          {(data) => (
            <>
              {data.role !== 'specialist' && <PlaceTrail view={data} names={names} linkOf={linkOf} />}
              {data.panels.map((panel) => (
                <PanelSection
                  key={panel.id}
                  panel={panel}
                  level={data.place.level}
                  query={query}
                  canExport={Boolean(allowedActions.canExport)}
                  linkOf={linkOf}
                />
              ))}
            </>
          )}
        </ResourceState>
      </Flex>
    </PluginPage>
  );
}
