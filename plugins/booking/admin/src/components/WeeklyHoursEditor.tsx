/**
 * The weekly hours: one line per weekday with its intervals side by side. The list stays in the
 * order the server keeps it, so a field error at `hours.3` lands on the interval it is about.
 */
import { Box, Button, Field, Flex, Typography } from '@strapi/design-system';
import { Plus, Trash } from '@strapi/icons';
import { minutesOf, WEEKDAYS, type Weekday, type WorkingHours } from '@qabilet/domain';
import { useT } from '../utils/translations';

type Props = { hours: WorkingHours[]; errors: Record<string, string>; disabled: boolean; onChange: (hours: WorkingHours[]) => void };

export function WeeklyHoursEditor({ hours, errors, disabled, onChange }: Props) {
  const t = useT();
  const update = (index: number, patch: Partial<WorkingHours>) => onChange(hours.map((h, i) => (i === index ? { ...h, ...patch } : h)));
  const add = (day: Weekday) => onChange([...hours, nextInterval(day, hours.filter((h) => h.day === day).at(-1))]);

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Typography tag="h2" variant="delta" id="booking-hours-title">
        {t('schedule.hours.title')}
      </Typography>
      {errors.hours && (
        <Typography role="alert" textColor="danger600">
          {errors.hours}
        </Typography>
      )}
      {WEEKDAYS.map((day) => {
        const intervals = hours.map((h, index) => ({ ...h, index })).filter((h) => h.day === day);
        const dayName = t(`weekday.${day}`);
        // The server names the interval (`hours.3`) whose start and end do not fit together: its
        // inputs are marked, and the message goes under the day's line so the line stays aligned.
        const dayErrors = [...new Set(intervals.map(({ index }) => errors[`hours.${index}`]).filter(Boolean))];
        return (
          <Flex
            key={day}
            role="group"
            aria-labelledby={`hours-${day}`}
            direction="column"
            alignItems="stretch"
            gap={2}
            paddingTop={3}
            paddingBottom={3}
            borderColor="neutral150"
            style={{ borderWidth: '0 0 1px 0' }}
          >
            <Flex gap={4} alignItems="flex-end">
              <Box width="12rem" paddingBottom={3} shrink={0}>
                <Typography id={`hours-${day}`} fontWeight="bold">
                  {dayName}
                </Typography>
              </Box>
              <Flex gap={6} wrap="wrap" alignItems="flex-end">
                {intervals.length === 0 && (
                  <Box paddingBottom={3}>
                    <Typography textColor="neutral600">{t('schedule.hours.dayOff')}</Typography>
                  </Box>
                )}
                {intervals.map(({ index, opens, closes }) => (
                  <Flex key={index} gap={2} alignItems="flex-end">
                    <TimeField
                      id={`hours-${index}-opens`}
                      label={t('schedule.hours.opens')}
                      value={opens}
                      error={Boolean(errors[`hours.${index}`])}
                      disabled={disabled}
                      onChange={(value) => update(index, { opens: value })}
                    />
                    <TimeField
                      id={`hours-${index}-closes`}
                      label={t('schedule.hours.closes')}
                      value={closes}
                      error={Boolean(errors[`hours.${index}`])}
                      disabled={disabled}
                      onChange={(value) => update(index, { closes: value })}
                    />
                    {!disabled && (
                      <Button
                        variant="danger-light"
                        size="L"
                        startIcon={<Trash />}
                        aria-label={t('schedule.hours.removeLabel', { day: dayName, opens, closes })}
                        onClick={() => onChange(hours.filter((_, i) => i !== index))}
                      >
                        {t('schedule.hours.remove')}
                      </Button>
                    )}
                  </Flex>
                ))}
                {!disabled && (
                  <Button variant="tertiary" size="L" startIcon={<Plus />} aria-label={t('schedule.hours.addLabel', { day: dayName })} onClick={() => add(day)}>
                    {t('schedule.hours.add')}
                  </Button>
                )}
              </Flex>
            </Flex>
            {dayErrors.map((message) => (
              <Typography key={message} role="alert" variant="pi" textColor="danger600" paddingLeft="13.6rem">
                {message}
              </Typography>
            ))}
          </Flex>
        );
      })}
    </Flex>
  );
}

/** A new interval: a working day on an empty day, else the hour after the day's last interval. */
function nextInterval(day: Weekday, last: WorkingHours | undefined): WorkingHours {
  const start = last ? minutesOf(last.closes) : undefined;
  if (start === undefined) return { day, opens: '09:00', closes: '18:00' };
  const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { day, opens: hhmm(start), closes: hhmm(Math.min(start + 60, 23 * 60 + 55)) };
}

type TimeFieldProps = {
  id: string;
  label: string;
  value: string;
  error?: string | boolean;
  disabled?: boolean;
  required?: boolean;
  onChange: (value: string) => void;
};

/** A native time input: keyboard- and screen-reader-friendly, and `HH:MM` is what the API takes. */
export function TimeField({ id, label, value, error, disabled, required = true, onChange }: TimeFieldProps) {
  return (
    <Field.Root id={id} name={id} error={error} required={required && !disabled} width="15rem">
      <Field.Label>{label}</Field.Label>
      <Field.Input type="time" step={300} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
      <Field.Error />
    </Field.Root>
  );
}
