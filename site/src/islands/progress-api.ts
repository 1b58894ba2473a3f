/** The stats plugin's content API for the person's own progress (GET /api/stats/mine), typed by the domain's contract. */
import type { ProgressView } from '@qabilet/domain';
import { authed } from './api';

export type { ProgressView } from '@qabilet/domain';

/** The progress of the user, or of their child (`child`: the child's documentId, as the card passes it). */
export const getMyProgress = (locale: string, child: string | null) =>
  authed<{ data: ProgressView }>(`/api/stats/mine${child ? `?${new URLSearchParams({ child })}` : ''}`, locale).then((r) => r.data);
