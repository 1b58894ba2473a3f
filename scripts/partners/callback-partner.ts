/**
 * A real, small partner of the "callback" kind (plugins/partners/README.md): it receives the
 * person through the signed redirect, verifies the platform's JWT against the platform's JWKS,
 * shows its own test page, and sends the result back with the signed results callback before
 * returning the person to the cabinet. The browser tests run the whole journey through it, API
 * tests sign callbacks with `postResult`, and `npm start` runs it as the demo partner.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose';

export type PartnerScale = { key: string; label: string; min: number; max: number };
export type Credentials = { clientId: string; secret: string };
export type CallbackPartnerOptions = {
  cmsUrl: string;
  /** The partner's client id and secret; left out when the partner is added after its server starts (`use`). */
  clientId?: string;
  secret?: string;
  /** The platform's issuer (PUBLIC_URL); the CMS's own URL unless said otherwise. */
  issuer?: string;
  /** The partner's tests by key, each with the scores it measures. */
  tests?: Record<string, PartnerScale[]>;
  /** Where it listens (a free port on 127.0.0.1 unless said). */
  port?: number;
  host?: string;
};
export type CallbackPartner = {
  url: string;
  /** Every callback sent, with the CMS's answer. */
  callbacks: Array<{ body: ResultBody; status: number; answer: unknown }>;
  /** The verified claims of every token received. */
  launches: JWTPayload[];
  /** The credentials Qabilet gave when the partner was added (its test URLs must exist first). */
  use(credentials: Credentials): void;
  /** From now on the person is sent back at once and the result follows `ms` later, as a partner with a queue does. */
  deferCallbacks(ms: number): void;
  close(): Promise<void>;
};
export type ResultBody = { id: string; subject: string; test: string; completedAt: string; scores: Record<string, number> };

const DEFAULT_TESTS: Record<string, PartnerScale[]> = {
  teamwork: [
    { key: 'teamwork', label: 'Working in a team', min: 0, max: 10 },
    { key: 'talk', label: 'Talking with people', min: 0, max: 10 },
  ],
};

/** The contract's signature: HMAC-SHA256 over `<unix seconds>.<raw body>`, hex, with `v1=`. */
export const signature = (secret: string, timestamp: number, raw: string) =>
  `v1=${crypto.createHmac('sha256', secret).update(`${timestamp}.${raw}`).digest('hex')}`;

/**
 * Sends a results callback as a partner would. `timestamp`, `sign` and `raw` let a test send a
 * stale, wrongly signed or hand-written one.
 */
