/** The bookings of one day or week, with the day/week switch and previous / today / next. */
import { useCallback, useState } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import { todayInKazakhstan } from '@qabilet/domain';
import { ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { useBookingApi, type SpecialistId } from '../api';
import { asUtcMidnight, moveBy, rangeOf, type View } from '../utils/dates';
import { useT } from '../utils/translations';
import { BookingsTable } from './BookingsTable';

type Props = { specialistId: SpecialistId | undefined; showSpecialist: boolean; canManage: boolean };

export function BookingsView({ specialistId, showSpecialist, canManage }: Props) {
  const t = useT();
  const { formatDate, formatDateTimeRange } = useIntl();
  const api = useBookingApi();
  const [view, setView] = useState<View>('day');
  const [anchor, setAnchor] = useState(() => todayInKazakhstan());
  const { from, to } = rangeOf(view, anchor);
  const bookings = useResource(
    useCallback(() => api.bookings({ from, to, ...(specialistId === undefined ? {} : { specialist: specialistId }) }), [api, from, to, specialistId]),
    t('error.generic'),
  );

  const title =
    view === 'day'
      ? formatDate(asUtcMidnight(from), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
      : formatDateTimeRange(asUtcMidnight(from), asUtcMidnight(to), { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Flex gap={4} wrap="wrap" justifyContent="space-between">
        <Flex gap={2} role="group" aria-label={t('view.label')}>
          {(['day', 'week'] as const).map((option) => (
            <Button key={option} variant={view === option ? 'secondary' : 'tertiary'} aria-pressed={view === option} onClick={() => setView(option)}>
              {t(`view.${option}`)}
            </Button>
          ))}
        </Flex>
        <Flex gap={2} role="group" aria-label={t('nav.label')}>
          <Button variant="tertiary" startIcon={<ArrowLeft />} onClick={() => setAnchor(moveBy(view, anchor, -1))}>
            {t(`nav.previous.${view}`)}
          </Button>
          <Button variant="tertiary" onClick={() => setAnchor(todayInKazakhstan())}>
            {t('nav.today')}
          </Button>
          <Button variant="tertiary" endIcon={<ArrowRight />} onClick={() => setAnchor(moveBy(view, anchor, 1))}>
            {t(`nav.next.${view}`)}
          </Button>
        </Flex>
      </Flex>
      <Typography tag="h2" variant="beta" aria-live="polite">
        {title}
      </Typography>
      {bookings.problem ? (
        <ProblemText message={bookings.problem.message} />
      ) : bookings.loading && !bookings.data ? (
        <Box padding={6}>
          <Loader>{t('bookings.loading')}</Loader>
        </Box>
      ) : (
        <BookingsTable
          bookings={bookings.data ?? []}
          caption={title}
          empty={t(`bookings.empty.${view}`)}
          showDate={view === 'week'}
          showSpecialist={showSpecialist}
          canManage={canManage}
          onChanged={bookings.reload}
        />
      )}
    </Flex>
  );
}
