/**
 * A real LTI 1.3 tool, built with `ltijs` (storage: `ltijs-sequelize` on a throwaway SQLite file),
 * so that Qabilet's platform is proven against an independent implementation of the standard
 * rather than against our own reading of it: the tests drive it, and `npm start` runs it as the
 * demo partner. It serves the OIDC login, its JWKS and a one-question test whose score it sends
 * back through Assignment and Grade Services.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export type LtiTool = {
  url: string;
  loginUrl: string;
  launchUrl: string;
  jwksUrl: string;
  register(platform: { issuer: string; clientId: string; authUrl: string; tokenUrl: string; jwksUrl: string }): Promise<void>;
  /** The last error the tool met (e.g. a refused id_token), for assertions. */
  lastError(): string | null;
  /** Does nothing: the tool lives for the whole run. */
  close(): Promise<void>;
};

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let shared: Promise<LtiTool> | undefined;

/**
 * The tool, started once per test run: `ltijs`'s Provider is a process-wide singleton that can be
 * set up only once, so every test file registers its own platform (client id) with the same tool.
 */
export function startLtiTool(options: { port?: number; host?: string } = {}): Promise<LtiTool> {
  shared ??= start(options);
  return shared;
}

async function start(options: { port?: number; host?: string }): Promise<LtiTool> {
  const { Provider: lti } = require('ltijs');
  const Database = require('ltijs-sequelize');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qabilet-lti-'));
  const db = new Database('lti', '', '', { dialect: 'sqlite', storage: path.join(dir, 'tool.db'), logging: false });
  const port = options.port ?? (await freePort());
  const url = `http://${options.host ?? '127.0.0.1'}:${port}`;
  let lastError: string | null = null;
  lti.setup(
    'qabilet-test-tool-encryption-key',
    { plugin: db },
    {
      appRoute: '/launch',
      loginRoute: '/login',
      keysetRoute: '/keys',
      cookies: { secure: false, sameSite: 'Lax' },
      devMode: false,
      tokenMaxAge: 60,
    },
  );
  // A browser asks for the icon without a launch token; that is no launch error.
  lti.whitelist('/favicon.ico');
  lti.app.get('/favicon.ico', (_req: unknown, res: { status(n: number): { end(): void } }) => res.status(204).end());
  lti.onConnect((token: Record<string, any>, _req: unknown, res: { send(html: string): void; locals: { ltik: string } }) => {
    const locale = token.platformContext?.launchPresentation?.locale ?? 'en';
    res.send(
      `<!doctype html><html lang="${escape(locale)}"><head><meta charset="utf-8"><title>Teamwork test</title></head><body><main>` +
        `<h1>Teamwork test</h1><p>Resource: ${escape(token.platformContext?.resource?.id ?? '')}</p>` +
        `<form method="post" action="/grade?ltik=${encodeURIComponent(res.locals.ltik)}"><label for="points">Points out of 20</label>` +
        `<input id="points" name="points" type="number" min="0" max="20" required><button type="submit">Finish the test</button></form></main></body></html>`,
    );
  });
  lti.onInvalidToken((_req: unknown, res: { status(n: number): { send(s: string): void } }, next: unknown) => {
    lastError = String((res as unknown as { locals: { err?: { details?: { message?: string } } } }).locals?.err?.details?.message ?? 'invalid token');
    res
      .status(401)
      .send(
        `<!doctype html><html lang="en"><head><title>Refused</title></head><body><main><h1>Launch refused</h1><p>${escape(lastError)}</p></main></body></html>`,
      );
    return next;
  });
  lti.app.post(
    '/grade',
    async (
      req: { body: Record<string, string> },
      res: { locals: { token: Record<string, any> }; redirect(u: string): void; status(n: number): { send(s: string): void } },
    ) => {
      const idtoken = res.locals.token;
      try {
        const points = Number(req.body.points);
        await lti.Grade.submitScore(idtoken, idtoken.platformContext.endpoint.lineitem, {
          userId: idtoken.user,
          scoreGiven: points,
          scoreMaximum: 20,
          activityProgress: 'Completed',
          gradingProgress: 'FullyGraded',
          comment: 'Finished',
        });
        res.redirect(idtoken.platformContext.launchPresentation.return_url);
      } catch (error) {
        lastError = String((error as { response?: { body?: string } }).response?.body ?? (error as Error).message);
        res
          .status(502)
          .send(
            `<!doctype html><html lang="en"><head><title>Not sent</title></head><body><main><h1>The score was not sent</h1><p>${escape(lastError)}</p></main></body></html>`,
          );
      }
    },
  );
  await lti.deploy({ port, silent: true });
  process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    url,
    loginUrl: `${url}/login`,
    launchUrl: `${url}/launch`,
    jwksUrl: `${url}/keys`,
    async register(platform) {
      await lti.registerPlatform({
        url: platform.issuer,
        name: 'Qabilet',
        clientId: platform.clientId,
        authenticationEndpoint: platform.authUrl,
        accesstokenEndpoint: platform.tokenUrl,
        authConfig: { method: 'JWK_SET', key: platform.jwksUrl },
      });
    },
    lastError: () => lastError,
    // Closed when the run ends (mocha exits), so that every test file can use it.
    async close() {},
  };
}
