/**
 * The plugin's admin actions: `read` opens the registry (every staff role with any right here holds it;
 * its views adapt to the rest, which the server states in GET /talent/me: card, export, journal, review,
 * confirm, settings, specialists).
 */
export const PERMISSIONS = {
  open: [{ action: 'plugin::talent.read', subject: null }],
};
