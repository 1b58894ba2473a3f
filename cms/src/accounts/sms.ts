import { createTwilioSender, twilioSettingsFromEnv, type SmsSender } from '@qabilet/sms';

let sender: SmsSender | null | undefined;

/** The SMS sender configured by TWILIO_* variables, or null when SMS is off. */
export function getSmsSender(): SmsSender | null {
  if (sender === undefined) {
    const settings = twilioSettingsFromEnv(process.env);
    sender = settings ? createTwilioSender(settings) : null;
  }
  return sender;
}

export function resetSmsSender(): void {
  sender = undefined;
}
