// Secrets and settings for a local install, kept in cms/.env (ignored by git). Created once with
// random values so that no two installs share keys and none runs on a published default.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const cmsDir = path.join(root, 'cms');
export const siteDir = path.join(root, 'site');
/**
 * V8's settings of the CMS process (npm start, cms/Dockerfile, the benches): a young generation of
 * 64 MB semi-spaces, so that what one request or one read of the rollups allocates dies young
 * instead of being promoted and collected by a full collection that stops every request (a profile
 * of bench/stats.mjs showed 100–150 ms of them at the start of each dashboards' load without it).
 * About 130 MB more memory at most per process.
 */
export const CMS_NODE_FLAGS = ['--max-semi-space-size=64'];

const secret = () => crypto.randomBytes(16).toString('base64');
/** The demo telephony integration's signing secret (scripts/call-event.mjs signs with it). */
const callCentreLine = () => `CALL_CENTRE_SECRETS=telephony:${crypto.randomBytes(24).toString('base64url')}`;
/** The demo partner's callback secret (scripts/demo-partners.mjs signs its results with it). */
const demoPartnerLine = () => `DEMO_PARTNER_SECRET=qps_${crypto.randomBytes(32).toString('base64url')}`;

export function ensureCmsEnv() {
  const file = path.join(cmsDir, '.env');
  if (fs.existsSync(file)) {
    // Installs made before the call-centre webhook existed get its demo integration's secret too.
    const text = fs.readFileSync(file, 'utf8');
    if (!/^CALL_CENTRE_SECRETS=/m.test(text)) fs.appendFileSync(file, `${callCentreLine()}\n`);
    // …and those made before partners existed, the demo partner's.
    if (!/^DEMO_PARTNER_SECRET=/m.test(text)) fs.appendFileSync(file, `${demoPartnerLine()}\n`);
    return { file, created: false };
  }
  const lines = [
    '# Created by npm start on first run. Keep it private; see README.md for every variable.',
    `APP_KEYS=${[secret(), secret(), secret(), secret()].join(',')}`,
    `API_TOKEN_SALT=${secret()}`,
    `ADMIN_JWT_SECRET=${secret()}`,
    `TRANSFER_TOKEN_SALT=${secret()}`,
    `JWT_SECRET=${secret()}`,
    `ENCRYPTION_KEY=${secret()}`,
    callCentreLine(),
    demoPartnerLine(),
    '',
  ];
  fs.writeFileSync(file, lines.join('\n'), { mode: 0o600 });
  return { file, created: true };
}

/** Settings for tests and benchmarks: fresh secrets in the process, nothing written to disk. */
export function testSecrets() {
  return {
    APP_KEYS: [secret(), secret()].join(','),
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    STRAPI_TELEMETRY_DISABLED: 'true',
    ASTRO_TELEMETRY_DISABLED: '1',
  };
}

export function checkNode() {
  const [major, minor] = process.versions.node.split('.').map(Number);
  if (major < 22 || (major === 22 && minor < 12)) {
    console.error(`Qabilet needs Node.js 22.12 or newer (24 LTS recommended); this is ${process.version}. Install it with: npm install -g node@24`);
    process.exit(1);
  }
}
