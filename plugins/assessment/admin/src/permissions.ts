/**
 * The plugin's admin actions (README "Admin API"): `read` opens the results of the people in the
 * staff member's scope, `recommend` adds a specialist's written recommendations to a person's card.
 * The server checks both again, and the scope, on every request.
 */
export const PERMISSIONS = {
  read: [{ action: 'plugin::assessment.read', subject: null }],
  recommend: [{ action: 'plugin::assessment.recommend', subject: null }],
};
