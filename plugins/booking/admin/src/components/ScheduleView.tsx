/**
 * A specialist's schedule: the weekly hours, slot timings, services and formats (saved together
 * with one PUT) and the exceptions (each added or deleted on its own).
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { problemOf, ProblemText, useResource, type Problem } from '@qabilet/plugin-kit/admin';
import { useBookingApi, type ScheduleException, type SpecialistId, type WeeklySchedule } from '../api';
import { useT } from '../utils/translations';
import { ExceptionsEditor } from './ExceptionsEditor';
import { OfferEditor } from './OfferEditor';
import { WeeklyHoursEditor } from './WeeklyHoursEditor';

type Props = { specialistId: SpecialistId; canManage: boolean };

export function ScheduleView({ specialistId, canManage }: Props) {
  const t = useT();
  const api = useBookingApi();
  const { toggleNotification } = useNotification();
  const schedule = useResource(
    useCallback(() => api.schedule(specialistId), [api, specialistId]),
    t('error.generic'),
  );
  const [draft, setDraft] = useState<WeeklySchedule>();
  // Kept apart from the draft, so adding or deleting an exception never discards unsaved hours.
  const [exceptions, setExceptions] = useState<ScheduleException[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (schedule.data) {
      const { hours, timings, services, formats, exceptions } = schedule.data;
      setDraft({ hours, timings, services, formats });
      setExceptions(exceptions);
    }
  }, [schedule.data]);

  const refreshExceptions = () =>
    api.schedule(specialistId).then(
      (fresh) => setExceptions(fresh.exceptions),
      () => schedule.reload(),
    );

  if (schedule.problem) return <ProblemText message={schedule.problem.message} />;
  if (!schedule.data || !draft) {
    return (
      <Box padding={6}>
        <Loader>{t('schedule.loading')}</Loader>
      </Box>
    );
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!draft) return;
    setSaving(true);
    try {
      await api.saveSchedule(specialistId, draft);
      setProblem(undefined);
      toggleNotification({ type: 'success', message: t('schedule.saved') });
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSaving(false);
    }
  }

  const errors = problem?.fields ?? {};
  const change = (patch: Partial<WeeklySchedule>) => setDraft({ ...draft, ...patch });
  return (
    <Flex direction="column" alignItems="stretch" gap={8}>
      <form onSubmit={save} noValidate aria-labelledby="booking-hours-title">
        <Flex direction="column" alignItems="stretch" gap={6}>
          {!canManage && <Typography textColor="neutral600">{t('schedule.readOnly')}</Typography>}
          <WeeklyHoursEditor hours={draft.hours} errors={errors} disabled={!canManage} onChange={(hours) => change({ hours })} />
          <OfferEditor schedule={draft} errors={errors} disabled={!canManage} onChange={change} />
          {problem && <ProblemText message={problem.message} />}
          {canManage && (
            <Box>
              <Button type="submit" loading={saving}>
                {t('schedule.save')}
              </Button>
            </Box>
          )}
        </Flex>
      </form>
      <ExceptionsEditor specialistId={specialistId} exceptions={exceptions} canManage={canManage} onChanged={() => void refreshExceptions()} />
    </Flex>
  );
}
