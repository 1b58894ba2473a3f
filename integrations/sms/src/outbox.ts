/**
 * A local stand-in for Twilio's Messages API: it checks the account's Basic credentials, answers
 * as Twilio does, and keeps every message for a web page to list. `npm start` runs it so that a
 * newcomer can read the codes the CMS sends; the tests run the real Twilio client against it.
 */
import http from 'node:http';
import crypto from 'node:crypto';

export type OutboxMessage = { sid: string; to: string; from: string; body: string; at: string };

export type Outbox = { server: http.Server; messages: OutboxMessage[]; url: () => string; close: () => Promise<void> };

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createOutbox(accountSid: string, authToken: string): Outbox {
  const messages: OutboxMessage[] = [];
  const path = `/2010-04-01/Accounts/${accountSid}/Messages.json`;
  const expected = `Basic ${Buffer.from(`${accountSid}:${authToken}`).toString('base64')}`;
  const json = (res: http.ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && (req.url === '/' || req.url === '/messages.json')) {
      if (req.url === '/messages.json') return json(res, 200, messages);
      const rows = messages
        .map((m) => `<tr><td>${escape(m.at)}</td><td>${escape(m.to)}</td><td>${escape(m.body)}</td></tr>`)
        .reverse()
        .join('');
      res
        .writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        .end(
          `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SMS outbox</title></head><body><main><h1>SMS outbox (local)</h1><table><thead><tr><th scope="col">Sent</th><th scope="col">To</th><th scope="col">Text</th></tr></thead><tbody>${rows}</tbody></table></main></body></html>`,
        );
      return;
    }
    if (req.method !== 'POST' || req.url !== path) return json(res, 404, { code: 20404, message: 'The requested resource was not found', status: 404 });
    if (req.headers.authorization !== expected) return json(res, 401, { code: 20003, message: 'Authenticate', status: 401 });
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const form = new URLSearchParams(raw);
      const to = form.get('To') ?? '';
      const from = form.get('From') ?? form.get('MessagingServiceSid') ?? '';
      const body = form.get('Body') ?? '';
      if (!/^\+\d{8,15}$/.test(to)) return json(res, 400, { code: 21211, message: `The 'To' number ${to} is not a valid phone number.`, status: 400 });
      if (!body) return json(res, 400, { code: 21602, message: 'Message body is required.', status: 400 });
      const message = { sid: `SM${crypto.randomBytes(16).toString('hex')}`, to, from, body, at: new Date().toISOString() };
      messages.push(message);
      json(res, 201, {
        ...message,
        account_sid: accountSid,
        status: 'queued',
        num_segments: '1',
        direction: 'outbound-api',
        date_created: new Date().toUTCString(),
        uri: `${path.replace('.json', '')}/${message.sid}.json`,
      });
    });
  });
  return {
    server,
    messages,
    url: () => `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
