/**
 * The plugin's admin actions: `read` opens the dashboard and shows the home page's widget (the
 * panels follow the staff member's role and scope, which the server works out); `export` downloads
 * a panel's table.
 */
export const PERMISSIONS = {
  open: [{ action: 'plugin::stats.read', subject: null }],
  export: [{ action: 'plugin::stats.export', subject: null }],
};
