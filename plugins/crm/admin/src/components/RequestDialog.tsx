/**
 * One request in a modal: who it is for, its booking, wish and history, and what this staff member
 * may do with it now. The Design System's Modal moves focus into it and back to the opener on close.
 */
import { useCallback } from 'react';
import { Button, Flex, Loader, Modal } from '@strapi/design-system';
import { ProblemText, useResource } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type Me } from '../api';
import { useT } from '../utils/translations';
import { RequestActions } from './RequestActions';
import { RequestDetails } from './RequestDetails';

type Props = { me: Me; id: string; onClose: () => void; onChanged: () => void };

export function RequestDialog({ me, id, onClose, onChanged }: Props) {
  const t = useT();
  const api = useCrmApi();
  const request = useResource(
    useCallback(() => api.one(id), [api, id]),
    t('error.generic'),
  );
  const data = request.data;

  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <Modal.Header closeLabel={t('dialog.close')}>
          <Modal.Title>{data ? t('details.title', { number: data.number }) : t('details.loading')}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          {request.problem ? (
            <ProblemText message={request.problem.message} />
          ) : !data ? (
            <Loader>{t('details.loading')}</Loader>
          ) : (
            <Flex direction="column" alignItems="stretch" gap={6}>
              <RequestDetails request={data} />
              <RequestActions
                me={me}
                request={data}
                onChanged={() => {
                  request.reload();
                  onChanged();
                }}
              />
            </Flex>
          )}
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('dialog.close')}</Button>
          </Modal.Close>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
}
