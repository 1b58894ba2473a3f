/**
 * The demo partners of `npm start` (SEED_DEMO): an LTI 1.3 tool built with ltijs and a partner
 * with the signed redirect and callback, both run locally by scripts/demo-partners.mjs, so that a
 * clean clone can take a partner's test from the cabinet and see its score come back. Their client
 * ids are well known; the callback partner's secret is the `DEMO_PARTNER_SECRET` of cms/.env.
 */
import type { Core } from '@strapi/strapi';

export const DEMO_LTI_CLIENT_ID = 'de000000-0000-4000-8000-000000000001';
export const DEMO_PARTNER_CLIENT_ID = 'de000000-0000-4000-8000-000000000002';

type Partners = { create(input: unknown, fixed?: { clientId?: string; secret?: string }): Promise<unknown> };

const names = {
  lti: { kk: 'Командалық жұмыс (LTI демо)', ru: 'Командная работа (демо LTI)', en: 'Teamwork (LTI demo)' },
  callback: { kk: 'Командада жұмыс және сөйлесу (демо)', ru: 'Работа в команде и общение (демо)', en: 'Teamwork and talking (demo)' },
};

/** Adds what is missing; returns false when the demo partners cannot be made (no addresses or secret). */
export async function seedDemoPartners(strapi: Core.Strapi): Promise<boolean> {
  const { DEMO_LTI_URL: lti, DEMO_PARTNER_URL: callback, DEMO_PARTNER_SECRET: secret } = process.env;
  if (!lti || !callback || !secret) return false;
  const partners = strapi.plugin('partners').service('partners') as unknown as Partners;
  const exists = async (clientId: string) => !!(await strapi.db.connection('partners').where({ client_id: clientId }).first('id'));
  if (!(await exists(DEMO_LTI_CLIENT_ID))) {
    await partners.create(
      {
        kind: 'lti',
        name: 'Qabilet demo LTI tool (ltijs)',
        config: { loginUrl: `${lti}/login`, launchUrl: `${lti}/launch`, jwksUrl: `${lti}/keys`, deploymentId: 'demo' },
        tests: [{ key: 'teamwork-lti', name: names.lti, scales: [{ from: 'score', to: 'collaboration' }] }],
      },
      { clientId: DEMO_LTI_CLIENT_ID },
    );
  }
  if (!(await exists(DEMO_PARTNER_CLIENT_ID))) {
    await partners.create(
      {
        kind: 'callback',
        name: 'Qabilet demo partner (signed callback)',
        config: {},
        tests: [
          {
            key: 'teamwork',
            name: names.callback,
            url: `${callback}/start`,
            scales: [
              { from: 'teamwork', to: 'collaboration', min: 0, max: 10 },
              { from: 'talk', to: 'communication', min: 0, max: 10 },
            ],
          },
        ],
      },
      { clientId: DEMO_PARTNER_CLIENT_ID, secret },
    );
  }
  return true;
}
