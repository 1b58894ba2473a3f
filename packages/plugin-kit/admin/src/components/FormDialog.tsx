/**
 * A small form in a modal: the Design System's Modal keeps focus inside and returns it on close.
 * It stays open until the server agrees; its refusal is shown beside the fields, or above them.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { Button, Flex, Modal, Typography } from '@strapi/design-system';
import type { Problem } from '../problem';

type Props = {
  title: string;
  submit: string;
  /** The words of the close button (×) and of the way back. */
  close: string;
  back: string;
  danger?: boolean;
  onClose: () => void;
  /** Resolves to the refusal, or to nothing when it went through (the caller then closes it). */
  onSubmit: () => Promise<Problem | undefined>;
  children: (problem: Problem | undefined) => ReactNode;
};

export function FormDialog({ title, submit, close, back, danger, onClose, onSubmit, children }: Props) {
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);

  async function send(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await onSubmit();
    setSending(false);
    setProblem(result);
  }

  const shownByFields = problem && Object.keys(problem.fields).some((k) => k !== '');
  return (
    <Modal.Root open onOpenChange={(open) => !open && onClose()}>
      <Modal.Content>
        <form onSubmit={send} noValidate>
          <Modal.Header closeLabel={close}>
            <Modal.Title>{title}</Modal.Title>
          </Modal.Header>
          <Modal.Body>
            <Flex direction="column" alignItems="stretch" gap={4}>
              {children(problem)}
              {problem && !shownByFields && (
                <Typography role="alert" textColor="danger600">
                  {problem.message}
                </Typography>
              )}
            </Flex>
          </Modal.Body>
          <Modal.Footer>
            <Modal.Close>
              <Button variant="tertiary">{back}</Button>
            </Modal.Close>
            <Button type="submit" variant={danger ? 'danger-light' : 'default'} loading={sending}>
              {submit}
            </Button>
          </Modal.Footer>
        </form>
      </Modal.Content>
    </Modal.Root>
  );
}
