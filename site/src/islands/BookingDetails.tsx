import type { ReactNode } from 'react';
import { format, type Messages } from './Form';
import type { Booking } from './booking-api';
import { longDate } from './booking-dates';

/** A booking (or one about to be made) as a list of what, when, where and with whom. */
export default function BookingDetails({ rows }: { rows: Array<[string, ReactNode] | null> }) {
  return (
    <dl className="details-list booking-details">
      {rows
        .filter((row): row is [string, ReactNode] => row !== null)
        .map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The rows of a booking the server holds; `titled` leaves out what the booking's heading already says. */
export function bookingRows(booking: Booking, t: Messages, titled = false): Array<[string, ReactNode] | null> {
  const online = booking.format === 'online';
  return [
    [t['booking.summary.status'], <strong>{t[`booking.status.${booking.status}`]}</strong>],
    titled ? null : [t['booking.summary.service'], t[`booking.service.${booking.service}`]],
    titled ? null : [t['booking.summary.date'], longDate(t, booking.date)],
    [t['booking.summary.time'], format(t['booking.summary.timeValue'], { time: booking.time })],
    [t['booking.summary.format'], t[`booking.format.${booking.format}`]],
    [t['booking.summary.centre'], booking.centre.name],
    online
      ? [
          t['booking.summary.video'],
          booking.videoLink ? (
            <a href={booking.videoLink} rel="noopener">
              {t['booking.video.join']}
            </a>
          ) : (
            t['booking.video.later']
          ),
        ]
      : [t['booking.summary.address'], booking.centre.address],
    [t['booking.summary.specialist'], booking.specialist.name],
    [t['booking.summary.person'], booking.child ? booking.child.firstName : t['booking.person.self']],
  ];
}
