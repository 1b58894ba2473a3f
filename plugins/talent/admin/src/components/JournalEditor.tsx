/**
 * The draft of an entry, edited and saved as it is typed; signed after a confirmation (the draft is
 * saved first, and the signature names the version saved, so what is signed is what was on screen).
 */
import { useState } from 'react';
import { Box, Button, Dialog, Flex, Typography } from '@strapi/design-system';
import { Check, WarningCircle } from '@strapi/icons';
import { problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { useJournalApi, type JournalEntryView, type JournalText } from '../api-journal';
import { useT } from '../utils/translations';
import { JournalForm } from './JournalForm';
import { JournalSaveStatus, useAutosave } from './JournalAutosave';

export const textOf = (entry: JournalEntryView): JournalText => ({ ...entry.fields, notes: entry.notes });

function SignDialog({ onSign, onClose }: { onSign: () => Promise<void>; onClose: () => void }) {
  const t = useT();
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('journal.sign.title')}</Dialog.Header>
        <Dialog.Body icon={<WarningCircle fill="danger600" aria-hidden />}>{t('journal.sign.confirm')}</Dialog.Body>
        <Dialog.Footer>
          <Dialog.Cancel>
            <Button fullWidth variant="tertiary">
              {t('dialog.back')}
            </Button>
          </Dialog.Cancel>
          <Dialog.Action>
            <Button fullWidth startIcon={<Check aria-hidden />} onClick={() => void onSign()}>
              {t('journal.sign')}
            </Button>
          </Dialog.Action>
        </Dialog.Footer>
      </Dialog.Content>
    </Dialog.Root>
  );
}

export function JournalEditor({ entry, onChanged }: { entry: JournalEntryView; onChanged: (entry: JournalEntryView) => void }) {
  const t = useT();
  const api = useJournalApi();
  const [text, setText] = useState<JournalText>(() => textOf(entry));
  const [asking, setAsking] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const autosave = useAutosave(entry);
  const edit = (next: JournalText) => {
    setText(next);
    autosave.change(next);
  };
  const sign = async () => {
    setAsking(false);
    setProblem(undefined);
    if (!(await autosave.flush())) return;
    try {
      onChanged(await api.sign(entry.id, autosave.version.current));
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
    }
  };
  const errors = { ...(autosave.state.kind === 'failed' ? autosave.state.problem.fields : {}), ...(problem?.fields ?? {}) };
  return (
    <Flex direction="column" alignItems="stretch" gap={4}>
      <JournalSaveStatus state={autosave.state} />
      <JournalForm value={text} onChange={edit} attempts={entry.attempts} errors={errors} />
      {problem && (
        <Typography role="alert" textColor="danger600">
          {problem.message}
        </Typography>
      )}
      <Box>
        <Button startIcon={<Check aria-hidden />} onClick={() => setAsking(true)}>
          {t('journal.sign')}
        </Button>
      </Box>
      {asking && <SignDialog onSign={sign} onClose={() => setAsking(false)} />}
    </Flex>
  );
}
