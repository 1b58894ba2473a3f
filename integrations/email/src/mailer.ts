/**
 * Qabilet sends mail through this one interface; the real implementation speaks SMTP with
 * nodemailer, so any relay works (the centres' mail server, maildev on a developer's machine).
 */
import nodemailer from 'nodemailer';

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** BCP 47 tag of the message's language, sent as Content-Language. */
  language?: string;
};

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export type SmtpSettings = {
  host: string;
  port: number;
  secure: boolean;
  user?: string;
  pass?: string;
  from: string;
};

export class MailSettingsError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(message);
    this.name = 'MailSettingsError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

/** SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, MAIL_FROM; defaults fit maildev. */
export function smtpSettingsFromEnv(env: Env): SmtpSettings {
  const port = Number(env.SMTP_PORT ?? 1025);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new MailSettingsError('SMTP_PORT', `SMTP_PORT must be a port number, not "${env.SMTP_PORT}".`);
  }
  const from = env.MAIL_FROM?.trim() || 'Qabilet <no-reply@qabilet.example>';
  if (!/@/.test(from)) throw new MailSettingsError('MAIL_FROM', 'MAIL_FROM must be an address, e.g. "Qabilet <no-reply@example.kz>".');
  return {
    host: env.SMTP_HOST?.trim() || '127.0.0.1',
    port,
    secure: env.SMTP_SECURE === 'true' || port === 465,
    user: env.SMTP_USER || undefined,
    pass: env.SMTP_PASS || undefined,
    from,
  };
}

export function createSmtpMailer(settings: SmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.user ? { user: settings.user, pass: settings.pass ?? '' } : undefined,
    // A local relay (maildev, a test server) offers no certificate worth checking.
    tls: { rejectUnauthorized: !['127.0.0.1', 'localhost', '::1'].includes(settings.host) },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: message.language ? { 'Content-Language': message.language } : undefined,
      });
      return { messageId: info.messageId };
    },
    close() {
      transport.close();
    },
  };
}
