/** Bookings staff make for someone else: now in booking/staff.ts (index.ts registers them from here). */
export { createStaffBooking, type StaffBookingInput } from './booking/staff';
