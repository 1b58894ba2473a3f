/**
 * One row of the review queue: why it waits (in the server's words), what it holds, and what staff
 * may do: record it for one of the people it could be, find its person again from a corrected phone,
 * e-mail or booking reference, or discard it.
 */
import { useState, type FormEvent } from 'react';
import { Box, Button, Dialog, Flex, Grid, Radio, Typography } from '@strapi/design-system';
import { Check, Search, Trash, WarningCircle } from '@strapi/icons';
import { DialogFooter, problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { type Candidate, type QueuedRow, type Resolution } from '../api';
import { errorUnder, fieldId } from '../utils/fieldErrors';
import { useFormat } from '../utils/format';
import { useT, type MessageKey } from '../utils/translations';
import { FieldGroup, TextField } from './Fields';

type Props = { row: QueuedRow; onResolve: (row: QueuedRow, body: Resolution) => Promise<void> };

const VALUE_KEYS = ['externalId', 'phone', 'email', 'bookingRef', 'test', 'takenAt'] as const;
const candidateKey = (c: Candidate) => `${c.kind}:${c.id}`;

export function QueueItem({ row, onResolve }: Props) {
  const t = useT();
  const format = useFormat();
  const prefix = `partners-queue-${row.id}`;
  const [chosen, setChosen] = useState('');
  const [again, setAgain] = useState({ phone: '', email: '', bookingRef: '' });
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState<'person' | 'match' | 'discard' | null>(null);
  const [discarding, setDiscarding] = useState(false);
  const candidates = row.candidates ?? [];
  const errors = problem?.fields ?? {};

  async function send(kind: 'person' | 'match' | 'discard', body: Resolution) {
    setBusy(kind);
    try {
      await onResolve(row, body);
      setProblem(undefined);
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setBusy(null);
    }
  }

  const choose = (event: FormEvent) => {
    event.preventDefault();
    const person = candidates.find((c) => candidateKey(c) === chosen);
    if (!person) {
      setProblem({ message: t('queue.choose.none'), fields: { person: t('queue.choose.none') } });
      document.getElementById(fieldId(prefix, 'person'))?.querySelector<HTMLElement>('button, input')?.focus();
      return;
    }
    return send('person', { person: { kind: person.kind, id: person.id } });
  };
  const matchAgain = (event: FormEvent) => {
    event.preventDefault();
    const body = Object.fromEntries(
      Object.entries(again)
        .filter(([, v]) => v.trim())
        .map(([k, v]) => [k, v.trim()]),
    );
    if (!Object.keys(body).length) {
      setProblem({ message: t('queue.again.none'), fields: { again: t('queue.again.none') } });
      document.getElementById(fieldId(prefix, 'phone'))?.focus();
      return;
    }
    return send('match', body);
  };

  const values = VALUE_KEYS.map((key) => [key, row.values?.[key]] as const).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const scores = Object.entries(row.values?.scores ?? {});
  const shownByFields = Object.keys(errors).some((k) => ['person', 'again', 'phone', 'email', 'bookingRef'].includes(k));
  const titleId = `${prefix}-title`;
  return (
    <Box tag="li" padding={4} borderColor="neutral200" borderStyle="solid" borderWidth="1px" hasRadius style={{ listStyle: 'none' }}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Typography id={titleId} tag="h3" variant="delta" tabIndex={-1}>
          {t('queue.row', { file: row.fileName ?? t('queue.pushed'), date: format.dateTime(row.createdAt) })}
        </Typography>
        <Flex gap={2} alignItems="flex-start">
          <WarningCircle aria-hidden focusable={false} fill="warning600" />
          <Typography>
            <Typography fontWeight="bold">{t('queue.why')}</Typography> {row.explanation || row.reason}
          </Typography>
        </Flex>
        {/* The dl is the grid itself: a description list holds only its groups. */}
        <Box tag="dl" margin={0} style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: '0.75rem 1.5rem' }}>
          {values.map(([key, value]) => (
            <Flex key={key} tag="div" direction="column" alignItems="flex-start" gap={1}>
              <Typography tag="dt" variant="pi" fontWeight="bold">
                {t(`column.${key}` as MessageKey)}
              </Typography>
              <Typography tag="dd" style={{ marginInlineStart: 0, overflowWrap: 'anywhere' }}>
                {String(value)}
              </Typography>
            </Flex>
          ))}
          {scores.length > 0 && (
            <Flex tag="div" direction="column" alignItems="flex-start" gap={1}>
              <Typography tag="dt" variant="pi" fontWeight="bold">
                {t('queue.scores')}
              </Typography>
              <Typography tag="dd" style={{ marginInlineStart: 0 }}>
                {scores.map(([name, value]) => `${name}: ${value}`).join(', ')}
              </Typography>
            </Flex>
          )}
        </Box>

        {candidates.length > 0 && (
          <Box tag="form" onSubmit={choose} noValidate aria-labelledby={`${prefix}-choose`}>
            <Flex direction="column" alignItems="stretch" gap={2}>
              <Typography id={`${prefix}-choose`} variant="delta" fontWeight="bold" tag="h4">
                {t('queue.choose')}
              </Typography>
              <Radio.Group
                id={fieldId(prefix, 'person')}
                value={chosen}
                onValueChange={setChosen}
                aria-labelledby={`${prefix}-choose`}
                aria-describedby={errors.person ? `${prefix}-person-error` : undefined}
              >
                <Flex direction="column" alignItems="flex-start" gap={2}>
                  {candidates.map((c) => (
                    <Radio.Item key={candidateKey(c)} value={candidateKey(c)}>
                      {t(c.kind === 'child' ? 'queue.candidate.child' : 'queue.candidate.user', { name: c.name })}
                    </Radio.Item>
                  ))}
                </Flex>
              </Radio.Group>
              {errors.person && (
                <Typography id={`${prefix}-person-error`} variant="pi" textColor="danger600">
                  {errors.person}
                </Typography>
              )}
              <Flex>
                <Button type="submit" startIcon={<Check />} loading={busy === 'person'}>
                  {t('queue.choose.submit')}
                </Button>
              </Flex>
            </Flex>
          </Box>
        )}

        <Box tag="form" onSubmit={matchAgain} noValidate aria-label={t('queue.again.form')}>
          <FieldGroup id={fieldId(prefix, 'again')} legend={t('queue.again')} hint={t('queue.again.hint')} error={errors.again} boxed>
            <Grid.Root gap={4}>
              {(['phone', 'email', 'bookingRef'] as const).map((key) => (
                <Grid.Item key={key} col={4} s={12} direction="column" alignItems="stretch">
                  <TextField
                    id={fieldId(prefix, key)}
                    label={t(`column.${key}`)}
                    type={key === 'phone' ? 'tel' : key === 'email' ? 'email' : 'text'}
                    maxLength={120}
                    value={again[key]}
                    onChange={(value) => setAgain({ ...again, [key]: value })}
                    error={errorUnder(errors, key)}
                  />
                </Grid.Item>
              ))}
            </Grid.Root>
            <Flex>
              <Button type="submit" variant="secondary" startIcon={<Search />} loading={busy === 'match'}>
                {t('queue.again.submit')}
              </Button>
            </Flex>
          </FieldGroup>
        </Box>

        {problem && !shownByFields && (
          <Typography role="alert" textColor="danger600">
            {problem.message}
          </Typography>
        )}
        <Flex>
          <Button type="button" variant="danger-light" startIcon={<Trash />} onClick={() => setDiscarding(true)}>
            {t('queue.discard')}
          </Button>
        </Flex>
      </Flex>
      {discarding && (
        <Dialog.Root open onOpenChange={(open) => !open && setDiscarding(false)}>
          <Dialog.Content>
            <Dialog.Header>{t('queue.discard.title')}</Dialog.Header>
            <Dialog.Body icon={<WarningCircle fill="danger600" aria-hidden focusable={false} />}>
              <Dialog.Description>{t('queue.discard.warning')}</Dialog.Description>
            </Dialog.Body>
            <DialogFooter
              cancel={t('dialog.cancel')}
              confirm={t('queue.discard.confirm')}
              sending={busy === 'discard'}
              onConfirm={async () => {
                await send('discard', { discard: true });
                setDiscarding(false);
              }}
            />
          </Dialog.Content>
        </Dialog.Root>
      )}
    </Box>
  );
}
