import { createSmtpMailer, smtpSettingsFromEnv, type Mailer } from '@qabilet/email';

let mailer: Mailer | undefined;

/** The one SMTP mailer of this process, configured from the environment on first use. */
export function getMailer(): Mailer {
  mailer ??= createSmtpMailer(smtpSettingsFromEnv(process.env));
  return mailer;
}

export function closeMailer(): void {
  mailer?.close();
  mailer = undefined;
}
