/**
 * The plugin's admin actions (README "Admin API"): `read` opens the registry, `intake` enters and
 * books requests for callers, `manage` assigns and closes in bulk, `complete` closes one's own,
 * `export` downloads the list. The page asks the server (GET /crm/me) what this person may do.
 */
export const PERMISSIONS = {
  read: [{ action: 'plugin::crm.read', subject: null }],
};
