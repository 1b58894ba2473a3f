/**
 * A request's status as a badge. Colours are chosen here rather than by the Badge's `variant`, whose
 * warning and danger pairs (700 on 200) fall short of the 4.5:1 contrast WCAG asks of small text.
 */
import { Badge } from '@strapi/design-system';
import type { RequestStatus } from '../api';
import { useT } from '../utils/translations';

type Colours = { backgroundColor: 'warning200' | 'secondary200' | 'primary200' | 'success200' | 'neutral150' | 'danger200'; textColor: 'neutral800' | 'secondary700' | 'primary700' | 'success700' | 'neutral700' };

const COLOURS: Record<RequestStatus, Colours> = {
  open: { backgroundColor: 'warning200', textColor: 'neutral800' },
  booked: { backgroundColor: 'secondary200', textColor: 'secondary700' },
  confirmed: { backgroundColor: 'primary200', textColor: 'primary700' },
  completed: { backgroundColor: 'success200', textColor: 'success700' },
  cancelled: { backgroundColor: 'neutral150', textColor: 'neutral700' },
  no_show: { backgroundColor: 'danger200', textColor: 'neutral800' },
  no_answer: { backgroundColor: 'neutral150', textColor: 'neutral700' },
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  const t = useT();
  return <Badge {...COLOURS[status]}>{t(`status.${status}`)}</Badge>;
}
