/**
 * The footer of a dialog that asks before something is undone or thrown away: a quiet way out that
 * closes it, and the action in the danger colour. Without `onConfirm` the action submits the form
 * the dialog holds.
 */
import { Button, Dialog } from '@strapi/design-system';

type Props = { cancel: string; confirm: string; sending?: boolean; onConfirm?: () => void };

export function DialogFooter({ cancel, confirm, sending = false, onConfirm }: Props) {
  return (
    <Dialog.Footer>
      <Dialog.Cancel>
        <Button variant="tertiary" fullWidth>
          {cancel}
        </Button>
      </Dialog.Cancel>
      <Button type={onConfirm ? 'button' : 'submit'} variant="danger-light" fullWidth loading={sending} onClick={onConfirm}>
        {confirm}
      </Button>
    </Dialog.Footer>
  );
}
