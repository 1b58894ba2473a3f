// Posts one incoming call to the call-centre webhook, signed as the telephony signs it (README,
// "Call centre"): `npm run call -- --caller "+7 701 123 45 67" --line "+7 7232 57 19 63"`.
// Options: --caller, --line (the number dialled: a centre's number routes to that centre),
// --operator (an operator's admin e-mail: their "call in progress" panel shows it), --ivr
// (consultation|testing), --id (the call id; the same id twice is one request), --url (the CMS).
// The secret is the `telephony` integration's, from CALL_CENTRE_SECRETS in the environment or cms/.env.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cmsDir } from './lib/env.mjs';

const { values } = parseArgs({
  options: {
    caller: { type: 'string', default: '+7 701 123 45 67' },
    line: { type: 'string', default: '+7 7232 57 19 63' },
    operator: { type: 'string' },
    ivr: { type: 'string' },
    id: { type: 'string', default: `demo-${crypto.randomBytes(4).toString('hex')}` },
    url: { type: 'string', default: `http://127.0.0.1:${process.env.PORT ?? 1337}` },
    integration: { type: 'string', default: 'telephony' },
  },
});

const envFile = path.join(cmsDir, '.env');
const setting =
  process.env.CALL_CENTRE_SECRETS ?? (fs.existsSync(envFile) ? fs.readFileSync(envFile, 'utf8').match(/^CALL_CENTRE_SECRETS=(.*)$/m)?.[1] : undefined);
const secret = setting
  ?.split(',')
  .map((p) => p.trim())
  .find((p) => p.startsWith(`${values.integration}:`))
  ?.slice(values.integration.length + 1);
if (!secret) {
  console.error(
    `No secret for the integration "${values.integration}": set CALL_CENTRE_SECRETS=${values.integration}:<secret> (npm start writes one into cms/.env).`,
  );
  process.exit(1);
}

const body = JSON.stringify({
  callId: values.id,
  caller: values.caller,
  line: values.line,
  at: new Date().toISOString(),
  ...(values.operator ? { operator: values.operator } : {}),
  ...(values.ivr ? { ivr: values.ivr } : {}),
});
const timestamp = String(Math.floor(Date.now() / 1000));
// The signature: HMAC-SHA256 with the secret over "<timestamp>.<the exact body bytes>", in hex.
const signature = `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
const response = await fetch(`${values.url}/api/crm/call-events`, {
  method: 'POST',
  headers: {
    'Content-Type': 'application/json',
    'X-Qabilet-Integration': values.integration,
    'X-Qabilet-Timestamp': timestamp,
    'X-Qabilet-Signature': signature,
  },
  body,
});
console.log(response.status, JSON.stringify(await response.json()));
process.exit(response.ok ? 0 : 1);
