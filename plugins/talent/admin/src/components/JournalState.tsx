/** An entry's state in words (never in colour alone): no entry yet, a draft, signed. */
import { StatusBadge, type Tone } from '@qabilet/plugin-kit/admin';
import type { JournalState } from '../api-journal';
import { useT } from '../utils/translations';

const TONE: Record<JournalState, Tone> = { missing: 'waiting', draft: 'booked', signed: 'done' };

export function JournalStateBadge({ state }: { state: JournalState }) {
  const t = useT();
  return <StatusBadge tone={TONE[state]}>{t(`journal.state.${state}`)}</StatusBadge>;
}
