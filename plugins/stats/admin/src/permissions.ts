/** The plugin's admin actions: `read` opens the dashboard (its panels follow the staff member's scope, which the server works out). */
export const PERMISSIONS = {
  open: [{ action: 'plugin::stats.read', subject: null }],
};
