/**
 * The account mails, in the user's language: confirm the e-mail address, reset the password,
 * confirm a new address (and tell the old one). Links lead to the CMS (confirmation) or the site;
 * nothing personal goes into them.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MailMessage } from '@qabilet/email';
import { message, type Language, type MessageKey } from '../i18n/messages';
import { getMailer } from './mailer';

export const RESET_MINUTES = 30;

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function siteUrl(): string {
  return (process.env.SITE_URL ?? 'http://localhost:4321').replace(/\/$/, '');
}

export function cmsUrl(): string {
  return (process.env.PUBLIC_URL || `http://localhost:${process.env.PORT ?? 1337}`).replace(/\/$/, '');
}

// Mails written inside a database transaction must not leave before it commits (a rolled-back
// registration must send nothing), nor hold the transaction open while the relay answers.
const held = new AsyncLocalStorage<MailMessage[]>();

/** Runs `work` with the account mails it writes held back; returns them, to send once it has committed. */
export async function holdMails(work: () => Promise<unknown>): Promise<MailMessage[]> {
  const outbox: MailMessage[] = [];
  await held.run(outbox, work);
  return outbox;
}

export async function sendHeldMails(mails: MailMessage[]): Promise<void> {
  for (const mail of mails) await getMailer().send(mail);
}

type Kind = 'confirm' | 'reset' | 'parental' | 'emailChange' | 'emailChangeNotice';

/** A mail of `kind`, with a button for `link`; a notice has no link at all. */
async function send(to: string, language: Language, kind: Kind, name: string, link: string | null, values: Record<string, string> = {}): Promise<void> {
  const t = (key: string, extra: Record<string, string> = {}) => message(language, key as MessageKey, { ...values, ...extra });
  const greeting = name ? t('mail.greeting', { name }) : t('mail.greeting.anonymous');
  const body = t(`mail.${kind}.body`, { minutes: String(RESET_MINUTES) });
  const lines = [greeting, body, ...(link ? [link] : []), t(`mail.${kind}.ignore`), t('mail.signature')];
  const button = link
    ? `<p><a href="${escape(link)}" style="display:inline-block;padding:12px 20px;background:#0f6e5c;color:#fff;text-decoration:none;border-radius:4px">${escape(t(`mail.${kind}.action`))}</a></p>\n`
    : '';
  const html = `<!doctype html><html lang="${language}"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<p>${escape(greeting)}</p><p>${escape(body)}</p>
${button}<p>${escape(t(`mail.${kind}.ignore`))}</p><p>${escape(t('mail.signature'))}</p></body></html>`;
  const mail: MailMessage = { to, subject: t(`mail.${kind}.subject`), text: lines.join('\n\n'), html, language };
  const outbox = held.getStore();
  if (outbox) outbox.push(mail);
  else await getMailer().send(mail);
}

export function sendConfirmationMail(to: string, language: Language, name: string, token: string): Promise<void> {
  return send(to, language, 'confirm', name, `${cmsUrl()}/api/auth/email-confirmation?confirmation=${token}`);
}

export function sendResetMail(to: string, language: Language, name: string, token: string): Promise<void> {
  return send(to, language, 'reset', name, `${siteUrl()}/${language}/account/reset-password/?code=${token}`);
}

/** To a parent: the child (first name only) asks for consent; the link opens the consent on the site. */
export function sendParentalConsentMail(to: string, language: Language, child: string, token: string, hours: number): Promise<void> {
  return send(to, language, 'parental', '', `${siteUrl()}/${language}/account/parental-consent/?token=${token}`, { child, hours: String(hours) });
}

/**
 * To the new address: the link to confirm it. The token rides in the fragment, which browsers never
 * send to a server (no access log, no Referer keeps it); the site's page posts it to the CMS.
 */
export function sendEmailChangeMail(to: string, language: Language, name: string, token: string, hours: number): Promise<void> {
  return send(to, language, 'emailChange', name, `${siteUrl()}/${language}/account/email-confirm/#token=${token}`, { hours: String(hours) });
}

/** To the old address: a change was asked for. No link: whoever reads this cannot act on the change from it. */
export function sendEmailChangeNotice(to: string, language: Language, name: string): Promise<void> {
  return send(to, language, 'emailChangeNotice', name, null);
}
