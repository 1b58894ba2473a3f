/**
 * Acting on the chosen rows at once: assign them to a specialist, mark that nobody answered, or
 * cancel them with a note. The server acts on each it may and says why it left the others.
 */
import { useState } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { FormDialog, problemOf, SelectField, type Problem } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type BulkAction, type BulkResult, type CrmRequest, type Me } from '../api';
import { useT } from '../utils/translations';
import { NoteField } from './NoteField';

type Props = { me: Me; selected: CrmRequest[]; onDone: () => void };

export function BulkBar({ me, selected, onDone }: Props) {
  const t = useT();
  const api = useCrmApi();
  const { toggleNotification } = useNotification();
  const [asking, setAsking] = useState<'assign' | 'cancel' | null>(null);
  const [specialist, setSpecialist] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ result: BulkResult; numbers: Map<string, string> } | null>(null);
  const none = selected.length === 0;

  async function run(action: BulkAction, extra: { specialist?: number; note?: string } = {}): Promise<Problem | undefined> {
    const numbers = new Map(selected.map((r) => [r.id, r.number]));
    try {
      const result = await api.bulk({ ids: selected.map((r) => r.id), action, ...extra });
      // Told once, beside the list (role=status), with each refusal: not again in a passing toast.
      setOutcome({ result, numbers });
      setAsking(null);
      onDone();
      return undefined;
    } catch (error) {
      return problemOf(error, t('error.generic'));
    }
  }

  async function noAnswer() {
    setBusy(true);
    const problem = await run('no_answer');
    setBusy(false);
    if (problem) toggleNotification({ type: 'danger', message: problem.message });
  }

  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      <Flex gap={2} wrap="wrap" alignItems="center" role="group" aria-label={t('bulk.label')}>
        <Typography aria-live="polite" fontWeight="semiBold">
          {t('bulk.selected', { count: selected.length })}
        </Typography>
        <Button variant="secondary" disabled={none} onClick={() => setAsking('assign')}>
          {t('bulk.assign')}
        </Button>
        <Button variant="tertiary" disabled={none || busy} loading={busy} onClick={() => void noAnswer()}>
          {t('bulk.noAnswer')}
        </Button>
        <Button variant="danger-light" disabled={none} onClick={() => setAsking('cancel')}>
          {t('bulk.cancel')}
        </Button>
      </Flex>
      {outcome && (
        <Box role="status" padding={4} background={outcome.result.refused.length ? 'warning100' : 'success100'} hasRadius>
          <Typography>{t('bulk.done', { updated: outcome.result.updated, refused: outcome.result.refused.length })}</Typography>
          {outcome.result.refused.length > 0 && (
            <ul>
              {outcome.result.refused.map((r) => (
                <li key={r.id}>
                  <Typography>{t('bulk.refused', { number: outcome.numbers.get(r.id) ?? r.id, message: r.message })}</Typography>
                </li>
              ))}
            </ul>
          )}
        </Box>
      )}
      {asking === 'assign' && (
        <FormDialog
          title={t('bulk.assign.title', { count: selected.length })}
          submit={t('bulk.assign.submit')}
          close={t('dialog.close')}
          back={t('dialog.back')}
          onClose={() => setAsking(null)}
          onSubmit={() => run('assign', { specialist: Number(specialist) || undefined })}
        >
          {(problem) => (
            <SelectField
              id="crm-bulk-specialist"
              label={t('assign.specialist')}
              value={specialist}
              required
              options={me.specialists.map((s) => ({
                value: String(s.id),
                label: t('specialist.option', { name: s.name, centre: me.centres.find((c) => c.slug === s.centre)?.name ?? s.centre }),
              }))}
              onChange={setSpecialist}
              error={problem?.fields.specialist}
            />
          )}
        </FormDialog>
      )}
      {asking === 'cancel' && (
        <FormDialog
          title={t('bulk.cancel.title', { count: selected.length })}
          submit={t('bulk.cancel.submit')}
          danger
          close={t('dialog.close')}
          back={t('dialog.back')}
          onClose={() => setAsking(null)}
          onSubmit={() => run('cancel', { note: note.trim() || undefined })}
        >
          {(problem) => <NoteField id="crm-bulk-note" text="cancel.note" maxLength={2000} value={note} onChange={setNote} error={problem?.fields.note} />}
        </FormDialog>
      )}
    </Flex>
  );
}
