/**
 * The specialist's journal: the consultations and testings they completed, newest first, each with
 * its entry's state (none yet, draft, signed) and a link to the entry, a page at a time.
 */
import { useCallback, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { EmptyStateLayout, Flex, Link, Typography } from '@strapi/design-system';
import { DataTable, Pager, ResourceState, useResource, type Paging } from '@qabilet/plugin-kit/admin';
import { useJournalApi } from '../api-journal';
import { PLUGIN_ID } from '../pluginId';
import { JournalStateBadge } from '../components/JournalState';
import { useFormat } from '../utils/format';
import { useT } from '../utils/translations';

export function JournalView() {
  const t = useT();
  const api = useJournalApi();
  const { dateTime } = useFormat();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: 25 });
  const list = useResource(
    useCallback(() => api.list(paging.page, paging.pageSize), [api, paging]),
    t('error.generic'),
  );
  return (
    <ResourceState resource={list} loading={t('list.loading')}>
      {({ data, meta }) => (
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Typography tag="h2" variant="delta">
            {t('journal.list.title', { total: meta.total })}
          </Typography>
          {meta.total === 0 ? (
            <EmptyStateLayout content={t('journal.list.empty')} />
          ) : (
            <>
              <DataTable
                caption={t('journal.list.caption')}
                columns={[
                  t('journal.column.heldAt'),
                  t('journal.column.service'),
                  t('journal.column.person'),
                  t('journal.column.state'),
                  t('journal.column.entry'),
                ]}
                rows={data.map((item) => ({
                  key: String(item.id),
                  cells: [
                    dateTime(item.heldAt),
                    t(`journal.service.${item.service}`),
                    item.person.name || t('person.unnamed'),
                    <JournalStateBadge key="state" state={item.state} />,
                    <Link key="open" tag={RouterLink} to={`/plugins/${PLUGIN_ID}/journal/${item.id}`}>
                      {t(item.state === 'signed' || !item.mine ? 'journal.open' : 'journal.write', { name: item.person.name || t('person.unnamed') })}
                    </Link>,
                  ],
                }))}
              />
              <Pager id="talent-journal" label={t('pager.label')} t={t} paging={paging} total={meta.total} onChange={setPaging} />
            </>
          )}
        </Flex>
      )}
    </ResourceState>
  );
}
