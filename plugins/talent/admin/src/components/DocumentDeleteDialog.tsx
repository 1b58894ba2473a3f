/** Asks before a document is deleted for good (its bytes go with it), and says why when it cannot be. */
import { useState } from 'react';
import { Dialog, Flex, Typography } from '@strapi/design-system';
import { DialogFooter, problemOf } from '@qabilet/plugin-kit/admin';
import { useSpecialistsApi, type SpecialistDocument } from '../api-specialists';
import { useT, type MessageKey } from '../utils/translations';

type Props = { specialist: number; document: SpecialistDocument; onClose: () => void; onDone: () => void };

export function DocumentDeleteDialog({ specialist, document, onClose, onDone }: Props) {
  const t = useT();
  const api = useSpecialistsApi();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string>();

  async function confirm() {
    setSending(true);
    try {
      await api.remove(specialist, document.id);
      onDone();
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')).message);
      setSending(false);
    }
  }

  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('document.delete.title')}</Dialog.Header>
        <Dialog.Body>
          <Flex direction="column" alignItems="stretch" gap={2} width="100%">
            <Typography>
              {t('document.delete.question', { kind: t(`document.kind.${document.kind}` as MessageKey), name: document.title ?? document.filename })}
            </Typography>
            {problem && (
              <Typography role="alert" textColor="danger600">
                {problem}
              </Typography>
            )}
          </Flex>
        </Dialog.Body>
        <DialogFooter cancel={t('dialog.back')} confirm={t('document.delete.confirm')} sending={sending} onConfirm={confirm} />
      </Dialog.Content>
    </Dialog.Root>
  );
}
