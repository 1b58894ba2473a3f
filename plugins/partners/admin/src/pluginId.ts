export const PLUGIN_ID = 'partners';
/** The Imports page's address in the admin (relative to its root, as menu links are). */
export const IMPORTS_PATH = `plugins/${PLUGIN_ID}-imports`;
