/**
 * The plugin's admin actions (README "HTTP"): `manage` adds and configures partners, their
 * secrets, tests and scale mapping and reads their log (the super admin); `import` brings in a centre's
 * desktop test results and reviews the rows that matched nobody (specialists, coordinators). The
 * server checks both again, and the centre's scope, on every request.
 */
export const PERMISSIONS = {
  manage: [{ action: 'plugin::partners.manage', subject: null }],
  import: [{ action: 'plugin::partners.import', subject: null }],
};
