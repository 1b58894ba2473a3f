/**
 * A specialist's documents: what each is (and for a credential, what, from whom, when), its file,
 * and the ways to open it (fetched with the admin's token, then shown from a blob) and — for whoever
 * may — to delete it. Buttons name the document they act on, for screen readers.
 */
import { useState } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { DataTable, problemOf, ProblemText, saveFile } from '@qabilet/plugin-kit/admin';
import { useSpecialistsApi, type SpecialistDocument } from '../api-specialists';
import { useFormat } from '../utils/format';
import { useT, type MessageKey } from '../utils/translations';

type Props = { specialist: number; documents: SpecialistDocument[]; canRemove: boolean; onRemove: (document: SpecialistDocument) => void };

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`);

/** Opens a fetched file in a new tab (or, when the browser blocks the tab, saves it). */
export function useOpenDocument(specialist: number) {
  const api = useSpecialistsApi();
  return async (document: SpecialistDocument) => {
    // The tab is opened at the click, before the fetch, so that popup blockers let it through.
    const tab = window.open('', '_blank');
    try {
      const { blob, name } = await api.document(specialist, document);
      if (!tab) return saveFile(blob, name);
      const url = URL.createObjectURL(new Blob([blob], { type: document.type }));
      tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      tab?.close();
      throw error;
    }
  };
}

export function DocumentList({ specialist, documents, canRemove, onRemove }: Props) {
  const t = useT();
  const format = useFormat();
  const open = useOpenDocument(specialist);
  const [problem, setProblem] = useState<string>();
  const label = (d: SpecialistDocument) => `${t(`document.kind.${d.kind}` as MessageKey)}${d.title ? `: ${d.title}` : ''}`;

  if (!documents.length) return <Typography>{t('documents.empty')}</Typography>;
  return (
    <Flex direction="column" alignItems="stretch" gap={2}>
      {problem && <ProblemText message={problem} />}
      <DataTable
        caption={t('documents.caption')}
        columns={[t('documents.col.kind'), t('documents.col.details'), t('documents.col.file'), t('documents.col.uploaded'), t('documents.col.actions')]}
        rows={documents.map((d) => ({
          key: String(d.id),
          cells: [
            t(`document.kind.${d.kind}` as MessageKey),
            d.title ? [d.title, d.issuer, d.year].filter(Boolean).join(', ') : '—',
            `${d.filename} (${size(d.size)})`,
            format.date(d.uploadedAt),
            <Flex key="actions" gap={2}>
              <Button
                variant="secondary"
                size="S"
                aria-label={t('document.view.named', { name: label(d) })}
                onClick={() =>
                  open(d).then(
                    () => setProblem(undefined),
                    (error) => setProblem(problemOf(error, t('error.generic')).message),
                  )
                }
              >
                {t('document.view')}
              </Button>
              {canRemove && (
                <Button variant="danger-light" size="S" aria-label={t('document.delete.named', { name: label(d) })} onClick={() => onRemove(d)}>
                  {t('document.delete')}
                </Button>
              )}
            </Flex>,
          ],
        }))}
      />
    </Flex>
  );
}
