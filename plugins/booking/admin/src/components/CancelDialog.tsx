/** Cancelling needs a reason, which the person is told; the dialog stays open until the server agrees. */
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { useIntl } from 'react-intl';
import { Dialog, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import { DialogFooter, type Problem } from '@qabilet/plugin-kit/admin';
import { personName, type StaffBooking } from '../api';
import { asUtcMidnight } from '../utils/dates';
import { useT } from '../utils/translations';

type Props = {
  booking: StaffBooking;
  onClose: () => void;
  onCancel: (reason: string) => Promise<Problem | undefined>;
};

export function CancelDialog({ booking, onClose, onCancel }: Props) {
  const t = useT();
  const { formatDate } = useIntl();
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const reasonField = useRef<HTMLTextAreaElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    const result = await onCancel(reason.trim());
    setSending(false);
    setProblem(result);
  }

  const fieldError = problem?.fields.reason;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      {/* Straight to the reason: it is what the dialog asks for. */}
      <Dialog.Content
        onOpenAutoFocus={(event) => {
          event.preventDefault();
          reasonField.current?.focus();
        }}
      >
        <form onSubmit={submit} noValidate>
          <Dialog.Header>{t('cancel.title')}</Dialog.Header>
          <Dialog.Body>
            <Flex direction="column" alignItems="stretch" gap={4} width="100%">
              <Typography>
                {t('cancel.description', {
                  person: personName(booking),
                  date: formatDate(asUtcMidnight(booking.date), { timeZone: 'UTC', day: 'numeric', month: 'long' }),
                  time: booking.time,
                })}
              </Typography>
              <Field.Root name="reason" id={`cancel-reason-${booking.id}`} required error={fieldError} hint={t('cancel.reason.hint')}>
                <Field.Label>{t('cancel.reason')}</Field.Label>
                <Textarea ref={reasonField} value={reason} onChange={(e: ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} maxLength={500} />
                <Field.Hint />
                <Field.Error />
              </Field.Root>
              {problem && !fieldError && (
                <Typography role="alert" textColor="danger600">
                  {problem.message}
                </Typography>
              )}
            </Flex>
          </Dialog.Body>
          <DialogFooter cancel={t('cancel.keep')} confirm={t('cancel.submit')} sending={sending} />
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
}
