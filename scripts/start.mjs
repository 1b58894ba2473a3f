// `npm start`: the whole of Qabilet on the embedded defaults. Writes cms/.env on first run, builds
// the admin panel when it is missing, starts the CMS (which seeds itself), builds the site from the
// CMS's content and serves it; publishing in the admin rebuilds the site by itself. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import fs from 'node:fs';
import dotenv from 'dotenv';
import { ensureAdminBuild } from './lib/admin-build.mjs';
import { checkNode, CMS_NODE_FLAGS, ensureCmsEnv, root, siteDir } from './lib/env.mjs';

checkNode();
process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
process.env.ASTRO_TELEMETRY_DISABLED ??= '1';

const cmsPort = Number(process.env.PORT ?? 1337);
const sitePort = Number(process.env.SITE_PORT ?? 4321);
const cmsUrl = `http://127.0.0.1:${cmsPort}`;
// Without an SMTP relay of one's own, mail goes to a local maildev whose inbox is a web page.
const mailCatcher = !process.env.SMTP_HOST;
const mailWebPort = Number(process.env.MAILDEV_WEB_PORT ?? 1080);
const mailSmtpPort = Number(process.env.MAILDEV_SMTP_PORT ?? 1025);
// Without a Twilio account of one's own, SMS go to a local outbox speaking Twilio's API.
const smsOutbox = !process.env.TWILIO_ACCOUNT_SID;
const smsPort = Number(process.env.SMS_OUTBOX_PORT ?? 1081);
const outboxCredentials = { TWILIO_ACCOUNT_SID: `AC${crypto.randomBytes(16).toString('hex')}`, TWILIO_AUTH_TOKEN: crypto.randomBytes(16).toString('hex') };
// The CMS asks the site server to rebuild after each publish; this token proves it is the CMS.
const rebuildToken = process.env.SITE_REBUILD_TOKEN ?? crypto.randomBytes(24).toString('base64url');
// With the demo data, two demo partners run here too (scripts/demo-partners.mjs).
const demoPartners = (process.env.SEED_DEMO ?? 'true') === 'true';
const ltiPort = Number(process.env.DEMO_LTI_PORT ?? 1090);
const partnerPort = Number(process.env.DEMO_PARTNER_PORT ?? 1091);
const children = new Set();

function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: 'inherit', ...options });
  children.add(child);
  child.on('exit', () => children.delete(child));
  return child;
}

function finished(child, what) {
  return new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code})`)))));
}

function stopAll(code = 0) {
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

async function waitForHealth(child) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the CMS stopped');
    try {
      const response = await fetch(`${cmsUrl}/_health`);
      if (response.status === 204) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the CMS did not answer on ${cmsUrl} within 3 minutes`);
}

