// The demo partners of `npm start`: a real LTI 1.3 tool built with ltijs and a partner speaking the
// signed redirect and results callback, both on this machine, registered with the CMS by its demo
// seed (cms/src/seed/demo-partners.ts). A person starts their tests from the cabinet's Tests page;
// the scores come back to the results. Run by scripts/start.mjs; it needs the dev dependencies.
import { startLtiTool } from './partners/lti-tool.ts';
import { startCallbackPartner } from './partners/callback-partner.ts';

const DEMO_LTI_CLIENT_ID = 'de000000-0000-4000-8000-000000000001';
const DEMO_PARTNER_CLIENT_ID = 'de000000-0000-4000-8000-000000000002';
const cmsUrl = process.env.CMS_URL ?? 'http://127.0.0.1:1337';
const issuer = (process.env.PUBLIC_URL ?? 'http://localhost:1337').replace(/\/$/, '');
const ltiPort = Number(process.env.DEMO_LTI_PORT ?? 1090);
const partnerPort = Number(process.env.DEMO_PARTNER_PORT ?? 1091);

// The tool sits on the same host name as the CMS, so that its state cookie (SameSite=Lax) comes
// back with the CMS's form post: the two are one site.
const tool = await startLtiTool({ port: ltiPort, host: 'localhost' });
await tool.register({
  issuer,
  clientId: DEMO_LTI_CLIENT_ID,
  authUrl: `${issuer}/api/partners/lti/auth`,
  tokenUrl: `${issuer}/api/partners/lti/token`,
  jwksUrl: `${issuer}/api/partners/jwks`,
});
await startCallbackPartner({ cmsUrl, issuer, clientId: DEMO_PARTNER_CLIENT_ID, secret: process.env.DEMO_PARTNER_SECRET ?? '', port: partnerPort });
console.log(`Demo partners: an LTI tool on ${tool.url}, a signed-callback partner on http://127.0.0.1:${partnerPort}`);
