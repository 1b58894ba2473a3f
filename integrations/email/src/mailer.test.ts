import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer, smtpSettingsFromEnv } from './mailer.ts';

/** A real SMTP server in this process; it keeps what it receives. */
async function startSmtp(options: { user?: string; pass?: string } = {}) {
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    secure: false,
    disabledCommands: options.user ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.user,
    allowInsecureAuth: true,
    onAuth(auth, _session, callback) {
      if (auth.username === options.user && auth.password === options.pass) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise<void>((r) => server.close(() => r())) };
}

describe('integrations/email: SMTP mailer against a real SMTP server', () => {
  it('delivers a Kazakh message with its language', async () => {
    const smtp = await startSmtp();
    const mailer = createSmtpMailer(
      smtpSettingsFromEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), MAIL_FROM: 'Qabilet <no-reply@qabilet.example>' }),
    );
    try {
      const { messageId } = await mailer.send({
        to: 'әлия@example.kz'.normalize(),
        subject: 'Тіркелуді растаңыз',
        text: 'Сәлеметсіз бе, Әлия!',
        html: '<p>Сәлеметсіз бе, Әлия!</p>',
        language: 'kk',
      });
      assert.ok(messageId);
      assert.equal(smtp.received.length, 1);
      const mail = smtp.received[0];
      assert.equal(mail.subject, 'Тіркелуді растаңыз');
      assert.equal(mail.text?.trim(), 'Сәлеметсіз бе, Әлия!');
      assert.match(String(mail.html), /Сәлеметсіз бе/);
      assert.equal(mail.from?.value[0].address, 'no-reply@qabilet.example');
      assert.equal(mail.headers.get('content-language'), 'kk');
    } finally {
      mailer.close();
      await smtp.close();
    }
  });

  it('logs in to a relay that asks for it, and fails clearly with a wrong password', async () => {
    const smtp = await startSmtp({ user: 'qabilet', pass: 's3cret' });
    const good = createSmtpMailer(smtpSettingsFromEnv({ SMTP_PORT: String(smtp.port), SMTP_USER: 'qabilet', SMTP_PASS: 's3cret' }));
    const bad = createSmtpMailer(smtpSettingsFromEnv({ SMTP_PORT: String(smtp.port), SMTP_USER: 'qabilet', SMTP_PASS: 'wrong' }));
    try {
      await good.send({ to: 'a@example.kz', subject: 'ok', text: 'ok' });
      await assert.rejects(bad.send({ to: 'a@example.kz', subject: 'no', text: 'no' }), /Invalid username or password|auth/i);
      assert.equal(smtp.received.length, 1);
    } finally {
      good.close();
      bad.close();
      await smtp.close();
    }
  });

  it('reads its settings from the environment and names a wrong one', () => {
    assert.deepEqual(smtpSettingsFromEnv({}), {
      host: '127.0.0.1',
      port: 1025,
      secure: false,
      user: undefined,
      pass: undefined,
      from: 'Qabilet <no-reply@qabilet.example>',
    });
    assert.equal(smtpSettingsFromEnv({ SMTP_PORT: '465' }).secure, true);
    assert.throws(() => smtpSettingsFromEnv({ SMTP_PORT: 'smtp' }), { name: 'MailSettingsError', variable: 'SMTP_PORT' });
    assert.throws(() => smtpSettingsFromEnv({ MAIL_FROM: 'nobody' }), { variable: 'MAIL_FROM' });
  });
});
