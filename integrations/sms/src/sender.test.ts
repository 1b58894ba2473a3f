import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createOutbox } from './outbox.ts';
import { createTwilioSender, twilioSettingsFromEnv } from './sender.ts';

const SID = `AC${'0123456789abcdef'.repeat(2)}`;

describe('integrations/sms: the real Twilio client against a local Messages API', () => {
  it('sends a Kazakh text and gets Twilio’s message id', async () => {
    const outbox = createOutbox(SID, 'token-1');
    outbox.server.listen(0, '127.0.0.1');
    await once(outbox.server, 'listening');
    try {
      const sender = createTwilioSender(
        twilioSettingsFromEnv({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 'token-1', TWILIO_FROM: '+77000000000', TWILIO_API_BASE: outbox.url() })!,
      );
      const { id } = await sender.send('+77011234567', 'Qabilet: растау коды 123456');
      assert.match(id, /^SM[0-9a-f]{32}$/);
      assert.deepEqual(
        outbox.messages.map((m) => [m.to, m.from, m.body]),
        [['+77011234567', '+77000000000', 'Qabilet: растау коды 123456']],
      );
    } finally {
      await outbox.close();
    }
  });

  it('reports Twilio’s refusals: a wrong token, an invalid number', async () => {
    const outbox = createOutbox(SID, 'right');
    outbox.server.listen(0, '127.0.0.1');
    await once(outbox.server, 'listening');
    try {
      const wrong = createTwilioSender({ accountSid: SID, authToken: 'wrong', from: '+77000000000', apiBase: outbox.url() });
      await assert.rejects(wrong.send('+77011234567', 'x'), { name: 'SmsError', code: '20003' });
      const right = createTwilioSender({ accountSid: SID, authToken: 'right', from: '+77000000000', apiBase: outbox.url() });
      await assert.rejects(right.send('12345', 'x'), { name: 'SmsError', code: '21211' });
      assert.equal(outbox.messages.length, 0);
    } finally {
      await outbox.close();
    }
  });

  it('reads its settings from the environment: off when unset, a wrong one named', () => {
    assert.equal(twilioSettingsFromEnv({}), undefined);
    assert.throws(() => twilioSettingsFromEnv({ TWILIO_ACCOUNT_SID: 'nope' }), { variable: 'TWILIO_ACCOUNT_SID' });
    assert.throws(() => twilioSettingsFromEnv({ TWILIO_ACCOUNT_SID: SID }), { variable: 'TWILIO_AUTH_TOKEN' });
    assert.throws(() => twilioSettingsFromEnv({ TWILIO_ACCOUNT_SID: SID, TWILIO_AUTH_TOKEN: 't', TWILIO_FROM: '8701' }), { variable: 'TWILIO_FROM' });
  });
});
