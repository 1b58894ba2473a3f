/**
 * The registry of users: everyone in the staff member's scope, searched by name (any spelling),
 * phone or e-mail and filtered, a page at a time; the filters and the page live in the address, so
 * that coming back from a card returns here. A call-centre operator's list has names, phones and
 * open requests only. Whoever may export downloads the filtered list by template.
 */
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Button, Flex, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { PAGE_SIZES, Pager, ResourceState, useResource, type Paging } from '@qabilet/plugin-kit/admin';
import { FILTER_KEYS, useTalentApi, type Filters, type RegistryMe } from '../api';
import { PeopleFilters } from '../components/PeopleFilters';
import { PeopleTable } from '../components/PeopleTable';
import { ExportDialog } from '../components/ExportDialog';
import { useT } from '../utils/translations';

const DEFAULT_SIZE = 25;

export function PeopleView({ me }: { me: RegistryMe }) {
  const t = useT();
  const api = useTalentApi();
  const [params, setParams] = useSearchParams();
  const [exporting, setExporting] = useState(false);
  const page = Math.max(Number.parseInt(params.get('page') ?? '', 10) || 1, 1);
  const asked = Number.parseInt(params.get('pageSize') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(asked) ? asked : DEFAULT_SIZE;
  const filters: Filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? '']).filter(([, v]) => v));
  const key = JSON.stringify(filters);
  const list = useResource(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filters' values
    useCallback(() => api.people(filters, page, pageSize), [api, key, page, pageSize]),
    t('error.generic'),
  );
  const go = (next: Filters, paging: Paging = { page: 1, pageSize }) =>
    setParams(
      Object.fromEntries(Object.entries({ ...next, page: String(paging.page), pageSize: String(paging.pageSize) }).filter(([, v]) => v)) as Record<
        string,
        string
      >,
    );
  const meta = list.data?.meta;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <PeopleFilters filters={filters} limited={me.limited} onChange={(next) => go(next)} />
      <Flex justifyContent="space-between" alignItems="center" wrap="wrap" gap={2}>
        <Typography tag="h2" variant="delta" aria-live="polite">
          {meta ? t('people.total', { total: meta.total }) : t('list.loading')}
        </Typography>
        {me.can.export && (
          <Button variant="secondary" startIcon={<Download aria-hidden />} onClick={() => setExporting(true)}>
            {t('export.open')}
          </Button>
        )}
      </Flex>
      <ResourceState resource={list} loading={t('list.loading')} empty={t('people.empty')} isEmpty={(found) => found.meta.total === 0}>
        {(found) => (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <PeopleTable people={found.data} limited={me.limited} card={me.can.card} />
            <Pager id="talent-people" label={t('pager.label')} t={t} paging={{ page, pageSize }} total={found.meta.total} onChange={(p) => go(filters, p)} />
          </Flex>
        )}
      </ResourceState>
      {exporting && <ExportDialog filters={filters} onClose={() => setExporting(false)} />}
    </Flex>
  );
}