try {
  const env = ensureCmsEnv();
  if (env.created) console.log(`Created ${path.relative(root, env.file)} with new random secrets.`);

  // The admin panel is built on the first run, and again whenever its sources (ours and the
  // plugins') or the installed packages changed since the last build.
  await ensureAdminBuild({
    onBuild: () => console.log('Building the admin panel (about a minute)…'),
    onChild: (child) => {
      children.add(child);
      child.on('exit', () => children.delete(child));
    },
  });

  if (mailCatcher) {
    run(
      path.join(root, 'node_modules', '.bin', 'maildev'),
      ['--ip', '127.0.0.1', '--web-ip', '127.0.0.1', '-s', String(mailSmtpPort), '-w', String(mailWebPort)],
      {
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  if (smsOutbox) {
    run(process.execPath, [path.join(root, 'scripts', 'sms-outbox.mjs')], { env: { ...process.env, ...outboxCredentials, SMS_OUTBOX_PORT: String(smsPort) } });
  }
  const cmsEnv = {
    ...process.env,
    SITE_URL: process.env.SITE_URL ?? `http://localhost:${sitePort}`,
    SEED_DEMO: process.env.SEED_DEMO ?? 'true',
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${cmsPort}`,
    SITE_REBUILD_URL: process.env.SITE_REBUILD_URL ?? `http://127.0.0.1:${sitePort}/__rebuild`,
    SITE_REBUILD_TOKEN: rebuildToken,
    ...(demoPartners ? { DEMO_LTI_URL: `http://localhost:${ltiPort}`, DEMO_PARTNER_URL: `http://127.0.0.1:${partnerPort}` } : {}),
    ...(mailCatcher ? { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(mailSmtpPort) } : {}),
    ...(smsOutbox ? { ...outboxCredentials, TWILIO_FROM: '+77000000000', TWILIO_API_BASE: `http://127.0.0.1:${smsPort}` } : {}),
  };

  let admin;
  let demoStaff = [];
  const cms = run(process.execPath, [...CMS_NODE_FLAGS, path.join(root, 'scripts', 'cms-server.mjs')], { stdio: ['ignore', 'pipe', 'inherit'], env: cmsEnv });
  cms.stdout.on('data', (chunk) => {
    const text = chunk.toString();
    const marker = text.match(/^QABILET_ADMIN_ONE_TIME (.*)$/m);
    if (marker) admin = JSON.parse(marker[1]);
    const staff = text.match(/^QABILET_DEMO_STAFF (.*)$/m);
    if (staff) demoStaff = JSON.parse(staff[1]);
    process.stdout.write(text.replace(/^QABILET_(ADMIN_ONE_TIME|DEMO_STAFF) .*\n/gm, ''));
  });
  cms.on('exit', (code) => {
    if (code) stopAll(code);
  });
  await waitForHealth(cms);

  console.log('Building the site from the CMS content…');
  await finished(run('npx', ['astro', 'build'], { cwd: siteDir, env: { ...process.env, CMS_URL: cmsUrl } }), 'Building the site');
  run(process.execPath, [path.join(siteDir, 'server.mjs')], {
    env: { ...process.env, SITE_PORT: String(sitePort), CMS_URL: cmsUrl, SITE_REBUILD_TOKEN: rebuildToken },
  });
  if (demoPartners) {
    const secret = dotenv.parse(fs.readFileSync(env.file)).DEMO_PARTNER_SECRET;
    const partners = run(process.execPath, [path.join(root, 'scripts', 'demo-partners.mjs')], {
      env: {
        ...process.env,
        CMS_URL: cmsUrl,
        PUBLIC_URL: cmsEnv.PUBLIC_URL,
        DEMO_PARTNER_SECRET: secret,
        DEMO_LTI_PORT: String(ltiPort),
        DEMO_PARTNER_PORT: String(partnerPort),
      },
    });
    // The demo partners are a convenience: Qabilet runs on without them (e.g. installed without dev dependencies).
    partners.on('exit', (code) => code && console.error('The demo partners did not start; partners’ tests in the cabinet will not open.'));
  }

  const login = admin
    ? `${admin.email} / ${admin.password}   (shown once: change it after logging in)`
    : `${process.env.ADMIN_EMAIL || 'admin@qabilet.example'} (password as set, or printed on the first start; npm run strapi -w cms -- admin:reset-user-password resets it)`;
  console.log(`
  Qabilet is running.
    Site:   http://localhost:${sitePort}/
    Admin:  http://localhost:${cmsPort}/admin
    Log-in: ${login}
    API:    http://localhost:${cmsPort}/api/centres?locale=ru
${mailCatcher ? `    Mail:   http://localhost:${mailWebPort}/   (every mail the CMS sends lands in this inbox)\n` : ''}${smsOutbox ? `    SMS:    http://localhost:${smsPort}/   (every SMS the CMS sends, through Twilio's API)\n` : ''}${demoPartners ? `    Partners: an LTI 1.3 tool (ltijs) on http://localhost:${ltiPort}/ and a signed-callback partner on http://127.0.0.1:${partnerPort}/,\n              their tests in the cabinet: http://localhost:${sitePort}/kk/account/tests/\n` : ''}${demoStaff.length ? `    Demo staff (shown once):\n${demoStaff.map((d) => `      ${d.email} / ${d.password}\n`).join('')}` : ''}  Press Ctrl+C to stop.
`);
} catch (error) {
  console.error(`\nQabilet did not start: ${error.message}`);
  stopAll(1);
}
