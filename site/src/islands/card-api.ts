/** The talent plugin's content API for the person's own card (GET /api/talent/cards/mine), typed by the domain's contract. */
import type { UserCardView } from '@qabilet/domain';
import { authed } from './api';

export type { UserCardView } from '@qabilet/domain';

/** The card of the user, or of their child (`child`: the child's documentId). */
export const getMyCard = (locale: string, child: string | null) =>
  authed<{ data: UserCardView }>(`/api/talent/cards/mine${child ? `?${new URLSearchParams({ child })}` : ''}`, locale).then((r) => r.data);
