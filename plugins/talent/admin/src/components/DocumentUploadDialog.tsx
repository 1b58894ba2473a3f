/**
 * Adds a document to a specialist's card: what it is, for a diploma, certificate or award its
 * title, issuer and year, and the file itself (a labelled file input whose hint names the types and
 * the largest size; the server's refusal of any field is shown beside it).
 */
import { useState, type ChangeEvent } from 'react';
import { Field } from '@strapi/design-system';
import { FormDialog, problemOf, SelectField, TextField, type Problem } from '@qabilet/plugin-kit/admin';
import { CREDENTIAL_KINDS, DOCUMENT_KINDS, useSpecialistsApi, type DocumentForm, type DocumentKind, type SpecialistCard } from '../api-specialists';
import { useT, type MessageKey } from '../utils/translations';

const ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf,.jpg,.jpeg,.png,.webp,.pdf';
/** What a diploma, certificate or award also says. */
const CREDENTIAL_FIELDS: Array<{ key: 'title' | 'issuer' | 'year'; maxLength: number; numeric?: boolean }> = [
  { key: 'title', maxLength: 200 },
  { key: 'issuer', maxLength: 200 },
  { key: 'year', maxLength: 4, numeric: true },
];
const EMPTY: DocumentForm = { kind: '', title: '', issuer: '', year: '', file: null };

type Props = { card: SpecialistCard; onClose: () => void; onDone: () => void };

export function DocumentUploadDialog({ card, onClose, onDone }: Props) {
  const t = useT();
  const api = useSpecialistsApi();
  const [form, setForm] = useState<DocumentForm>(EMPTY);
  const set = (patch: Partial<DocumentForm>) => setForm((f) => ({ ...f, ...patch }));
  const credential = form.kind !== '' && CREDENTIAL_KINDS.includes(form.kind);
  const megabytes = Math.round((card.limits.maxBytes / 1024 / 1024) * 10) / 10;

  async function submit(): Promise<Problem | undefined> {
    try {
      await api.upload(card.id, credential ? form : { ...form, title: '', issuer: '', year: '' });
      onDone();
      return undefined;
    } catch (error) {
      return problemOf(error, t('error.generic'));
    }
  }

  return (
    <FormDialog
      title={t('document.add.title')}
      submit={t('document.add.submit')}
      close={t('dialog.close')}
      back={t('dialog.back')}
      onClose={onClose}
      onSubmit={submit}
    >
      {(problem) => (
        <>
          <SelectField
            id="document-kind"
            label={t('document.kind')}
            value={form.kind}
            required
            placeholder={t('document.kind.choose')}
            options={DOCUMENT_KINDS.map((k) => ({ value: k, label: t(`document.kind.${k}` as MessageKey) }))}
            onChange={(kind) => set({ kind: kind as DocumentKind })}
            error={problem?.fields.kind}
          />
          {credential && (
            <>
              {CREDENTIAL_FIELDS.map(({ key, numeric, maxLength }) => (
                <TextField
                  key={key}
                  id={`document-${key}`}
                  label={t(`document.${key}`)}
                  value={form[key]}
                  required
                  inputMode={numeric ? 'numeric' : undefined}
                  maxLength={maxLength}
                  onChange={(value) => set({ [key]: value })}
                  error={problem?.fields[key]}
                />
              ))}
            </>
          )}
          <Field.Root name="file" id="document-file" required error={problem?.fields.file} hint={t('document.file.hint', { max: megabytes })}>
            <Field.Label>{t('document.file')}</Field.Label>
            <Field.Input type="file" accept={ACCEPT} onChange={(e: ChangeEvent<HTMLInputElement>) => set({ file: e.target.files?.[0] ?? null })} />
            <Field.Hint />
            <Field.Error />
          </Field.Root>
        </>
      )}
    </FormDialog>
  );
}
