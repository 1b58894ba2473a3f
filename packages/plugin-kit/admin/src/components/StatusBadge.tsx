/**
 * A status as a badge, in one of a few tones that the plugins' statuses map onto. The colours are
 * chosen here rather than by the Badge's `variant`, whose warning and danger pairs (700 on 200)
 * fall short of the 4.5:1 contrast WCAG 1.4.3 asks of small text.
 */
import type { ReactNode } from 'react';
import { Badge } from '@strapi/design-system';

const TONES = {
  waiting: { backgroundColor: 'warning200', textColor: 'neutral800' },
  booked: { backgroundColor: 'secondary200', textColor: 'secondary700' },
  confirmed: { backgroundColor: 'primary200', textColor: 'primary700' },
  done: { backgroundColor: 'success200', textColor: 'success700' },
  closed: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  missed: { backgroundColor: 'danger200', textColor: 'neutral800' },
} as const;

export type Tone = keyof typeof TONES;

export function StatusBadge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <Badge {...TONES[tone]}>{children}</Badge>;
}
