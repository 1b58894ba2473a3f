/**
 * The names of what the plugin's parts read of other parts of Qabilet, declared once: the tables
 * of the CRM and the assessment plugin, the content types of the booking plugin, the CRM and the
 * CMS, and the admin users. Each part reads them only in its own `sources.ts` (and the people
 * part's `events.ts`, which follows their changes; the card's `history.ts`, which names them).
 */

// Tables, read by SQL.
export const REQUESTS = 'crm_requests';
export const ATTEMPTS = 'assessment_attempts';
export const VERSIONS = 'assessment_versions';
export const STATEMENTS = 'assessment_statements';
export const NOTES = 'assessment_notes';
export const BOOKING_SPECIALISTS = 'booking_specialists';

// Content types, read through the query engine.
export const USER = 'plugin::users-permissions.user';
export const CHILD = 'api::child.child';
export const CONSENT = 'api::consent.consent';
export const REQUEST = 'plugin::crm.request';
export const BOOKING = 'plugin::booking.booking';
export const WAITLIST = 'plugin::booking.waitlist-entry';
export const SPECIALIST = 'plugin::booking.specialist';
export const AUDIT = 'api::audit-event.audit-event';
export const ADMIN = 'admin::user';

/** The xAPI extension of a statement that holds its scales, mapped to Qabilet's (0–100). */
export const SCALES_EXTENSION = 'https://qabilet.kz/xapi/extensions/scales';
