/**
 * What the booking plugin's admin API sends to the "Bookings" page, as its server builds it (types
 * only); the user's own view of a booking is `BookingView` (booking-view.ts).
 */
import type { BookingView } from './booking-view.ts';
import type { BookingStatus, Service, WorkingHours } from './slots.ts';
import type { Format, Timings } from './schedule.ts';

/** A specialist in the staff member's scope, with the centre's name in their language. */
export type StaffSpecialist = { id: number; name: string; centre: string; centreName: string };
/** `GET /booking/me`. */
export type BookingStaffMe = { scope: 'own' | 'region' | 'all'; specialist: StaffSpecialist | null; specialists: StaffSpecialist[] };

export type BookingHistoryEntry = {
  at: string;
  by: 'user' | 'staff' | 'system';
  actor?: number;
  action: string;
  status: BookingStatus;
  reason?: string;
  from?: string;
};

/**
 * A booking in a staff list: the user's view plus who it is for, their phone and the history. A
 * lead booked for by the call centre has only a first name; a field of a person or specialist no
 * longer there is left out.
 */
export type StaffBookingView = Omit<BookingView, 'specialist'> & {
  specialist: { id?: number; name?: string };
  person: { surname?: string; firstName?: string; phone?: string | null };
  /** The child's full name, when the booking is for a child. */
  childName: string | null;
  history: BookingHistoryEntry[];
};

/** A day closed or opened apart from the weekly hours: `from`/`to` for a closed span, `date`/`opens`/`closes` for an extra day. */
export type ScheduleExceptionView = {
  id: number;
  kind: 'closed' | 'extra';
  from: string | null;
  to: string | null;
  date: string | null;
  opens: string | null;
  closes: string | null;
  note: string | null;
};

/** A specialist's schedule, as every schedule call answers it. */
export type SpecialistScheduleView = {
  id: number;
  name: string;
  centre: string;
  hours: WorkingHours[];
  timings: Timings;
  services: Service[];
  formats: Format[];
  exceptions: ScheduleExceptionView[];
};
