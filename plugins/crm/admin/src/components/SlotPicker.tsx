/**
 * "Book a slot": the free times of the request's centre for its service and format, a week at a
 * time, grouped by day (from the public slots API, in Almaty time). One radio group, so the arrow
 * keys walk the times; each time's name carries its day for screen readers.
 */
import { useCallback, useState, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Box, Button, Flex, Loader, Radio, Typography, VisuallyHidden } from '@strapi/design-system';
import { ArrowLeft, ArrowRight } from '@strapi/icons';
import { addDays, todayInKazakhstan } from '@qabilet/domain';
import { ProblemText, TitledForm, useResource, type Problem } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type CrmRequest, type Slot } from '../api';
import { useT } from '../utils/translations';

type Props = { request: CrmRequest; onBook: (slot: string) => Promise<Problem | undefined> };

const byDay = (slots: Slot[]) => {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  return [...days.entries()];
};

export function SlotPicker({ request, onBook }: Props) {
  const t = useT();
  const { formatDate } = useIntl();
  const api = useCrmApi();
  const [from, setFrom] = useState(() => todayInKazakhstan());
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const to = addDays(from, 6);
  const slots = useResource(
    useCallback(
      () => api.slots({ ...(request.centre ? { centre: request.centre.slug } : {}), service: request.service, format: request.format, from, to }),
      [api, request.centre, request.service, request.format, from, to],
    ),
    t('error.generic'),
  );
  const day = (date: string) => formatDate(new Date(`${date}T00:00:00Z`), { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long' });
  const days = byDay(slots.data ?? []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await onBook(chosen);
    setSending(false);
    setProblem(result);
    // The time may have been taken meanwhile: show what is free now.
    if (result) slots.reload();
  }

  return (
    <TitledForm titleId="crm-slots-title" title={t('slots.title')} level="h3" gap={3} onSubmit={submit}>
      <Flex gap={2} justifyContent="space-between" wrap="wrap">
        <Button
          type="button"
          variant="tertiary"
          size="S"
          startIcon={<ArrowLeft />}
          disabled={from <= todayInKazakhstan()}
          onClick={() => setFrom(addDays(from, -7))}
        >
          {t('slots.previous')}
        </Button>
        <Typography aria-live="polite">{t('slots.range', { from: day(from), to: day(to) })}</Typography>
        <Button type="button" variant="tertiary" size="S" endIcon={<ArrowRight />} onClick={() => setFrom(addDays(from, 7))}>
          {t('slots.next')}
        </Button>
      </Flex>
      {slots.problem ? (
        <ProblemText message={slots.problem.message} />
      ) : slots.loading ? (
        <Loader small>{t('slots.loading')}</Loader>
      ) : days.length === 0 ? (
        <Typography textColor="neutral600">{t('slots.none')}</Typography>
      ) : (
        <Box maxHeight="24rem" overflow="auto">
          <Radio.Group aria-labelledby="crm-slots-title" value={chosen} onValueChange={setChosen}>
            {days.map(([date, list]) => (
              <Flex key={date} direction="column" alignItems="stretch" gap={2} paddingBottom={3}>
                <Typography variant="sigma" textColor="neutral600" aria-hidden>
                  {day(date)}
                </Typography>
                <Flex gap={4} wrap="wrap">
                  {list.map((slot) => (
                    <Radio.Item key={slot.id} value={slot.id}>
                      <VisuallyHidden>{`${day(date)}, `}</VisuallyHidden>
                      {t('slots.option', { time: slot.time, specialist: slot.specialist.name })}
                    </Radio.Item>
                  ))}
                </Flex>
              </Flex>
            ))}
          </Radio.Group>
        </Box>
      )}
      {problem && <ProblemText message={problem.fields.slot ?? problem.message} />}
      <Flex>
        <Button type="submit" loading={sending} disabled={!chosen}>
          {t('slots.book')}
        </Button>
      </Flex>
    </TitledForm>
  );
}
