/**
 * Bookings: made, cancelled and rescheduled by users; confirmed, completed, marked no-show or
 * cancelled by staff. One step per file under booking/ (each header says what it holds):
 *   request.ts       the body's shape           resolve-slot.ts  the slot, resolved and checked once
 *   person.ts        whom for, and consents     limit.ts         the per-person limit (its lock)
 *   take-cells.ts    the time a booking holds   insert.ts        writing a new booking
 *   idempotency.ts   Idempotency-Key replays    create.ts        POST /bookings
 *   lifecycle.ts     cancel, reschedule, moves  staff.ts         staff's actions and bookings
 *   news.ts          news and reminders         views.ts         what a person sees
 *   forget.ts        an anonymised account      rows.ts          the row and its history
 * This file only gathers them, for the controllers and for what other plugins still import here.
 */
export { LIVE, entry, loadBooking, populate, type Actor, type HistoryEntry, type Row } from './booking/rows';
export { allowOnly, objectBody } from './booking/request';
export { accounts, checkPerson, contactOf, type Contact, type OwnChild } from './booking/person';
export { upcomingLocked, upcomingOf } from './booking/limit';
export { centreNames, myBookings, viewsOf } from './booking/views';
export { remind, tell } from './booking/news';
/** The site's address (the plugin kit's; the partners plugin still imports it here). */
export { siteUrl } from '@qabilet/plugin-kit/server';
export { slotState, takenError } from './booking/resolve-slot';
export { SlotTaken, takeCells } from './booking/take-cells';
export { insertBooking, insertUserBooking, videoRoom, type NewBooking, type UserBooking } from './booking/insert';
export { createBooking } from './booking/create';
export { cancelByUser, rescheduleByUser } from './booking/lifecycle';
export { actAsStaff, isStaffAction, staffBookings, type StaffAction } from './booking/staff';
export { forgetPerson } from './booking/forget';
