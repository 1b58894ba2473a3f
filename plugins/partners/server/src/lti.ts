/**
 * Qabilet as an LTI 1.3 platform (1EdTech Core and Assignment and Grade Services 2.0), with `jose`:
 * - the OIDC authorisation that answers a tool's login with a signed `id_token` (form_post) for a
 *   launch made in the cabinet (launches.ts), single use, in the browser that made it (launch-binding.ts);
 * - the token endpoint: the client-credentials grant with the tool's signed JWT assertion, checked
 *   against the tool's JWKS, each assertion once;
 * - line items (one per test) and scores, which become statements in the common result model.
 */
export { SCOPE_LINEITEM, SCOPE_LINEITEM_READ, SCOPE_SCORE, lineItemUrl, lineItemsUrl, tokenUrl } from './lti/shared';
export { authorise } from './lti/authorise';
export { servicePartner, token } from './lti/token';
export { lineItemView, score } from './lti/scores';
