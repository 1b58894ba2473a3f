import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { chromium } from 'playwright-core';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createOutbox, type Outbox } from '@qabilet/sms';
import { ensureAdminBuild } from '../../scripts/lib/admin-build.mjs';
import { siteDir, testSecrets } from '../../scripts/lib/env.mjs';
import { bootStrapi } from '../../scripts/lib/strapi.mjs';
import { createSiteServer } from '../../site/server.mjs';
import { ctx, CHROMIUM_ARGS } from './context.ts';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-test-'));
let siteServer: Server | undefined;
let smtp: SMTPServer | undefined;
let outbox: Outbox | undefined;
const TWILIO_SID = `AC${crypto.randomBytes(16).toString('hex')}`;
const TWILIO_TOKEN = crypto.randomBytes(16).toString('hex');

/** A local HTTP server speaking Twilio's Messages API; the real Twilio client sends to it. */
async function startSmsOutbox(): Promise<string> {
  outbox = createOutbox(TWILIO_SID, TWILIO_TOKEN);
  ctx.sms = outbox.messages;
  await new Promise<void>((resolve) => outbox!.server.listen(0, '127.0.0.1', resolve));
  const port = (outbox.server.address() as { port: number }).port;
  // The booking tests take the SMS peer down for a while and bring it back on the same port.
  ctx.smsPeer = {
    stop: () =>
      new Promise<void>((resolve) => {
        outbox!.server.closeAllConnections();
        outbox!.server.close(() => resolve());
      }),
    start: () => new Promise<void>((resolve) => outbox!.server.listen(port, '127.0.0.1', resolve)),
  };
  return outbox.url();
}

/** A real SMTP server in this process: the CMS's mails land in ctx.mails. */
async function startSmtp(): Promise<number> {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        ctx.mails.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp!.listen(0, '127.0.0.1', resolve));
  return (smtp.server.address() as { port: number }).port;
}

function buildSite(cmsUrl: string, outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['astro', 'build'], {
      cwd: siteDir,
      env: { ...process.env, CMS_URL: cmsUrl, SITE_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed:\n${output}`))));
  });
}

export async function mochaGlobalSetup(): Promise<void> {
  ctx.callCentreSecret = crypto.randomBytes(24).toString('base64url');
  ctx.admin = { email: 'superadmin@qabilet.example', password: `Qb1-${crypto.randomBytes(9).toString('base64url')}` };
  Object.assign(process.env, testSecrets(), {
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    ADMIN_EMAIL: ctx.admin.email,
    ADMIN_PASSWORD: ctx.admin.password,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(await startSmtp()),
    MAIL_FROM: 'Qabilet <no-reply@qabilet.example>',
    SITE_URL: 'http://localhost:4321',
    // The suite registers and logs in far more people from 127.0.0.1 than anyone could;
    // tests/api/rate-limit.test.ts sets the real limits back for its own checks.
    RATE_LIMIT_SCALE: '100',
    TWILIO_ACCOUNT_SID: TWILIO_SID,
    TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
    TWILIO_FROM: '+77000000001',
    TWILIO_API_BASE: await startSmsOutbox(),
    // The booking outbox is polled often and retried soon, so that the tests see deliveries quickly.
    BOOKING_OUTBOX_INTERVAL_MS: '100',
    BOOKING_RETRY_MS: '200',
    // The waitlist's periodic sweep runs every second (30 s in production), racing the event-driven ones.
    BOOKING_WAITLIST_INTERVAL_MS: '1000',
    // The call-centre webhook's test integration (tests/api/crm-helpers.ts signs with it).
    CALL_CENTRE_SECRETS: `telephony:${ctx.callCentreSecret}`,
  });
  if ((process.env.DATABASE_CLIENT ?? 'sqlite') === 'sqlite') process.env.DATABASE_FILENAME = path.join(tmp, 'test.db');

  const browser = process.env.QABILET_TEST_BROWSER !== '0';
  // QABILET_TEST_ADMIN=0: browser tests of the site only, without building or serving the admin panel.
  const adminPanel = browser && process.env.QABILET_TEST_ADMIN !== '0';
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (browser && !fs.existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: install it (apt-get install chromium) or set CHROMIUM_PATH. QABILET_TEST_BROWSER=0 skips the browser tests.`,
    );
  }
  // The browser tests of the admin need its bundle, which the CMS looks for once as it boots; it is
  // built only when its sources changed (once on a clean clone), never for API-only runs. Building it
  // beside the site's build would save that minute once, at the price of rewriting cms/dist (the
  // build compiles the CMS first) under a running CMS: not worth it.
  if (adminPanel) {
    const t = Date.now();
    if (await ensureAdminBuild({ quiet: true })) console.log(`  admin panel built in ${Date.now() - t} ms`);
  }

  const booting = Date.now();
  const booted = await bootStrapi({ serveAdminPanel: adminPanel });
  Object.assign(ctx, { strapi: booted.strapi, cmsUrl: booted.url, distDir: booted.distDir });
  // Links in mails point at this CMS (read when each mail is written).
  process.env.PUBLIC_URL = booted.url;
  console.log(`  Strapi up on ${process.env.DATABASE_CLIENT ?? 'sqlite'} in ${Date.now() - booting} ms`);

  if (browser) {
    const t = Date.now();
    ctx.siteDir = path.join(tmp, 'site');
    await buildSite(ctx.cmsUrl, ctx.siteDir);
    // Rebuilding on publish is switched on by the test of publishing only (it sets the CMS's URL).
    ctx.rebuildToken = crypto.randomBytes(18).toString('base64url');
    siteServer = createSiteServer(ctx.siteDir, { api: ctx.cmsUrl, rebuild: { token: ctx.rebuildToken, delayMs: 300 } });
    ctx.siteServer = siteServer as never;
    await new Promise<void>((resolve) => siteServer!.listen(0, '127.0.0.1', resolve));
    const address = siteServer.address() as { port: number };
    ctx.siteUrl = `http://127.0.0.1:${address.port}`;
    // Links in mails and the CMS's redirects lead to this site from now on.
    process.env.SITE_URL = ctx.siteUrl;
    ctx.browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    console.log(`  site built and served in ${Date.now() - t} ms`);
  }
}

export async function mochaGlobalTeardown(): Promise<void> {
  await ctx.browser?.close();
  siteServer?.close();
  await ctx.strapi?.destroy();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
  await outbox?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
}
