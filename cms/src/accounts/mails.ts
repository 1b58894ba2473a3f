/**
 * The account mails, in the user's language: confirm the e-mail address, reset the password.
 * Links lead to the CMS (confirmation) or the site (reset); nothing personal goes into them.
 */
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

type Kind = 'confirm' | 'reset' | 'parental';

async function send(to: string, language: Language, kind: Kind, name: string, link: string, values: Record<string, string> = {}): Promise<void> {
  const t = (key: string, extra: Record<string, string> = {}) => message(language, key as MessageKey, { ...values, ...extra });
  const lines = [
    name ? t('mail.greeting', { name }) : t('mail.greeting.anonymous'),
    t(`mail.${kind}.body`, { minutes: String(RESET_MINUTES) }),
    link,
    t(`mail.${kind}.ignore`),
    t('mail.signature'),
  ];
  const html = `<!doctype html><html lang="${language}"><body style="font-family:Arial,sans-serif;font-size:16px;line-height:1.5">
<p>${escape(lines[0])}</p><p>${escape(lines[1])}</p>
<p><a href="${escape(link)}" style="display:inline-block;padding:12px 20px;background:#0f6e5c;color:#fff;text-decoration:none;border-radius:4px">${escape(t(`mail.${kind}.action`))}</a></p>
<p>${escape(lines[3])}</p><p>${escape(lines[4])}</p></body></html>`;
  await getMailer().send({ to, subject: t(`mail.${kind}.subject`), text: lines.join('\n\n'), html, language });
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
