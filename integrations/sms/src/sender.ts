/**
 * Qabilet sends SMS (phone codes, booking confirmations) through this interface; the real
 * implementation is Twilio's own client. TWILIO_API_BASE points it at another host speaking the
 * same API: the local outbox of `npm start` and the tests, or a proxy.
 */
import twilio from 'twilio';

export interface SmsSender {
  send(to: string, text: string): Promise<{ id: string }>;
}

export type TwilioSettings = { accountSid: string; authToken: string; from: string; apiBase?: string };

export class SmsError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'SmsError';
    this.code = code;
  }
}

export class SmsSettingsError extends Error {
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(message);
    this.name = 'SmsSettingsError';
    this.variable = variable;
  }
}

type Env = Record<string, string | undefined>;

/** TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM (+E.164 or a Messaging Service SID), TWILIO_API_BASE. Undefined when SMS is off. */
export function twilioSettingsFromEnv(env: Env): TwilioSettings | undefined {
  const accountSid = env.TWILIO_ACCOUNT_SID?.trim();
  if (!accountSid) return undefined;
  if (!/^AC[0-9a-fA-F]{32}$/.test(accountSid))
    throw new SmsSettingsError('TWILIO_ACCOUNT_SID', 'TWILIO_ACCOUNT_SID must look like AC followed by 32 hexadecimal digits.');
  const authToken = env.TWILIO_AUTH_TOKEN?.trim();
  if (!authToken) throw new SmsSettingsError('TWILIO_AUTH_TOKEN', 'TWILIO_AUTH_TOKEN is not set.');
  const from = env.TWILIO_FROM?.trim();
  if (!from || !/^(\+\d{8,15}|MG[0-9a-fA-F]{32})$/.test(from))
    throw new SmsSettingsError('TWILIO_FROM', 'TWILIO_FROM must be a number in E.164 (+7…) or a Messaging Service SID (MG…).');
  const apiBase = env.TWILIO_API_BASE?.trim() || undefined;
  if (apiBase && !/^https?:\/\/[^/]+$/.test(apiBase.replace(/\/$/, '')))
    throw new SmsSettingsError('TWILIO_API_BASE', 'TWILIO_API_BASE must be a base URL such as http://127.0.0.1:1081.');
  return { accountSid, authToken, from, apiBase: apiBase?.replace(/\/$/, '') };
}

type RequestOptions = Parameters<InstanceType<typeof twilio.RequestClient>['request']>[0];

/** Twilio's HTTP client, sending every request to `base` instead of *.twilio.com. */
class RebasedRequestClient extends twilio.RequestClient {
  readonly base: string;
  constructor(base: string) {
    super({ timeout: 10_000 });
    this.base = base;
  }
  override request<T>(opts: RequestOptions) {
    return super.request<T>({ ...opts, uri: opts.uri.replace(/^https:\/\/[^/]+/, this.base) } as never);
  }
}

export function createTwilioSender(settings: TwilioSettings): SmsSender {
  const client = twilio(settings.accountSid, settings.authToken, {
    httpClient: settings.apiBase ? new RebasedRequestClient(settings.apiBase) : undefined,
    autoRetry: true,
    maxRetries: 2,
  });
  const sender = settings.from.startsWith('MG') ? { messagingServiceSid: settings.from } : { from: settings.from };
  return {
    async send(to, text) {
      try {
        const message = await client.messages.create({ to, body: text, ...sender });
        return { id: message.sid };
      } catch (error) {
        const e = error as { code?: number; status?: number; message?: string };
        throw new SmsError(String(e.code ?? e.status ?? 'unknown'), `SMS not sent: ${e.message ?? 'unknown error'}`);
      }
    },
  };
}
