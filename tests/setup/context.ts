import type { Browser } from 'playwright-core';
import type { ParsedMail } from 'mailparser';

/** What the global setup started, shared by every test file of the run. */
export const ctx = {
  strapi: undefined as any,
  cmsUrl: '',
  distDir: '',
  siteUrl: '',
  siteDir: '',
  /** The site server; `rebuilder` rebuilds the site when the CMS calls /__rebuild with `rebuildToken`. */
  siteServer: undefined as undefined | { rebuilder?: { idle(): Promise<void>; builds: number } },
  rebuildToken: '',
  browser: undefined as Browser | undefined,
  admin: { email: '', password: '' },
  /** The signing secret of the call-centre webhook's test integration `telephony`. */
  callCentreSecret: '',
  /** Every mail the CMS sent during the run, as the in-process SMTP server received it. */
  mails: [] as ParsedMail[],
  /** Every SMS the CMS sent, as the local Twilio Messages API received it. */
  sms: [] as Array<{ to: string; body: string }>,
  /** Stops and restarts the local SMS peer (same port): an SMS provider's outage. */
  smsPeer: { stop: async () => {}, start: async () => {} },
};

/** Waits for the next mail to `to` that arrives after `since` (an index into ctx.mails). */
export async function mailTo(to: string, since = 0, timeoutMs = 5000): Promise<ParsedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = ctx.mails.slice(since).find((m) => m.to && !Array.isArray(m.to) && m.to.value.some((a) => a.address === to.toLowerCase()));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Waits for the next SMS to `to` sent after `since` (an index into ctx.sms). */
export async function smsTo(to: string, since: number, timeoutMs = 5000): Promise<{ to: string; body: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const sms = ctx.sms.slice(since).find((m) => m.to === to);
    if (sms) return sms;
    if (Date.now() > deadline) throw new Error(`no SMS to ${to}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
