/** What a specialist offers: the services with their slot and buffer minutes, and the formats. */
import type { ReactNode } from 'react';
import { Box, Checkbox, Field, Flex, NumberInput, Typography } from '@strapi/design-system';
import { FORMATS, SERVICES, type Format, type Service, type WeeklySchedule } from '../api';
import { useT } from '../utils/translations';

type Props = {
  schedule: WeeklySchedule;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (patch: Partial<WeeklySchedule>) => void;
};

/** What a service newly offered starts with: the usual 50-minute session and a 10-minute break. */
const USUAL_TIMING = { slotMinutes: 50, bufferMinutes: 10 };

const toggle = <T,>(list: T[], item: T, on: boolean) => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

export function OfferEditor({ schedule, errors, disabled, onChange }: Props) {
  const t = useT();
  const timingOf = (service: Service) => schedule.timings[service] ?? USUAL_TIMING;
  const setTiming = (service: Service, key: 'slotMinutes' | 'bufferMinutes', value: number | undefined) =>
    onChange({ timings: { ...schedule.timings, [service]: { ...timingOf(service), [key]: value ?? 0 } } });
  const offer = (service: Service, on: boolean) =>
    onChange({
      services: toggle(schedule.services, service, on),
      ...(on && !schedule.timings[service] ? { timings: { ...schedule.timings, [service]: USUAL_TIMING } } : {}),
    });

  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <Typography tag="h2" variant="delta">
        {t('schedule.offer.title')}
      </Typography>
      <Group legend={t('schedule.services')} error={errors.services}>
        {SERVICES.map((service) => (
          <Flex key={service} direction="column" alignItems="stretch" gap={3}>
            <Checkbox checked={schedule.services.includes(service)} disabled={disabled} onCheckedChange={(on) => offer(service, on === true)}>
              {t(`service.${service}`)}
            </Checkbox>
            <Flex gap={4} wrap="wrap" paddingLeft={6}>
              {(['slotMinutes', 'bufferMinutes'] as const).map((key) => {
                const id = `timings-${service}-${key}`;
                return (
                  <Field.Root key={key} id={id} name={id} error={errors[`timings.${service}.${key}`] ?? Boolean(errors[`timings.${service}`])}>
                    <Field.Label>{t(`schedule.timings.${key}`, { service: t(`service.${service}`) })}</Field.Label>
                    <NumberInput
                      step={5}
                      min={0}
                      value={timingOf(service)[key]}
                      disabled={disabled || !schedule.services.includes(service)}
                      onValueChange={(value) => setTiming(service, key, value)}
                    />
                    <Field.Error />
                  </Field.Root>
                );
              })}
            </Flex>
            {errors[`timings.${service}`] && (
              <Typography role="alert" variant="pi" textColor="danger600" paddingLeft={6}>
                {errors[`timings.${service}`]}
              </Typography>
            )}
          </Flex>
        ))}
      </Group>
      <Group legend={t('schedule.formats')} error={errors.formats}>
        <Flex gap={6} wrap="wrap">
          {FORMATS.map((format: Format) => (
            <Checkbox
              key={format}
              checked={schedule.formats.includes(format)}
              disabled={disabled}
              onCheckedChange={(on) => onChange({ formats: toggle(schedule.formats, format, on === true) })}
            >
              {t(`format.${format}`)}
            </Checkbox>
          ))}
        </Flex>
      </Group>
    </Flex>
  );
}

function Group({ legend, error, children }: { legend: string; error?: string; children: ReactNode }) {
  return (
    <Box tag="fieldset" borderColor="neutral200" hasRadius padding={4} style={{ margin: 0 }}>
      <Typography tag="legend" variant="omega" fontWeight="bold" style={{ padding: '0 4px' }}>
        {legend}
      </Typography>
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
        {error && (
          <Typography role="alert" textColor="danger600">
            {error}
          </Typography>
        )}
      </Flex>
    </Box>
  );
}
