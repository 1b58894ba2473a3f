/**
 * "My day": a specialist's bookings by day or week and their schedule. A coordinator or a super
 * admin, who see several specialists, first choose whose day to look at.
 */
import { useCallback, useState } from 'react';
import { Box, EmptyStateLayout, Field, SingleSelect, SingleSelectOption, Typography } from '@strapi/design-system';
import { Page, useRBAC } from '@strapi/strapi/admin';
import { PageTabs, PluginPage, useResource } from '@qabilet/plugin-kit/admin';
import { useBookingApi, type Me, type SpecialistId } from '../api';
import { BookingsView } from '../components/BookingsView';
import { ScheduleView } from '../components/ScheduleView';
import { PERMISSIONS } from '../permissions';
import { useT } from '../utils/translations';

/** The picker's value for "every specialist in my scope" (bookings only; a schedule is one person's). */
const EVERYONE = '';

export function MyDayPage() {
  const t = useT();
  const api = useBookingApi();
  const me = useResource(
    useCallback(() => api.me(), [api]),
    t('error.generic'),
  );
  const { allowedActions, isLoading: checkingRights } = useRBAC(PERMISSIONS.manage);

  if (me.loading || checkingRights) return <Page.Loading />;
  if (!me.data) return <Page.Error content={me.problem?.message} />;
  return <MyDay me={me.data} canManage={Boolean(allowedActions.canManage)} />;
}

function MyDay({ me, canManage }: { me: Me; canManage: boolean }) {
  const t = useT();
  const several = me.specialists.length > 1;
  const [chosen, setChosen] = useState<string>(String(me.specialist?.id ?? (several ? EVERYONE : (me.specialists[0]?.id ?? EVERYONE))));
  const specialist = me.specialists.find((s) => String(s.id) === chosen) ?? (me.specialist && String(me.specialist.id) === chosen ? me.specialist : null);
  const specialistId: SpecialistId | undefined = specialist?.id;

  return (
    <PluginPage
      title={t('page.title')}
      subtitle={specialist ? t('page.subtitle', { name: specialist.name, centre: specialist.centreName ?? specialist.centre }) : t('page.subtitle.everyone')}
    >
      {!specialist && !several ? (
        <EmptyStateLayout content={t('page.noSpecialist')} />
      ) : (
        <Box background="neutral0" hasRadius shadow="filterShadow" padding={6}>
          {several && (
            <Box paddingBottom={6} maxWidth="40rem">
              <Field.Root name="specialist" id="booking-specialist">
                <Field.Label>{t('specialist.label')}</Field.Label>
                <SingleSelect value={chosen} onChange={(value) => setChosen(String(value))}>
                  <SingleSelectOption value={EVERYONE}>{t('specialist.everyone')}</SingleSelectOption>
                  {me.specialists.map((s) => (
                    <SingleSelectOption key={String(s.id)} value={String(s.id)}>
                      {t('specialist.option', { name: s.name, centre: s.centreName ?? s.centre })}
                    </SingleSelectOption>
                  ))}
                </SingleSelect>
              </Field.Root>
            </Box>
          )}
          <PageTabs
            label={t('tabs.label')}
            tabs={[
              {
                value: 'bookings',
                label: t('tabs.bookings'),
                content: <BookingsView specialistId={specialistId} showSpecialist={!specialist} canManage={canManage} />,
              },
              {
                value: 'schedule',
                label: t('tabs.schedule'),
                content:
                  specialistId === undefined ? (
                    <Typography>{t('schedule.chooseSpecialist')}</Typography>
                  ) : (
                    <ScheduleView key={String(specialistId)} specialistId={specialistId} canManage={canManage} />
                  ),
              },
            ]}
          />
        </Box>
      )}
    </PluginPage>
  );
}
