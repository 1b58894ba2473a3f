/**
 * What the booking API sends, as the server builds it and the site and admin read it (types only).
 * `start`/`end` are instants (ISO, UTC); `date`/`time` the same start on Kazakhstan's wall clock.
 */
import type { BookingStatus, Service } from './slots.ts';
import type { Format } from './schedule.ts';

export type SlotView = { id: string; start: string; end: string; date: string; time: string; centre: string; specialist: { name: string } };

export type BookingView = {
  id: string;
  status: BookingStatus;
  service: Service;
  format: Format;
  start: string;
  end: string;
  date: string;
  time: string;
  centre: { slug: string; name: string; address: string; phone: string };
  specialist: { name: string };
  child: { id: string; firstName: string } | null;
  /** The video room of an online booking, once it is confirmed. */
  videoLink: string | null;
  /** Until when the user may cancel or move it (the centre's change notice before the start). */
  changeUntil: string;
  canChange: boolean;
};
