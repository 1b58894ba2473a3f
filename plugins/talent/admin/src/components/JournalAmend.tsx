/** An amendment of a signed entry: the whole new text and why; signed at once as the next revision, the old one kept. */
import { useState, type FormEvent } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { TextField, TitledForm, problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { useJournalApi, type JournalEntryView } from '../api-journal';
import { useT } from '../utils/translations';
import { JournalForm } from './JournalForm';
import { textOf } from './JournalEditor';

export function JournalAmend({ entry, onDone, onCancel }: { entry: JournalEntryView; onDone: (entry: JournalEntryView) => void; onCancel: () => void }) {
  const t = useT();
  const api = useJournalApi();
  const [text, setText] = useState(() => textOf(entry));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    try {
      onDone(await api.amend(entry.id, entry.version, text, reason));
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    } finally {
      setSending(false);
    }
  };
  return (
    <TitledForm titleId="journal-amend-title" title={t('journal.amend.title')} level="h3" gap={4} onSubmit={submit}>
      <TextField id="reason" label={t('journal.amend.reason')} required maxLength={500} value={reason} onChange={setReason} error={problem?.fields.reason} />
      <JournalForm value={text} onChange={setText} attempts={entry.attempts} errors={problem?.fields} />
      {problem && (
        <Typography role="alert" textColor="danger600">
          {problem.message}
        </Typography>
      )}
      <Flex gap={2}>
        <Button type="submit" loading={sending}>
          {t('journal.amend.submit')}
        </Button>
        <Button variant="tertiary" onClick={onCancel}>
          {t('dialog.back')}
        </Button>
      </Flex>
    </TitledForm>
  );
}
