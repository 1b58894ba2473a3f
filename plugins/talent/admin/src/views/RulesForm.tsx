/**
 * The rules in force as a form: the threshold, each domain's own threshold (one per line,
 * `interest:artistic = 95`), the answered share, whether un-normed scores count, the window and the
 * gap between two agreeing measurements. The server checks every field; its refusals stand beside them.
 */
import { useState, type FormEvent } from 'react';
import { Button, Flex, Grid, Typography } from '@strapi/design-system';
import { SelectField, TextField, TitledForm, problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import type { TalentRules, TalentRulesVersion } from '../api-talents';
import { useT } from '../utils/translations';

type Draft = Record<'threshold' | 'thresholds' | 'minAnsweredShare' | 'acceptUnnormed' | 'windowMonths' | 'confirmGapDays', string>;

const draftOf = (r: TalentRules): Draft => ({
  threshold: String(r.threshold),
  thresholds: Object.entries(r.thresholds)
    .map(([d, v]) => `${d} = ${v}`)
    .join('\n'),
  minAnsweredShare: String(r.minAnsweredShare),
  acceptUnnormed: r.acceptUnnormed ? 'yes' : 'no',
  windowMonths: String(r.windowMonths),
  confirmGapDays: String(r.confirmGapDays),
});

/** A number as typed (a decimal comma too); what is not one goes as typed, for the server to name. */
const numberOf = (s: string): unknown => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() !== '' && Number.isFinite(n) ? n : s;
};

const thresholdsOf = (text: string) =>
  Object.fromEntries(
    text
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line) => {
        const [domain = '', value = ''] = line.split('=');
        return [domain.trim(), numberOf(value)];
      }),
  );

export function RulesForm({ current, onSave }: { current: TalentRulesVersion; onSave: (rules: Record<string, unknown>) => Promise<void> }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(current.rules));
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const set = (key: keyof Draft) => (value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const thresholdsError = problem && Object.entries(problem.fields).find(([k]) => k === 'thresholds' || k.startsWith('thresholds.'));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      await onSave({
        threshold: numberOf(draft.threshold),
        thresholds: thresholdsOf(draft.thresholds),
        minAnsweredShare: numberOf(draft.minAnsweredShare),
        acceptUnnormed: draft.acceptUnnormed === 'yes',
        windowMonths: numberOf(draft.windowMonths),
        confirmGapDays: numberOf(draft.confirmGapDays),
      });
      setProblem(undefined);
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSending(false);
    }
  };
  const field = (key: Exclude<keyof Draft, 'acceptUnnormed' | 'thresholds'>, inputMode: 'numeric' | 'decimal') => (
    <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
      <TextField
        id={`rules-${key}`}
        label={t(`rules.${key}`)}
        hint={t(`rules.${key}.hint`)}
        inputMode={inputMode}
        required
        value={draft[key]}
        onChange={set(key)}
        error={problem?.fields[key]}
      />
    </Grid.Item>
  );
  return (
    <TitledForm titleId="rules-form-title" title={t('rules.current', { version: current.version })} onSubmit={submit}>
      <Grid.Root gap={4}>
        {field('threshold', 'numeric')}
        {field('minAnsweredShare', 'decimal')}
        {field('windowMonths', 'numeric')}
        {field('confirmGapDays', 'numeric')}
        <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
          <SelectField
            id="rules-acceptUnnormed"
            label={t('rules.acceptUnnormed')}
            hint={t('rules.acceptUnnormed.hint')}
            value={draft.acceptUnnormed}
            options={[
              { value: 'yes', label: t('rules.yes') },
              { value: 'no', label: t('rules.no') },
            ]}
            onChange={set('acceptUnnormed')}
            error={problem?.fields.acceptUnnormed}
          />
        </Grid.Item>
        <Grid.Item col={12} direction="column" alignItems="stretch">
          <TextField
            id="rules-thresholds"
            label={t('rules.thresholds')}
            hint={t('rules.thresholds.hint')}
            multiline
            value={draft.thresholds}
            onChange={set('thresholds')}
            error={thresholdsError ? `${thresholdsError[0].replace(/^thresholds\.?/, '')} ${thresholdsError[1]}`.trim() : undefined}
          />
        </Grid.Item>
      </Grid.Root>
      <Flex>
        <Button type="submit" loading={sending}>
          {t('rules.save')}
        </Button>
      </Flex>
      {problem && !Object.keys(problem.fields).length && (
        <Typography role="alert" textColor="danger600">
          {problem.message}
        </Typography>
      )}
    </TitledForm>
  );
}
