/**
 * The registry: the requests of the staff member's scope, filtered and paged by the server, with
 * bulk actions for those who manage requests and the export for those who may take the list away.
 * A specialist's "My requests" is the same list with the status filter alone.
 */
import { useCallback, useEffect, useState } from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { ExportDialog, Pager, ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { FILTER_KEYS, useCrmApi, type FilterKey, type Filters, type Me } from '../api';
import { useT } from '../utils/translations';
import { BulkBar } from './BulkBar';
import { RegistryFilters } from './RegistryFilters';
import { RequestsTable } from './RequestsTable';

type Props = {
  me: Me;
  /** A specialist's own list. */
  mine?: boolean;
  onOpen: (id: string) => void;
  /** Grows when a request changed elsewhere on the page (the dialog), to reload the list. */
  changes: number;
  onChanged: () => void;
};

/** An operator finds a caller's requests by phone first. */
const keysFor = (me: Me, mine: boolean): readonly FilterKey[] =>
  mine ? ['status'] : me.role === 'operator' ? ['phone', ...FILTER_KEYS.filter((k) => k !== 'phone')] : FILTER_KEYS;

export function Registry({ me, mine = false, onOpen, changes, onChanged }: Props) {
  const t = useT();
  const api = useCrmApi();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [exporting, setExporting] = useState(false);
  const list = useResource(
    useCallback(() => api.list(filters, page, pageSize), [api, filters, page, pageSize]),
    t('error.generic'),
  );
  const { reload } = list;
  useEffect(() => {
    if (changes) reload();
  }, [changes, reload]);
  useEffect(() => setSelected(new Set()), [filters, page, pageSize]);

  const selectable = me.can.manage && !mine;
  const rows = list.data?.data ?? [];
  const pagination = list.data?.meta.pagination;
  const caption = mine ? t('page.title.mine') : t('list.caption');

  const select = (ids: string[], on: boolean) =>
    setSelected((previous) => {
      const next = new Set(previous);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <RegistryFilters
        me={me}
        keys={keysFor(me, mine)}
        applied={filters}
        errors={list.problem?.fields ?? {}}
        onApply={(next) => {
          setFilters(next);
          setPage(1);
        }}
      />
      <Flex justifyContent="space-between" wrap="wrap" gap={2}>
        <Typography tag="h2" variant="delta" aria-live="polite">
          {pagination ? t('list.total', { total: pagination.total }) : caption}
        </Typography>
        {me.can.export && !mine && (
          <Button variant="secondary" startIcon={<Download />} onClick={() => setExporting(true)}>
            {t('export.open')}
          </Button>
        )}
      </Flex>
      {selectable && (
        <BulkBar
          me={me}
          selected={rows.filter((r) => selected.has(r.id))}
          onDone={() => {
            setSelected(new Set());
            onChanged();
          }}
        />
      )}
      {list.problem ? (
        <ProblemText message={list.problem.message} />
      ) : list.loading && !list.data ? (
        <Box padding={6}>
          <Loader>{t('list.loading')}</Loader>
        </Box>
      ) : (
        <RequestsTable requests={rows} caption={caption} selectable={selectable} selected={selected} onSelect={select} onOpen={onOpen} showSpecialist={!mine} />
      )}
      {pagination && pagination.total > 0 && (
        <Pager
          id="crm"
          label={t('pager.label')}
          t={t}
          paging={pagination}
          total={pagination.total}
          onChange={(next) => {
            setPageSize(next.pageSize);
            setPage(next.page);
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          id="crm"
          t={t}
          templates={api.templates}
          exportFile={(query) => api.exportFile({ ...filters, ...query })}
          onClose={() => setExporting(false)}
        />
      )}
    </Flex>
  );
}
