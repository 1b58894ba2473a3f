/**
 * What other parts of Qabilet hear of booking changes. Two phases:
 * - `inside`: called within the transaction of the change, so that a listener's own writes (the
 *   CRM's request registry) commit or roll back with the booking. A listener that throws undoes
 *   the change.
 * - `after`: called once the change is committed (the waitlist offers freed time). Failures are
 *   logged by id and never reach the person who made the change.
 */
import type { Core } from '@strapi/strapi';
import type { BookingCore } from './booking/rows';

export type ChangeKind = 'created' | 'confirmed' | 'completed' | 'no_show' | 'cancelled' | 'rescheduled';

export type BookingChange = {
  kind: ChangeKind;
  booking: BookingCore & {
    start: string;
    end: string;
    specialistId: number | null;
    userId: number | null;
    childId: number | null;
  };
  actor: { by: 'user' | 'staff' | 'system'; id?: number };
  reason?: string;
  /** The registry request a staff member booked this for (the CRM links it instead of making one). */
  requestId?: number;
  /** For a reschedule: where the booking was before (its time is free now). */
  from?: { specialistId: number | null; start: string };
};

export type Listener = (change: BookingChange, strapi: Core.Strapi) => Promise<void> | void;

const listeners: Record<'inside' | 'after', Listener[]> = { inside: [], after: [] };

export function onBookingChange(phase: 'inside' | 'after', listener: Listener): () => void {
  listeners[phase].push(listener);
  return () => {
    listeners[phase] = listeners[phase].filter((l) => l !== listener);
  };
}

/** Runs the `inside` listeners; call it from within the change's transaction. */
export async function changedInside(strapi: Core.Strapi, change: BookingChange): Promise<void> {
  for (const listener of listeners.inside) await listener(change, strapi);
}

/**
 * Runs the `after` listeners without making the caller wait for them or fail with them. Called
 * within an outer transaction (an account's anonymisation cancels its bookings in one), they wait
 * for its commit: run at once, they would share its connection and see what may yet roll back.
 */
export function changedAfter(strapi: Core.Strapi, change: BookingChange): void {
  const run = () => {
    for (const listener of listeners.after) {
      Promise.resolve()
        .then(() => listener(change, strapi))
        .catch((error: Error & { code?: string }) =>
          strapi.log.warn(`booking ${change.booking.id} ${change.kind}: listener failed: ${error.code ?? error.name}`),
        );
    }
  };
  if (!strapi.db.inTransaction()) return run();
  void strapi.db.transaction(({ onCommit }: { onCommit: (cb: () => void) => void }) => onCommit(run));
}

type RowLike = BookingCore & {
  start: string | Date;
  end: string | Date;
  specialist?: { id: number } | number | null;
  user?: { id: number } | number | null;
  child?: { id: number } | number | null;
};

const idOf = (v: { id: number } | number | null | undefined) => (v === null || v === undefined ? null : typeof v === 'number' ? v : v.id);

/** The change's view of a booking row (relations given as rows or ids). */
export function changeOf(
  row: RowLike,
  kind: ChangeKind,
  actor: BookingChange['actor'],
  extra: Partial<Pick<BookingChange, 'reason' | 'from' | 'requestId'>> = {},
): BookingChange {
  const { id, documentId, centre, service, format, status } = row;
  return {
    kind,
    booking: {
      id,
      documentId,
      centre,
      service,
      format,
      status,
      start: new Date(row.start).toISOString(),
      end: new Date(row.end).toISOString(),
      specialistId: idOf(row.specialist),
      userId: idOf(row.user),
      childId: idOf(row.child),
    },
    actor,
    ...extra,
  };
}
