import { format, type Messages } from '../Form';
import type { Account } from '../booking-api';

/** Whom a booking or a waiting-list place is for: the user first, then each of their children. */
export default function PersonOptions({ t, list }: { t: Messages; list: Account['children'] }) {
  return (
    <>
      <option value="">{t['booking.person.self']}</option>
      {list.map((c) => (
        <option key={c.documentId} value={c.documentId}>
          {format(t['booking.person.child'], { firstName: c.firstName, surname: c.surname })}
        </option>
      ))}
    </>
  );
}
