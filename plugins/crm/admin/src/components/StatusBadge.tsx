/** A request's status as a badge, in the kit's tones. */
import { StatusBadge as ToneBadge, type Tone } from '@qabilet/plugin-kit/admin';
import type { RequestStatus } from '../api';
import { useT } from '../utils/translations';

const TONE: Record<RequestStatus, Tone> = {
  open: 'waiting',
  booked: 'booked',
  confirmed: 'confirmed',
  completed: 'done',
  cancelled: 'closed',
  no_show: 'missed',
  no_answer: 'closed',
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return <ToneBadge tone={TONE[status]}>{t(`status.${status}`)}</ToneBadge>;
}
