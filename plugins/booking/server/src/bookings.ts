/**
 * Bookings: made, cancelled and rescheduled by users; confirmed, completed, marked no-show or
 * cancelled by staff. One step per file under booking/ (each header says what it holds); the
 * plugin imports them there. This file stays only for the API tests, which load the reminder
 * from the compiled dist/server/bookings.js.
 */
export { remind } from './booking/news';
