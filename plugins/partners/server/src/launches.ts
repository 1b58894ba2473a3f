/**
 * Launching a partner's test from the cabinet: the person (the user or their own child, past the
 * consent gate), their pseudonymous subject at that partner, and a single-use launch that lives
 * five minutes. LTI tools get a third-party-initiated login, bound to the browser that asked for
 * it by a cookie (launch-binding.ts); other partners a signed redirect whose token carries no
 * personal data (it travels in an address).
 */
import crypto from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { SignJWT } from 'jose';
import type { Language } from '@qabilet/domain';
import { servicesOf, siteUrl } from '@qabilet/plugin-kit/server';
import type { AssessmentServices, Person } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { allowOnly, invalid, objectBody } from './errors';
import { ALG, signingKey } from './keys';
import { newBinding } from './launch-binding';
import { LAUNCHES, SUBJECTS, isUniqueViolation } from './tables';
import { logEvent, partnerByClientId, publicUrl, type LtiConfig, type PartnerRow, type PartnerTest } from './store';

export const LAUNCH_SECONDS = 300;

/** The subject a partner knows the person by: made once, kept. */
export async function subjectOf(strapi: Core.Strapi, partner: PartnerRow, person: Person): Promise<string> {
  const knex = strapi.db.connection;
  const found = await knex(SUBJECTS).where({ partner_id: partner.id, person_key: person.key }).first('sub');
  if (found) return found.sub;
  try {
    await knex(SUBJECTS).insert({
      partner_id: partner.id,
      person_key: person.key,
      user_id: person.userId,
      child_id: person.childId,
      sub: crypto.randomBytes(16).toString('hex'),
      created_at: Date.now(),
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return (await knex(SUBJECTS).where({ partner_id: partner.id, person_key: person.key }).first('sub')).sub;
}

export const returnUrl = (partner: PartnerRow, test: PartnerTest, language: Language) =>
  `${siteUrl()}/${language}/account/tests/?partner=${encodeURIComponent(partner.clientId)}&test=${encodeURIComponent(test.key)}`;

/** The address to send the browser to and, for an LTI tool, the cookie that binds the launch to it. */
export async function launch(strapi: Core.Strapi, userId: number, input: unknown, language: Language): Promise<{ url: string; setCookie?: string }> {
  const body = objectBody(input);
  const problems = allowOnly(body, ['partner', 'test', 'child']);
  if (problems.length) throw invalid(problems);
  const partner = await partnerByClientId(strapi, body.partner);
  if (!partner || !partner.active || partner.kind === 'desktop') throw invalid({ field: 'partner', code: 'partner.unknown' });
  const test = partner.tests.find((t) => t.key === body.test);
  if (!test) throw invalid({ field: 'test', code: 'test.unknown' });
  const person = await servicesOf<AssessmentServices>(strapi, 'assessment')('people').consented(userId, body.child);
  const sub = await subjectOf(strapi, partner, person);
  const id = crypto.randomBytes(24).toString('base64url');
  const now = Date.now();
  const binding = partner.kind === 'lti' ? newBinding(id, LAUNCH_SECONDS) : undefined;
  await strapi.db.connection(LAUNCHES).insert({
    id,
    partner_id: partner.id,
    test_key: test.key,
    person_key: person.key,
    user_id: person.userId,
    child_id: person.childId,
    sub,
    language,
    status: 'created',
    created_at: now,
    expires_at: now + LAUNCH_SECONDS * 1000,
    browser_hash: binding?.hash ?? null,
  });
  await logEvent(strapi, { partnerId: partner.id, kind: 'launch', outcome: 'ok', code: 'event.launch', detail: `test=${test.key}` });
  if (partner.kind === 'lti') {
    const config = partner.config as LtiConfig;
    const url = new URL(config.loginUrl);
    url.searchParams.set('iss', publicUrl());
    url.searchParams.set('login_hint', id);
    url.searchParams.set('target_link_uri', test.url ?? config.launchUrl);
    url.searchParams.set('lti_message_hint', id);
    url.searchParams.set('client_id', partner.clientId);
    url.searchParams.set('lti_deployment_id', config.deploymentId);
    return { url: url.toString(), setCookie: binding!.setCookie };
  }
  const { kid, privateKey } = await signingKey(strapi);
  const token = await new SignJWT({ test: test.key, return_url: returnUrl(partner, test, language), locale: language })
    .setProtectedHeader({ alg: ALG, kid, typ: 'JWT' })
    .setIssuer(publicUrl())
    .setAudience(partner.clientId)
    .setSubject(sub)
    .setJti(id)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + LAUNCH_SECONDS)
    .sign(privateKey);
  const url = new URL(test.url!);
  url.searchParams.set('token', token);
  return { url: url.toString() };
}

/** A launch of this test by this subject that may still bring a result (a week after it was made). */
export async function openLaunch(strapi: Core.Strapi, partner: PartnerRow, sub: string, test: string) {
  return strapi.db
    .connection(LAUNCHES)
    .where({ partner_id: partner.id, sub, test_key: test })
    .whereIn('status', ['created', 'used'])
    .where('created_at', '>', Date.now() - 7 * 24 * 3600 * 1000)
    .orderBy('created_at', 'desc')
    .first();
}
