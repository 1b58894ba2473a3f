/** Requests as a table, one row each; the number opens the request, the boxes choose rows for bulk actions. */
import { useIntl } from 'react-intl';
import { Checkbox, Flex, Table, Tbody, Td, TextButton, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import type { CrmRequest } from '../api';
import { StatusBadge } from './StatusBadge';
import { useT, type MessageKey } from '../utils/translations';

type Props = {
  requests: CrmRequest[];
  caption: string;
  selectable: boolean;
  selected: Set<string>;
  onSelect: (ids: string[], on: boolean) => void;
  onOpen: (id: string) => void;
  showSpecialist: boolean;
};

export function RequestsTable({ requests, caption, selectable, selected, onSelect, onOpen, showSpecialist }: Props) {
  const t = useT();
  const { formatDate } = useIntl();
  const columns: { key: string; label: MessageKey }[] = [
    { key: 'number', label: 'col.number' },
    { key: 'created', label: 'col.created' },
    { key: 'person', label: 'col.person' },
    { key: 'service', label: 'col.service' },
    { key: 'status', label: 'col.status' },
    { key: 'centre', label: 'col.centre' },
    ...(showSpecialist ? [{ key: 'specialist', label: 'col.specialist' as const }] : []),
    { key: 'booking', label: 'col.booking' },
    { key: 'source', label: 'col.source' },
  ];
  const allOn = requests.length > 0 && requests.every((r) => selected.has(r.id));
  const someOn = requests.some((r) => selected.has(r.id));
  const colCount = columns.length + (selectable ? 1 : 0);

  return (
    <Table colCount={colCount} rowCount={requests.length + 1} aria-label={caption}>
      <Thead>
        <Tr>
          {selectable && (
            <Th role="columnheader">
              <Checkbox
                aria-label={t('select.all')}
                checked={allOn ? true : someOn ? 'indeterminate' : false}
                disabled={requests.length === 0}
                onCheckedChange={(on) =>
                  onSelect(
                    requests.map((r) => r.id),
                    on === true,
                  )
                }
              />
            </Th>
          )}
          {columns.map((column) => (
            // The Design System's cells are grid cells; a header says it is one to screen readers.
            <Th key={column.key} role="columnheader">
              <Typography variant="sigma">{t(column.label)}</Typography>
            </Th>
          ))}
        </Tr>
      </Thead>
      <Tbody>
        {requests.length === 0 ? (
          <Tr>
            <Td colSpan={colCount}>
              <Typography textColor="neutral600">{t('list.empty')}</Typography>
            </Td>
          </Tr>
        ) : (
          requests.map((request) => (
            <Tr key={request.id}>
              {selectable && (
                <Td>
                  <Checkbox
                    aria-label={t('select.one', { number: request.number })}
                    checked={selected.has(request.id)}
                    onCheckedChange={(on) => onSelect([request.id], on === true)}
                  />
                </Td>
              )}
              <Td>
                <TextButton onClick={() => onOpen(request.id)} aria-label={t('open.request', { number: request.number })}>
                  {request.number}
                </TextButton>
              </Td>
              <Td>
                <Typography>
                  {formatDate(new Date(request.createdAt), { timeZone: 'Asia/Almaty', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' })}
                </Typography>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography>{request.person.name || t('person.unnamed')}</Typography>
                  {request.person.phone && (
                    <Typography variant="pi" textColor="neutral600">
                      <VisuallyHidden>{t('person.phone')} </VisuallyHidden>
                      {request.person.phone}
                    </Typography>
                  )}
                </Flex>
              </Td>
              <Td>
                <Flex direction="column" alignItems="flex-start">
                  <Typography>{t(`service.${request.service}`)}</Typography>
                  <Typography variant="pi" textColor="neutral600">
                    {t(`format.${request.format}`)}
                  </Typography>
                </Flex>
              </Td>
              <Td>
                <StatusBadge status={request.status} />
              </Td>
              <Td>
                <Typography>{request.centre?.name ?? request.region?.name ?? '—'}</Typography>
              </Td>
              {showSpecialist && (
                <Td>
                  <Typography>{request.specialist?.name ?? '—'}</Typography>
                </Td>
              )}
              <Td>
                <Typography>
                  {request.booking
                    ? `${formatDate(new Date(`${request.booking.date}T00:00:00Z`), { timeZone: 'UTC', day: 'numeric', month: 'short' })}, ${request.booking.time}`
                    : '—'}
                </Typography>
              </Td>
              <Td>
                <Typography>{t(`source.${request.source}`)}</Typography>
              </Td>
            </Tr>
          ))
        )}
      </Tbody>
    </Table>
  );
}
