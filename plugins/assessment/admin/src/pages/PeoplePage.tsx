/**
 * "Results": the people of the staff member's scope who have taken a test (a specialist: those
 * booked with a specialist of their centre; a coordinator: those living in their region), a page at
 * a time. The page and its size live in the address, so that coming back from a card returns here.
 */
import { useCallback } from 'react';
import { NavLink, useSearchParams } from 'react-router-dom';
import { Box, EmptyStateLayout, Flex, Link, Loader, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { PAGE_SIZES, Pager, PluginPage, useResource, type Paging } from '@qabilet/plugin-kit/admin';
import { useAssessmentApi, type Person } from '../api';
import { Refusal } from '../components/Refusal';
import { PLUGIN_ID } from '../pluginId';
import { useFormat, useRegionName } from '../utils/format';
import { useT, type MessageKey } from '../utils/translations';

const DEFAULT_SIZE = 25;

export const cardPath = (person: Pick<Person, 'kind' | 'id'>) =>
  `/plugins/${PLUGIN_ID}/people/${encodeURIComponent(person.kind)}/${encodeURIComponent(String(person.id))}`;

export function PeoplePage() {
  const t = useT();
  const api = useAssessmentApi();
  const [params, setParams] = useSearchParams();
  const page = Math.max(Number.parseInt(params.get('page') ?? '', 10) || 1, 1);
  const asked = Number.parseInt(params.get('pageSize') ?? '', 10);
  const pageSize = PAGE_SIZES.includes(asked) ? asked : DEFAULT_SIZE;
  const list = useResource(
    useCallback(() => api.people(page, pageSize), [api, page, pageSize]),
    t('error.generic'),
  );
  const go = (next: Paging) => setParams({ page: String(next.page), pageSize: String(next.pageSize) });
  const meta = list.data?.meta;
  const people = list.data?.data ?? [];

  let content;
  if (list.problem) content = <Refusal problem={list.problem} />;
  else if (list.loading && !list.data)
    content = (
      <Box padding={6}>
        <Loader>{t('list.loading')}</Loader>
      </Box>
    );
  else if (meta && meta.total === 0) content = <EmptyStateLayout content={t('list.empty')} />;
  else
    content = (
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h2" variant="delta" aria-live="polite">
          {t('list.total', { total: meta?.total ?? people.length })}
        </Typography>
        <PeopleTable people={people} />
        {meta && <Pager id="assessment" label={t('pager.label')} t={t} paging={{ page, pageSize }} total={meta.total} onChange={go} />}
      </Flex>
    );

  return (
    <PluginPage title={t('page.title')} subtitle={t('page.subtitle')} panel>
      {content}
    </PluginPage>
  );
}

function PeopleTable({ people }: { people: Person[] }) {
  const t = useT();
  const format = useFormat();
  const regionName = useRegionName();
  const columns: MessageKey[] = ['col.name', 'col.age', 'col.region', 'col.lastResult', 'col.attempts'];
  return (
    <Table colCount={columns.length} rowCount={people.length + 1}>
      <VisuallyHidden tag="caption">{t('list.caption')}</VisuallyHidden>
      <Thead>
        <Tr>
          {columns.map((key) => (
            // The Design System's cells are grid cells; a header says it is one to screen readers.
            <Th key={key} role="columnheader">
              <Typography variant="sigma">{t(key)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {people.map((person) => (
          <Tr key={`${person.kind}-${person.id}`}>
            <Td>
              <Flex direction="column" alignItems="flex-start">
                <Link tag={NavLink} to={cardPath(person)}>
                  {person.name || t('person.unnamed')}
                </Link>
                {person.kind === 'child' && (
                  <Typography variant="pi" textColor="neutral600">
                    {t('person.child')}
                  </Typography>
                )}
              </Flex>
            </Td>
            <Td>
              <Typography>{person.age ?? '—'}</Typography>
            </Td>
            <Td>
              <Typography>{regionName(person.region) ?? '—'}</Typography>
            </Td>
            <Td>
              <Typography>{person.lastFinishedAt ? format.date(person.lastFinishedAt) : '—'}</Typography>
            </Td>
            <Td>
              <Typography>{person.attempts}</Typography>
            </Td>
          </Tr>
        ))}
      </Tbody>
    </Table>
  );
}
