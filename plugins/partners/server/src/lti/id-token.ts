/** The id_token of a launch (LTI 1.3 core §5.1.2): the resource link, the AGS endpoint and, only as the partner's configuration allows, personal data. */
import type { Core } from '@strapi/strapi';
import { SignJWT, type JWTPayload } from 'jose';
import { ageOn, kzDate, type Language } from '@qabilet/domain';
import { ALG, signingKey } from '../keys';
import { publicUrl, type LtiConfig, type PartnerRow, type PartnerTest } from '../store';
import { returnUrl } from '../launches';
import { CLAIM, LEARNER, SCOPE_LINEITEM_READ, SCOPE_SCORE, lineItemUrl, lineItemsUrl } from './shared';

/** The launch the token is for: who it names (`sub`) and the person (and child) who made it. */
export type LaunchRow = { sub: string; user_id: number; child_id: number | null };

/** The signed id_token for a launch of `test`, in the language it was made in, with the tool's `nonce`. */
export async function idToken(strapi: Core.Strapi, partner: PartnerRow, test: PartnerTest, row: LaunchRow, nonce: string, language: Language): Promise<string> {
  const config = partner.config as LtiConfig;
  const claims: JWTPayload & Record<string, unknown> = {
    nonce,
    azp: partner.clientId,
    [`${CLAIM}message_type`]: 'LtiResourceLinkRequest',
    [`${CLAIM}version`]: '1.3.0',
    [`${CLAIM}deployment_id`]: config.deploymentId,
    [`${CLAIM}target_link_uri`]: test.url ?? config.launchUrl,
    [`${CLAIM}resource_link`]: { id: test.key, title: test.name[language] },
    [`${CLAIM}roles`]: [LEARNER],
    [`${CLAIM}tool_platform`]: { guid: new URL(publicUrl()).host, name: 'Qabilet', product_family_code: 'qabilet' },
    [`${CLAIM}launch_presentation`]: { document_target: 'window', locale: language, return_url: returnUrl(partner, test, language) },
    'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': {
      scope: [SCOPE_LINEITEM_READ, SCOPE_SCORE],
      lineitems: lineItemsUrl(partner),
      lineitem: lineItemUrl(partner, test),
    },
  };
  // Personal data only as far as the partner's configuration allows (none by default).
  if (config.share.name || config.share.email) {
    const user = await strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: row.user_id }, select: ['firstName', 'surname', 'email', 'birthDate'] });
    const child = row.child_id ? await strapi.db.query('api::child.child').findOne({ where: { id: row.child_id }, select: ['firstName', 'surname'] }) : null;
    const who = child ?? user;
    if (config.share.name && who) Object.assign(claims, { given_name: who.firstName, family_name: who.surname, name: `${who.firstName} ${who.surname}` });
    // An e-mail address only of an adult taking the test themselves: never a minor's.
    if (config.share.email && user && !child && ageOn(String(user.birthDate).slice(0, 10), kzDate(new Date())) >= 18) claims.email = user.email;
  }
  const { kid, privateKey } = await signingKey(strapi);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
    .setIssuer(publicUrl())
    .setAudience(partner.clientId)
    .setSubject(row.sub)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(privateKey);
}
