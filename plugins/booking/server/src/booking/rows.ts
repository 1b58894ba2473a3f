/**
 * A booking as the plugin reads it: the row with its history, and the one way it is loaded. Every
 * step of a booking's life (create.ts, lifecycle.ts, staff.ts, the waitlist) reads and writes this.
 */
import type { Core } from '@strapi/strapi';
import { LIVE_STATUSES, type BookingStatus, type Format, type Service } from '@qabilet/domain';
import { BOOKING, type Specialist } from '../schedule';

/** The statuses that hold the specialist's time (a query's `$in` wants its own array). */
export const LIVE: BookingStatus[] = [...LIVE_STATUSES];

export type Actor = { by: 'user' | 'staff' | 'system'; id?: number };
export type HistoryEntry = { at: string; by: Actor['by']; actor?: number; action: string; status: BookingStatus; reason?: string; from?: string };

/** What every view of a booking carries (the row, and the change other plugins hear of in events.ts). */
export type BookingCore = { id: number; documentId: string; centre: string; service: Service; format: Format; status: BookingStatus };

export type Row = BookingCore & {
  start: string;
  end: string;
  videoLink: string | null;
  history: HistoryEntry[];
  createdAt: string;
  /** A caller without an account, booked for by the call centre (no user then). */
  lead?: { name: string; phone: string; language: string } | null;
  /** Staff lists also read the person's name and phone. */
  user?: { id: number; surname?: string; firstName?: string; phone?: string | null } | null;
  child?: { id: number; documentId: string; firstName: string; surname?: string } | null;
  specialist?: Specialist | null;
};

export const populate = { specialist: true, child: { select: ['id', 'documentId', 'firstName', 'surname'] }, user: { select: ['id'] } } as const;

export async function loadBooking(strapi: Core.Strapi, where: Record<string, unknown>): Promise<Row | null> {
  return strapi.db.query(BOOKING).findOne({ where, populate });
}

/** One line of a booking's history. */
export const entry = (now: Date, actor: Actor, action: string, status: BookingStatus, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  at: now.toISOString(),
  by: actor.by,
  ...(actor.id !== undefined ? { actor: actor.id } : {}),
  action,
  status,
  ...extra,
});

export const isDocumentId = (id: unknown): id is string => typeof id === 'string' && /^[a-z0-9]{10,40}$/.test(id);
