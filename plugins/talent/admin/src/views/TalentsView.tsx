/**
 * The registry of talents: the entries of the people in the staff member's scope, filtered by
 * domain, status, region, age group, strength and trend, strongest first, each with the sentence
 * that explains it. The filters and the page live in the address. Whoever may confirm opens the
 * confirmation dialog from a candidate's row.
 */
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Flex, Typography } from '@strapi/design-system';
import { PAGE_SIZES, Pager, ResourceState, useResource, type Paging } from '@qabilet/plugin-kit/admin';
import type { RegistryMe } from '../api';
import { TALENT_FILTER_KEYS, useTalentsApi, type TalentFilters as Filters, type TalentListItem } from '../api-talents';
import { TalentFilters } from '../components/TalentFilters';
import { TalentTable } from '../components/TalentTable';
import { TalentConfirmDialog } from '../components/TalentConfirmDialog';
import { useT } from '../utils/translations';

const DEFAULT_SIZE = 25;

export function TalentsView({ me }: { me: RegistryMe }) {
  const t = useT();
  const api = useTalentsApi();
  const [params, setParams] = useSearchParams();
  const [confirming, setConfirming] = useState<TalentListItem>();
  const page = Math.max(Number.parseInt(params.get('tpage') ?? '', 10) || 1, 1);
  const asked = Number.parseInt(params.get('tpageSize') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(asked) ? asked : DEFAULT_SIZE;
  const filters: Filters = Object.fromEntries(TALENT_FILTER_KEYS.map((k) => [k, params.get(`t.${k}`) ?? '']).filter(([, v]) => v));
  const key = JSON.stringify(filters);
  const list = useResource(
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the filters' values
    useCallback(() => api.talents(filters, page, pageSize), [api, key, page, pageSize]),
    t('error.generic'),
  );
  // The people tab keeps its own filters in the address; these are prefixed so that both live side by side.
  const go = (next: Filters, paging: Paging = { page: 1, pageSize }) => {
    const kept = [...params].filter(([k]) => !k.startsWith('t.') && k !== 'tpage' && k !== 'tpageSize');
    const mine = Object.entries(next).map(([k, v]): [string, string] => [`t.${k}`, v]);
    const pages: Array<[string, string]> = [
      ['tpage', String(paging.page)],
      ['tpageSize', String(paging.pageSize)],
    ];
    setParams([...kept, ...mine, ...pages].filter(([, v]) => v));
  };
  const meta = list.data?.meta;

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <TalentFilters filters={filters} onChange={(next) => go(next)} />
      <Typography tag="h2" variant="delta" aria-live="polite">
        {meta ? t('talents.total', { total: meta.total }) : t('list.loading')}
      </Typography>
      <ResourceState resource={list} loading={t('list.loading')} empty={t('talents.empty')} isEmpty={(found) => found.meta.total === 0}>
        {(found) => (
          <Flex direction="column" alignItems="stretch" gap={4}>
            <TalentTable entries={found.data} card={me.can.card} confirm={me.can.confirm} onConfirm={setConfirming} />
            <Pager id="talent-talents" label={t('pager.label')} t={t} paging={{ page, pageSize }} total={found.meta.total} onChange={(p) => go(filters, p)} />
          </Flex>
        )}
      </ResourceState>
      {confirming && (
        <TalentConfirmDialog
          entry={confirming}
          onClose={() => setConfirming(undefined)}
          onDone={() => {
            setConfirming(undefined);
            list.reload();
          }}
        />
      )}
    </Flex>
  );
}
