/**
 * What may be done with a request now, by this staff member: book a slot (intake), assign it to a
 * specialist and close it as no answer or cancelled (manage), mark it completed or not attended
 * (complete). The server holds the same rules; its refusal is shown beside the field it names.
 */
import { useState, type FormEvent } from 'react';
import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { isClosed, mayClose } from '@qabilet/domain';
import { problemOf, ProblemText, SelectField, type Problem } from '@qabilet/plugin-kit/admin';
import { useCrmApi, type Closing, type CrmRequest, type Me } from '../api';
import { useT, type MessageKey } from '../utils/translations';
import { NoteField } from './NoteField';
import { SlotPicker } from './SlotPicker';

type Acting = 'book' | 'assign' | 'completed' | 'cancelled' | null;
type Props = { me: Me; request: CrmRequest; onChanged: () => void };

const DONE: Record<Closing, MessageKey> = { completed: 'done.completed', no_show: 'done.no_show', no_answer: 'done.no_answer', cancelled: 'done.cancelled' };

export function RequestActions({ me, request, onChanged }: Props) {
  const t = useT();
  const api = useCrmApi();
  const { toggleNotification } = useNotification();
  const [acting, setActing] = useState<Acting>(null);
  const [note, setNote] = useState('');
  const [specialist, setSpecialist] = useState(request.specialist ? String(request.specialist.id) : '');
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const hasBooking = Boolean(request.booking);
  const may = (to: Closing) => mayClose(request.status, to, hasBooking);
  // Completing and no-show are the specialist's (and a manager's); no answer and cancelling also an operator's.
  const canClose = me.can.manage || me.can.complete;
  const canDrop = me.can.manage || me.can.intake;

  /** Runs one call; says how it went, or keeps the refusal for the form to show. */
  async function run(call: () => Promise<unknown>, done: string): Promise<boolean> {
    setSending(true);
    setProblem(undefined);
    try {
      await call();
      toggleNotification({ type: 'success', message: done });
      setActing(null);
      setNote('');
      onChanged();
      return true;
    } catch (error) {
      setProblem(problemOf(error, t('error.generic')));
      return false;
    } finally {
      setSending(false);
    }
  }
  const close = (to: Closing, withNote = false) =>
    run(() => api.close(request.id, to, withNote ? note.trim() : undefined), t(DONE[to], { number: request.number }));
  const open = (next: Acting) => {
    setProblem(undefined);
    setActing(acting === next ? null : next);
  };

  const buttons: Array<{
    key: string;
    label: MessageKey;
    show: boolean;
    variant: 'default' | 'secondary' | 'tertiary' | 'danger-light';
    onClick: () => void;
    pressed?: boolean;
  }> = [
    {
      key: 'book',
      label: 'action.book',
      show: me.can.intake && !hasBooking && !isClosed(request.status),
      variant: 'default',
      onClick: () => open('book'),
      pressed: acting === 'book',
    },
    {
      key: 'assign',
      label: 'action.assign',
      show: me.can.manage && !hasBooking && !isClosed(request.status),
      variant: 'secondary',
      onClick: () => open('assign'),
      pressed: acting === 'assign',
    },
    {
      key: 'completed',
      label: 'action.complete',
      show: canClose && may('completed'),
      variant: 'default',
      onClick: () => open('completed'),
      pressed: acting === 'completed',
    },
    { key: 'no_show', label: 'action.noShow', show: canClose && may('no_show'), variant: 'tertiary', onClick: () => void close('no_show') },
    { key: 'no_answer', label: 'action.noAnswer', show: canDrop && may('no_answer'), variant: 'tertiary', onClick: () => void close('no_answer') },
    {
      key: 'cancelled',
      label: 'action.cancel',
      show: canDrop && may('cancelled'),
      variant: 'danger-light',
      onClick: () => open('cancelled'),
      pressed: acting === 'cancelled',
    },
  ];
  const shown = buttons.filter((b) => b.show);
  if (shown.length === 0) return null;

  const submitNote = (to: 'completed' | 'cancelled') => (event: FormEvent) => {
    event.preventDefault();
    void close(to, true);
  };
  const otherError = problem && !problem.fields.note && !problem.fields.specialist ? problem.message : undefined;

  return (
    <Flex tag="section" aria-labelledby="crm-actions-title" direction="column" alignItems="stretch" gap={4}>
      <Typography id="crm-actions-title" tag="h3" variant="delta">
        {t('details.actions')}
      </Typography>
      <Flex gap={2} wrap="wrap">
        {shown.map((b) => (
          <Button key={b.key} variant={b.variant} disabled={sending} aria-expanded={b.pressed === undefined ? undefined : b.pressed} onClick={b.onClick}>
            {t(b.label)}
          </Button>
        ))}
      </Flex>
      {acting === 'book' && (
        <SlotPicker
          request={request}
          onBook={async (slot) => {
            try {
              await api.book(request.id, slot);
              toggleNotification({ type: 'success', message: t('done.booked', { number: request.number }) });
              setActing(null);
              onChanged();
              return undefined;
            } catch (error) {
              return problemOf(error, t('error.generic'));
            }
          }}
        />
      )}
      {acting === 'assign' && (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void run(() => api.assign(request.id, Number(specialist)), t('done.assigned', { number: request.number }));
          }}
        >
          <Flex gap={2} alignItems="flex-end" wrap="wrap">
            <Box minWidth="24rem">
              <SelectField
                id="crm-assign-specialist"
                label={t('assign.specialist')}
                required
                value={specialist}
                options={me.specialists.filter((s) => !request.centre || s.centre === request.centre.slug).map((s) => ({ value: String(s.id), label: s.name }))}
                onChange={setSpecialist}
                error={problem?.fields.specialist}
              />
            </Box>
            <Button type="submit" loading={sending}>
              {t('assign.submit')}
            </Button>
          </Flex>
        </form>
      )}
      {(acting === 'completed' || acting === 'cancelled') && (
        <form noValidate onSubmit={submitNote(acting)}>
          <Flex direction="column" alignItems="stretch" gap={2}>
            <NoteField
              id={`crm-note-${acting}`}
              text={acting === 'completed' ? 'complete.note' : 'cancel.note'}
              required={acting === 'completed' || hasBooking}
              maxLength={2000}
              value={note}
              onChange={setNote}
              error={problem?.fields.note}
            />
            <Flex>
              <Button type="submit" variant={acting === 'cancelled' ? 'danger-light' : 'default'} loading={sending}>
                {acting === 'completed' ? t('complete.submit') : t('cancel.submit')}
              </Button>
            </Flex>
          </Flex>
        </form>
      )}
      {otherError && <ProblemText message={otherError} />}
    </Flex>
  );
}
