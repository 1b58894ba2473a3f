/**
 * What staff can do with a booking in its current status. The server holds the same rules (and the
 * time checks this page cannot know); its refusal is shown as it words it.
 */
import { useState, type KeyboardEvent } from 'react';
import { Button, Flex, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { canMove, type BookingStatus } from '@qabilet/domain';
import { problemOf, type Problem } from '@qabilet/plugin-kit/admin';
import { personName, useBookingApi, type StaffAction, type StaffBooking } from '../api';
import { useT, type MessageKey } from '../utils/translations';

/** The status each action leads to (as the server's staff moves). */
const MOVES: Record<StaffAction, BookingStatus> = { confirm: 'confirmed', complete: 'completed', 'no-show': 'no_show', cancel: 'cancelled' };
/** Whether it took place can only be said once it has begun. */
const AFTER_START: StaffAction[] = ['complete', 'no-show'];

const actionsFor = (booking: StaffBooking, now: Date) =>
  (Object.keys(MOVES) as StaffAction[]).filter(
    (action) => canMove(booking.status, MOVES[action]) && (!AFTER_START.includes(action) || new Date(booking.start) <= now),
  );

const LOOK: Record<StaffAction, { label: MessageKey; done: MessageKey; variant: 'default' | 'secondary' | 'tertiary' | 'danger-light' }> = {
  confirm: { label: 'action.confirm', done: 'action.done.confirm', variant: 'default' },
  complete: { label: 'action.complete', done: 'action.done.complete', variant: 'secondary' },
  'no-show': { label: 'action.noShow', done: 'action.done.noShow', variant: 'tertiary' },
  cancel: { label: 'action.cancel', done: 'action.done.cancel', variant: 'danger-light' },
};

/** Runs a staff action on a booking and says how it went; a refusal comes back for the caller to show. */
export function useStaffAction(onChanged: () => void) {
  const t = useT();
  const api = useBookingApi();
  const { toggleNotification } = useNotification();
  return async (booking: StaffBooking, action: StaffAction, reason?: string): Promise<Problem | undefined> => {
    try {
      await api.act(booking.id, action, reason);
      toggleNotification({ type: 'success', message: t(LOOK[action].done, { person: personName(booking), time: booking.time }) });
      onChanged();
      return undefined;
    } catch (error) {
      return problemOf(error, t('error.generic'));
    }
  };
}

type Props = { booking: StaffBooking; canManage: boolean; onChanged: () => void; onCancel: (booking: StaffBooking) => void };

/**
 * Enter and Space must reach the buttons: the Design System's table cell cancels every key pressed
 * in a cell holding several buttons (it only moves between them with the arrows), so they stop here.
 */
const keepActivationKeys = (event: KeyboardEvent) => {
  if (event.key === 'Enter' || event.key === ' ') event.stopPropagation();
};

/**
 * The buttons of one row. Cancelling only asks for it: the dialog lives outside the table, whose
 * keyboard navigation would otherwise take the dialog's keys (Escape, Tab) through React's portal.
 */
export function BookingActions({ booking, canManage, onChanged, onCancel }: Props) {
  const t = useT();
  const { toggleNotification } = useNotification();
  const act = useStaffAction(onChanged);
  const [busy, setBusy] = useState<StaffAction | null>(null);
  const actions = canManage ? actionsFor(booking, new Date()) : [];
  if (actions.length === 0) return <Typography textColor="neutral500">—</Typography>;

  async function run(action: StaffAction) {
    setBusy(action);
    const problem = await act(booking, action);
    setBusy(null);
    if (problem) toggleNotification({ type: 'danger', message: problem.message });
  }

  return (
    <Flex gap={2} wrap="wrap" onKeyDown={keepActivationKeys}>
      {actions.map((action) => (
        <Button
          key={action}
          size="S"
          variant={LOOK[action].variant}
          loading={busy === action}
          disabled={busy !== null}
          aria-label={t('action.on', { action: t(LOOK[action].label), person: personName(booking), time: booking.time })}
          onClick={() => (action === 'cancel' ? onCancel(booking) : void run(action))}
        >
          {t(LOOK[action].label)}
        </Button>
      ))}
    </Flex>
  );
}
