/**
 * The period the dashboard sums: two dates applied together, or one of the usual periods at one
 * click. A period the server refuses (backwards, too long) is explained beside its date.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { TextField, type Problem } from '@qabilet/plugin-kit/admin';
import { PERIOD_PRESETS, presetPeriod, type Period } from '../utils/period';
import { useT } from '../utils/translations';

type Props = { period: Partial<Period>; problem?: Problem; onChange: (period: Period) => void };

export function PeriodPicker({ period, problem, onChange }: Props) {
  const t = useT();
  const [draft, setDraft] = useState({ from: period.from ?? '', to: period.to ?? '' });
  useEffect(() => setDraft({ from: period.from ?? '', to: period.to ?? '' }), [period.from, period.to]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onChange(draft);
  };
  return (
    <Box tag="form" aria-labelledby="stats-period-title" onSubmit={submit} noValidate background="neutral0" hasRadius shadow="filterShadow" padding={4}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography id="stats-period-title" tag="h2" variant="delta">
          {t('period.title')}
        </Typography>
        <Flex gap={4} alignItems="flex-start" wrap="wrap">
          {(['from', 'to'] as const).map((edge) => (
            <Box key={edge} width="16rem">
              <TextField
                id={`stats-${edge}`}
                type="date"
                label={t(`period.${edge}`)}
                value={draft[edge]}
                onChange={(date) => setDraft((d) => ({ ...d, [edge]: date }))}
                error={problem?.fields[edge]}
              />
            </Box>
          ))}
          <Box paddingTop={6}>
            <Button type="submit">{t('period.apply')}</Button>
          </Box>
        </Flex>
        <Flex gap={2} wrap="wrap" role="group" aria-label={t('period.presets')}>
          {PERIOD_PRESETS.map((preset) => (
            <Button key={preset} type="button" variant="tertiary" onClick={() => onChange(presetPeriod(preset))}>
              {t(`period.preset.${preset}`)}
            </Button>
          ))}
        </Flex>
      </Flex>
    </Box>
  );
}
