/** Adds one exception: closed from–to (leave, a closure) or extra hours on one date, with a note. */
import { useState, type FormEvent } from 'react';
import { Box, Button, Field, Flex, Radio, Typography } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { problemOf, ProblemText, type Problem } from '@qabilet/plugin-kit/admin';
import { useBookingApi, type NewException, type ScheduleException, type SpecialistId } from '../api';
import { useT } from '../utils/translations';
import { TimeField } from './WeeklyHoursEditor';

const EMPTY = { from: '', to: '', date: '', opens: '09:00', closes: '13:00', note: '' };
const FIELDS = ['kind', ...Object.keys(EMPTY)];

export function ExceptionForm({ specialistId, onAdded }: { specialistId: SpecialistId; onAdded: () => void }) {
  const t = useT();
  const api = useBookingApi();
  const { toggleNotification } = useNotification();
  const [kind, setKind] = useState<ScheduleException['kind']>('closed');
  const [form, setForm] = useState(EMPTY);
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const set = (key: keyof typeof EMPTY) => (value: string) => setForm((f) => ({ ...f, [key]: value }));
  const errors = problem?.fields ?? {};

  async function submit(event: FormEvent) {
    event.preventDefault();
    const note = form.note.trim() || undefined;
    const exception: NewException =
      kind === 'closed' ? { kind, from: form.from, to: form.to, note } : { kind, date: form.date, opens: form.opens, closes: form.closes, note };
    setSending(true);
    try {
      await api.addException(specialistId, exception);
      setProblem(undefined);
      setForm(EMPTY);
      toggleNotification({ type: 'success', message: t('exceptions.added') });
      onAdded();
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSending(false);
    }
  }

  return (
    <Box tag="form" onSubmit={submit} noValidate aria-labelledby="booking-exception-form-title" background="neutral100" hasRadius padding={4}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography tag="h3" variant="epsilon" id="booking-exception-form-title">
          {t('exceptions.add.title')}
        </Typography>
        <Flex direction="column" alignItems="stretch" gap={2}>
          <Typography id="exception-kind-label" variant="pi" fontWeight="bold">
            {t('exceptions.add.kind')}
          </Typography>
          <Radio.Group value={kind} onValueChange={(value) => setKind(value as ScheduleException['kind'])} aria-labelledby="exception-kind-label">
            <Flex gap={6}>
              <Radio.Item value="closed">{t('exceptions.kind.closed')}</Radio.Item>
              <Radio.Item value="extra">{t('exceptions.kind.extra')}</Radio.Item>
            </Flex>
          </Radio.Group>
          {errors.kind && (
            <Typography role="alert" variant="pi" textColor="danger600">
              {errors.kind}
            </Typography>
          )}
        </Flex>
        <Flex gap={4} alignItems="flex-start" wrap="wrap">
          {kind === 'closed' ? (
            <>
              <DateField id="exception-from" label={t('exceptions.add.from')} value={form.from} error={errors.from} onChange={set('from')} />
              <DateField id="exception-to" label={t('exceptions.add.to')} value={form.to} error={errors.to} onChange={set('to')} />
            </>
          ) : (
            <>
              <DateField id="exception-date" label={t('exceptions.add.date')} value={form.date} error={errors.date} onChange={set('date')} />
              <TimeField id="exception-opens" label={t('schedule.hours.opens')} value={form.opens} error={errors.opens} onChange={set('opens')} />
              <TimeField id="exception-closes" label={t('schedule.hours.closes')} value={form.closes} error={errors.closes} onChange={set('closes')} />
            </>
          )}
        </Flex>
        <Field.Root name="note" id="exception-note" error={errors.note} hint={t('exceptions.add.noteHint')}>
          <Field.Label>{t('exceptions.add.note')}</Field.Label>
          <Field.Input value={form.note} maxLength={200} onChange={(e) => set('note')(e.target.value)} />
          <Field.Hint />
          <Field.Error />
        </Field.Root>
        {/* The message once: beside its field when the form has that field, else here. */}
        {problem && !Object.keys(problem.fields).some((field) => FIELDS.includes(field)) && <ProblemText message={problem.message} />}
        <Box>
          <Button type="submit" startIcon={<Plus />} loading={sending}>
            {t('exceptions.add.submit')}
          </Button>
        </Box>
      </Flex>
    </Box>
  );
}

function DateField({ id, label, value, error, onChange }: { id: string; label: string; value: string; error?: string; onChange: (value: string) => void }) {
  return (
    <Field.Root id={id} name={id} error={error} required width="18rem">
      <Field.Label>{label}</Field.Label>
      <Field.Input type="date" value={value} onChange={(e) => onChange(e.target.value)} />
      <Field.Error />
    </Field.Root>
  );
}
