/** A specialist confirms a candidate with a note (what they saw); the server re-evaluates the entry. */
import { useState } from 'react';
import { Typography } from '@strapi/design-system';
import { FormDialog, TextField, problemOf } from '@qabilet/plugin-kit/admin';
import { useTalentsApi, type TalentListItem } from '../api-talents';
import { useT } from '../utils/translations';
import { useDomainName } from './TalentDomain';

export function TalentConfirmDialog({ entry, onClose, onDone }: { entry: TalentListItem; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const api = useTalentsApi();
  const domainName = useDomainName();
  const [note, setNote] = useState('');
  return (
    <FormDialog
      title={t('talents.confirm.title')}
      submit={t('talents.confirm')}
      close={t('dialog.close')}
      back={t('dialog.back')}
      onClose={onClose}
      onSubmit={async () => {
        try {
          await api.confirm(entry.id, note);
          onDone();
          return undefined;
        } catch (error) {
          return problemOf(error, t('error.generic'));
        }
      }}
    >
      {(problem) => (
        <>
          <Typography>{t('talents.confirm.about', { name: entry.name, domain: domainName(entry.domain) })}</Typography>
          <TextField
            id="talents-confirm-note"
            label={t('talents.confirm.note')}
            hint={t('talents.confirm.note.hint')}
            multiline
            required
            maxLength={2000}
            value={note}
            onChange={setNote}
            error={problem?.fields.note}
          />
        </>
      )}
    </FormDialog>
  );
}
