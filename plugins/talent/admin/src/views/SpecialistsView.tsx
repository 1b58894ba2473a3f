/**
 * The "Specialists" tab: the specialist cards within the staff member's scope (a specialist sees
 * their own card only; a coordinator their region's; the curator everyone's), each a link to its card.
 */
import { useCallback } from 'react';
import { NavLink } from 'react-router-dom';
import { Flex, Link, Typography } from '@strapi/design-system';
import { DataTable, ResourceState, useRegions, useResource } from '@qabilet/plugin-kit/admin';
import { useSpecialistsApi } from '../api-specialists';
import { useT } from '../utils/translations';

export const specialistPath = (id: number) => `/plugins/talent/specialists/${id}`;

export function SpecialistsView() {
  const t = useT();
  const api = useSpecialistsApi();
  const regions = new Map(useRegions().map((r) => [r.code, r.name]));
  const list = useResource(
    useCallback(() => api.list(), [api]),
    t('error.generic'),
  );
  return (
    <ResourceState resource={list} loading={t('list.loading')} empty={t('specialists.empty')} isEmpty={(specialists) => !specialists.length}>
      {(specialists) => (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="h2" variant="delta">
            {t('specialists.total', { total: specialists.length })}
          </Typography>
          <DataTable
            caption={t('specialists.caption')}
            columns={[t('specialist.name'), t('specialist.position'), t('specialist.centre'), t('specialist.region')]}
            rows={specialists.map((s) => ({
              key: String(s.id),
              cells: [
                <Link key="name" tag={NavLink} to={specialistPath(s.id)}>
                  {s.mine ? t('specialists.mine', { name: s.name }) : s.name}
                </Link>,
                s.position ?? '—',
                s.centre.name,
                (s.region && (regions.get(s.region) ?? s.region)) || '—',
              ],
            }))}
          />
        </Flex>
      )}
    </ResourceState>
  );
}
