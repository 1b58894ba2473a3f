/**
 * The plugin's admin actions: `read` opens the registry (its parts adapt to the rest, which the
 * server states in GET /talent/me: card, export, journal, review, confirm, settings, specialists).
 */
export const PERMISSIONS = {
  open: ['read', 'journal', 'settings', 'specialists'].map((a) => ({ action: `plugin::talent.${a}`, subject: null })),
};
