/** The plugin's admin actions: `read` opens the page, `manage` acts on bookings and edits schedules. */
export const PERMISSIONS = {
  read: [{ action: 'plugin::booking.read', subject: null }],
  manage: [{ action: 'plugin::booking.manage', subject: null }],
};
