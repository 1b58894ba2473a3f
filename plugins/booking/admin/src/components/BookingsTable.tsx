/** Bookings as a table: one row each, times as the API gives them in Asia/Almaty. */
import { useState } from 'react';
import { useIntl } from 'react-intl';
import { Flex, Link, Table, Tbody, Td, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { kzTime } from '@qabilet/domain';
import { StatusBadge, type Tone } from '@qabilet/plugin-kit/admin';
import { personName, type StaffBooking, type Status } from '../api';
import { asUtcMidnight } from '../utils/dates';
import { useT, type MessageKey } from '../utils/translations';
import { BookingActions, useStaffAction } from './BookingActions';
import { CancelDialog } from './CancelDialog';

/** The kit's tone of each status's badge. */
const TONE: Record<Status, Tone> = { requested: 'waiting', confirmed: 'confirmed', completed: 'done', cancelled: 'closed', no_show: 'missed' };

type Props = {
  bookings: StaffBooking[];
  caption: string;
  empty: string;
  showDate: boolean;
  showSpecialist: boolean;
  canManage: boolean;
  onChanged: () => void;
};

export function BookingsTable({ bookings, caption, empty, showDate, showSpecialist, canManage, onChanged }: Props) {
  const t = useT();
  const { formatDate } = useIntl();
  const [cancelling, setCancelling] = useState<StaffBooking | null>(null);
  const act = useStaffAction(onChanged);
  const rows = [...bookings].sort((a, b) => a.start.localeCompare(b.start));
  const columns: { key: string; label: MessageKey }[] = [
    ...(showDate ? [{ key: 'date', label: 'col.date' as const }] : []),
    { key: 'time', label: 'col.time' },
    { key: 'person', label: 'col.person' },
    { key: 'for', label: 'col.for' },
    { key: 'service', label: 'col.service' },
    { key: 'format', label: 'col.format' },
    { key: 'status', label: 'col.status' },
    ...(showSpecialist ? [{ key: 'specialist', label: 'col.specialist' as const }] : []),
    { key: 'actions', label: 'col.actions' },
  ];

  return (
    <>
      <Table colCount={columns.length} rowCount={rows.length + 1} aria-label={caption}>
        <Thead>
          <Tr>
            {columns.map((column) => (
              <Th key={column.key}>
                <Typography variant="sigma">{t(column.label)}</Typography>
              </Th>
            ))}
          </Tr>
        </Thead>
        <Tbody>
          {rows.length === 0 ? (
            <Tr>
              <Td colSpan={columns.length}>
                <Typography textColor="neutral600">{empty}</Typography>
              </Td>
            </Tr>
          ) : (
            rows.map((booking) => (
              <Tr key={booking.id}>
                {showDate && (
                  <Td>
                    <Typography>{formatDate(asUtcMidnight(booking.date), { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'short' })}</Typography>
                  </Td>
                )}
                <Td>
                  <Typography fontWeight="semiBold">{`${booking.time}–${kzTime(new Date(booking.end))}`}</Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>{personName(booking)}</Typography>
                    {booking.person.phone && (
                      <Typography variant="pi" textColor="neutral600">
                        <VisuallyHidden>{t('person.phone')} </VisuallyHidden>
                        {booking.person.phone}
                      </Typography>
                    )}
                  </Flex>
                </Td>
                <Td>
                  <Typography>{booking.child ? t('for.child', { name: booking.childName || booking.child.firstName }) : t('for.self')}</Typography>
                </Td>
                <Td>
                  <Typography>{t(`service.${booking.service}`)}</Typography>
                </Td>
                <Td>
                  <Flex direction="column" alignItems="flex-start">
                    <Typography>{t(`format.${booking.format}`)}</Typography>
                    {booking.format === 'online' && booking.videoLink && (
                      <Link href={booking.videoLink} isExternal>
                        {t('format.videoRoom')}
                      </Link>
                    )}
                  </Flex>
                </Td>
                <Td>
                  <StatusBadge tone={TONE[booking.status]}>{t(`status.${booking.status}`)}</StatusBadge>
                </Td>
                {showSpecialist && (
                  <Td>
                    <Typography>{booking.specialist.name}</Typography>
                  </Td>
                )}
                <Td>
                  <BookingActions booking={booking} canManage={canManage} onChanged={onChanged} onCancel={setCancelling} />
                </Td>
              </Tr>
            ))
          )}
        </Tbody>
      </Table>
      {cancelling && (
        <CancelDialog
          booking={cancelling}
          onClose={() => setCancelling(null)}
          onCancel={async (reason) => {
            const problem = await act(cancelling, 'cancel', reason);
            if (!problem) setCancelling(null);
            return problem;
          }}
        />
      )}
    </>
  );
}