export async function postResult(options: {
  cmsUrl: string;
  clientId: string;
  secret: string;
  body: ResultBody | Record<string, unknown>;
  timestamp?: number;
  sign?: (timestamp: number, raw: string) => string;
  raw?: string;
}): Promise<{ status: number; body: any; signature: string; timestamp: number }> {
  const raw = options.raw ?? JSON.stringify(options.body);
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signed = options.sign ? options.sign(timestamp, raw) : signature(options.secret, timestamp, raw);
  const response = await fetch(`${options.cmsUrl}/api/partners/callback/${encodeURIComponent(options.clientId)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Qabilet-Timestamp': String(timestamp), 'X-Qabilet-Signature': signed },
    body: raw,
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the test to read.
  }
  return { status: response.status, body, signature: signed, timestamp };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title></head>
<body><main><h1>${escape(title)}</h1>${body}</main></body>
</html>`;
}

function send(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(html);
}

async function formOf(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

type Session = { sub: string; test: string; returnUrl: string };

export async function startCallbackPartner(options: CallbackPartnerOptions): Promise<CallbackPartner> {
  const { cmsUrl } = options;
  let credentials: Credentials = { clientId: options.clientId ?? '', secret: options.secret ?? '' };
  const tests = options.tests ?? DEFAULT_TESTS;
  const jwks = createRemoteJWKSet(new URL(`${cmsUrl}/api/partners/jwks`));
  const usedTokens = new Set<string>();
  const sessions = new Map<string, Session>();
  const callbacks: CallbackPartner['callbacks'] = [];
  const launches: JWTPayload[] = [];
  let deferMs = 0;
  const deferred = new Set<ReturnType<typeof setTimeout>>();

  async function start(url: URL, res: http.ServerResponse): Promise<void> {
    const token = url.searchParams.get('token') ?? '';
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, jwks, {
        issuer: options.issuer ?? cmsUrl,
        audience: credentials.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'sub', 'jti'],
      }));
    } catch {
      return send(
        res,
        401,
        page('This link does not work', '<p>The link to the test is not valid or has expired. Go back to Qabilet and start the test again.</p>'),
      );
    }
    const test = typeof claims.test === 'string' ? claims.test : '';
    const returnUrl = typeof claims.return_url === 'string' ? claims.return_url : '';
    // A token lets one person in once; its test must be one of this partner's.
    if (usedTokens.has(claims.jti!) || !tests[test] || !/^https?:\/\//.test(returnUrl)) {
      return send(res, 401, page('This link does not work', '<p>The link to the test has already been used. Go back to Qabilet and start the test again.</p>'));
    }
    usedTokens.add(claims.jti!);
    launches.push(claims);
    const session = crypto.randomUUID();
    sessions.set(session, { sub: claims.sub!, test, returnUrl });
    const fields = tests[test]!.map(
      (s) => `
      <p><label for="score-${s.key}">${escape(s.label)} (${s.min}–${s.max})</label><br>
      <input id="score-${s.key}" name="${s.key}" type="number" inputmode="numeric" min="${s.min}" max="${s.max}" step="1" required></p>`,
    ).join('');
    send(
      res,
      200,
      page(
        `Soft skills: ${test}`,
        `
      <p>Rate yourself on each scale and send your answers.</p>
      <form method="post" action="/submit">
        <input type="hidden" name="session" value="${session}">${fields}
        <p><button type="submit">Send my answers</button></p>
      </form>`,
      ),
    );
  }

  async function submit(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const form = await formOf(req);
    const session = sessions.get(form.get('session') ?? '');
    if (!session) return send(res, 401, page('This page has expired', '<p>Start the test again from Qabilet.</p>'));
    sessions.delete(form.get('session')!);
    const scores = Object.fromEntries(tests[session.test]!.map((s) => [s.key, Number(form.get(s.key))]));
    const body: ResultBody = { id: crypto.randomUUID(), subject: session.sub, test: session.test, completedAt: new Date().toISOString(), scores };
    const deliver = async () => {
      const sent = await postResult({ cmsUrl, ...credentials, body });
      callbacks.push({ body, status: sent.status, answer: sent.body });
      return sent;
    };
    if (deferMs > 0) {
      const timer = setTimeout(() => {
        deferred.delete(timer);
        void deliver().catch(() => undefined);
      }, deferMs);
      deferred.add(timer);
      res.writeHead(303, { Location: session.returnUrl, 'Cache-Control': 'no-store' });
      return void res.end();
    }
    const sent = await deliver();
    if (sent.status !== 200) {
      return send(
        res,
        502,
        page('Your answers did not reach Qabilet', `<p>Qabilet answered ${sent.status}.</p><pre>${escape(JSON.stringify(sent.body))}</pre>`),
      );
    }
    res.writeHead(303, { Location: session.returnUrl, 'Cache-Control': 'no-store' });
    res.end();
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const handled =
      req.method === 'GET' && url.pathname === '/start'
        ? start(url, res)
        : req.method === 'POST' && url.pathname === '/submit'
          ? submit(req, res)
          : Promise.resolve(send(res, 404, page('Not found', '<p>There is no such page.</p>')));
    handled.catch((error: Error) => {
      if (!res.headersSent) send(res, 500, page('Something went wrong', `<p>${escape(error.message)}</p>`));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    callbacks,
    launches,
    use: (given) => {
      credentials = { ...given };
    },
    deferCallbacks: (ms) => {
      deferMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of deferred) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
