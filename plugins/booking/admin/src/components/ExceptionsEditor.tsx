/** Leave, closures and one-off extra hours: listed with a delete button each, and a form to add one. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Button, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { problemOf } from '@qabilet/plugin-kit/admin';
import { useBookingApi, type ScheduleException, type SpecialistId } from '../api';
import { asUtcMidnight } from '../utils/dates';
import { useT, type MessageKey } from '../utils/translations';
import { ExceptionForm } from './ExceptionForm';

type Props = { specialistId: SpecialistId; exceptions: ScheduleException[]; canManage: boolean; onChanged: () => void };

export function ExceptionsEditor({ specialistId, exceptions, canManage, onChanged }: Props) {
  const t = useT();
  const { formatDate, formatDateTimeRange } = useIntl();
  const api = useBookingApi();
  const { toggleNotification } = useNotification();
  const [deleting, setDeleting] = useState<ScheduleException['id'] | null>(null);
  const longDate = { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' } as const;
  const when = (e: ScheduleException) => {
    if (e.kind === 'closed') return e.from && e.to ? formatDateTimeRange(asUtcMidnight(e.from), asUtcMidnight(e.to), longDate) : '';
    return t('exceptions.when.extra', { date: e.date ? formatDate(asUtcMidnight(e.date), longDate) : '', opens: e.opens ?? '', closes: e.closes ?? '' });
  };
  const sorted = [...exceptions].sort((a, b) => (a.from ?? a.date ?? '').localeCompare(b.from ?? b.date ?? ''));

  async function remove(exception: ScheduleException) {
    setDeleting(exception.id);
    try {
      await api.deleteException(specialistId, exception.id);
      toggleNotification({ type: 'success', message: t('exceptions.deleted') });
      onChanged();
    } catch (error) {
      toggleNotification({ type: 'danger', message: problemOf(error, t('error.generic')).message });
    } finally {
      setDeleting(null);
    }
  }

  const columns: MessageKey[] = [
    'exceptions.col.kind',
    'exceptions.col.when',
    'exceptions.col.note',
    ...(canManage ? (['exceptions.col.actions'] as const) : []),
  ];
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h2" variant="delta" id="booking-exceptions-title">
        {t('exceptions.title')}
      </Typography>
      <Table colCount={columns.length} rowCount={sorted.length + 1} aria-labelledby="booking-exceptions-title">
        <Thead>
          <Tr>
            {columns.map((key) => (
              <Th key={key}>
                <Typography variant="sigma">{t(key)}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {sorted.length === 0 ? (
            <Tr>
              <Td colSpan={columns.length}>
                <Typography textColor="neutral600">{t('exceptions.empty')}</Typography>
              </Td>
            </Tr>
          ) : (
            sorted.map((exception) => (
              <Tr key={String(exception.id)}>
                <Td>
                  <Typography>{t(`exceptions.kind.${exception.kind}`)}</Typography>
                </Td>
                <Td>
                  <Typography>{when(exception)}</Typography>
                </Td>
                <Td>
                  <Typography>{exception.note ?? ''}</Typography>
                </Td>
                {canManage && (
                  <Td>
                    <Button
                      size="S"
                      variant="danger-light"
                      startIcon={<Trash />}
                      loading={deleting === exception.id}
                      disabled={deleting !== null}
                      aria-label={t('exceptions.deleteLabel', { when: when(exception) })}
                      onClick={() => void remove(exception)}
                    >
                      {t('exceptions.delete')}
                    </Button>
                  </Td>
                )}
              </Tr>
            ))
          )}
        </Tbody>
      </Table>
      {canManage && <ExceptionForm specialistId={specialistId} onAdded={onChanged} />}
    </Flex>
  );
}
