// The cabinet's API (R-AUTH, Law 94-V). Routes without `auth: false` need a logged-in user with the
// matching permission, which the seed grants to the authenticated role; ownership is checked in
// the controllers from ctx.state.user, never from what the client sends.
const route = (method: string, path: string, handler: string, isPublic = false) => ({
  method,
  path,
  handler,
  config: isPublic ? { auth: false as const, policies: [] } : { policies: [] },
});

export default {
  routes: [
    route('GET', '/accounts/me', 'account.me'),
    route('PUT', '/accounts/me', 'account.update'),
    route('GET', '/accounts/me/export', 'account.exportData'),
    route('POST', '/accounts/me/deletion', 'account.requestDeletion'),
    route('DELETE', '/accounts/me/deletion', 'account.cancelDeletion'),
    route('POST', '/accounts/me/logout-everywhere', 'account.logoutEverywhere'),
    route('POST', '/accounts/me/phone/code', 'phone.sendCode'),
    route('POST', '/accounts/me/phone/verify', 'phone.verify'),
    route('GET', '/accounts/children', 'children.find'),
    route('POST', '/accounts/children', 'children.create'),
    route('PUT', '/accounts/children/:documentId', 'children.update'),
    route('DELETE', '/accounts/children/:documentId', 'children.delete'),
    route('POST', '/accounts/me/parental-consent', 'consent.requestParental'),
    route('POST', '/accounts/me/parental-consent/code', 'consent.confirmParentalCode'),
    route('POST', '/accounts/consents/:documentId/withdraw', 'consent.withdraw'),
    route('GET', '/accounts/consent-text', 'consent.text', true),
    route('POST', '/accounts/parental-consent/confirm', 'consent.confirmParentalLink', true),
    // Public: the token from the new address's mail is the proof, whichever browser opens the link.
    route('POST', '/accounts/me/email/confirm', 'account.confirmEmail', true),
  ],
};
