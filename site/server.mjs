// Serves the built static site (dist/) for `npm start` and the browser tests, as nginx does in
// production: `/` leads to Kazakh, unknown addresses get the 404 page of their locale. Pages with
// the visually-impaired settings come from here in production too (nginx.conf). Answers are kept in
// memory (kept-bodies.mjs): the build's .br/.gz copies, and each page with each set of settings
// compressed once; a file is read once per build, not once per answer.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { timingSafeEqual } from 'node:crypto';
import { createKeptBodies, negotiateEncoding } from './kept-bodies.mjs';
import { createRebuilder } from './rebuild.mjs';
import { readViCookie, viCookieFromQuery } from './vi-preferences.mjs';

const LOCALES = ['kk', 'ru', 'en'];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const SECURITY_HEADERS = {
  // Scripts and styles are governed by each page's CSP <meta> (hashes of its inline code).
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

const statFile = (file) => {
  try {
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    return stat?.isFile() ? { file, stat } : undefined;
  } catch {
    return undefined; // ENOTDIR: a file's name used as a folder's
  }
};

/** Resolves a URL path to a file inside `root` and its stat, or undefined; never leaves `root`. */
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const candidate = path.join(root, path.normalize(decoded));
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  // A page's address ends with a slash: its index.html is asked first, one look-up instead of two.
  if (urlPath.endsWith('/')) return statFile(path.join(candidate, 'index.html'));
  return statFile(candidate) ?? statFile(path.join(candidate, 'index.html'));
}

function notFoundPage(root, urlPath) {
  const first = urlPath.split('/')[1];
  return (LOCALES.includes(first) && statFile(path.join(root, first, '404', 'index.html'))) || statFile(path.join(root, '404.html'));
}

/** Passes /api/… to the CMS, as nginx does in production, so the site's forms call their own origin. */
function proxy(req, res, target) {
  const upstream = http.request(
    new URL(req.url, target),
    {
      method: req.method,
      headers: { ...req.headers, host: new URL(target).host, 'x-forwarded-for': req.socket.remoteAddress ?? '', 'x-forwarded-proto': 'http' },
    },
    (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ data: null, error: { status: 502, name: 'BadGateway', message: 'The CMS does not answer.' } }));
  });
  req.pipe(upstream);
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

const sameToken = (given, expected) => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** Whether `If-None-Match` names `etag` (a list, or `*`). */
const matches = (header, etag) => header === '*' || (header?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag) ?? false);

/**
 * @param {string} root the built site
 * @param {{ api?: string, rebuild?: { token: string, delayMs?: number, build?: (outDir: string, cmsUrl: string) => Promise<void> },
 *   keptBytes?: number }} options
 *   `rebuild`: accept `POST /__rebuild` with this bearer token (the CMS calls it on publishing); `build`
 *   is `astro build` unless a test gives another. `keptBytes`: the memory for kept answers (64 MiB).
 */
export function createSiteServer(root, { api, rebuild, keptBytes } = {}) {
  const dist = path.resolve(root);
  const bodies = createKeptBodies({ maxBytes: keptBytes });
  const rebuilder =
    rebuild && api
      ? createRebuilder({ outDir: dist, cmsUrl: api, delayMs: rebuild.delayMs, build: rebuild.build, onSwapped: () => bodies.clear() })
      : undefined;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    if (api && url.pathname.startsWith('/api/')) return proxy(req, res, api);
    if (url.pathname === '/__rebuild' && rebuilder) {
      if (req.method !== 'POST') return void res.writeHead(405, { Allow: 'POST', ...SECURITY_HEADERS }).end();
      if (!sameToken(req.headers.authorization?.replace(/^Bearer /, ''), rebuild.token)) return void res.writeHead(401, SECURITY_HEADERS).end();
      req.resume();
      rebuilder.schedule();
      return void res.writeHead(202, SECURITY_HEADERS).end();
    }
    if (url.pathname === '/vi/' && req.method === 'GET') {
      // The visually-impaired settings, chosen in a plain form: kept in a cookie, back to the page.
      const back = url.searchParams.get('return') ?? '/';
      const location = /^\/(kk|ru|en)\/[a-z0-9/._-]*$/.test(back) ? back : '/kk/';
      const cookie = viCookieFromQuery(url.searchParams);
      res.writeHead(303, { Location: location, 'Set-Cookie': cookie, 'Cache-Control': 'no-store', ...SECURITY_HEADERS }).end();
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...SECURITY_HEADERS }).end();
      return;
    }
    if (url.pathname === '/') {
      res.writeHead(302, { Location: '/kk/', ...SECURITY_HEADERS }).end();
      return;
    }
    let found = resolveFile(dist, url.pathname);
    if (found && found.file.endsWith('index.html') && !url.pathname.endsWith('/') && !url.pathname.endsWith('.html')) {
      res.writeHead(301, { Location: `${url.pathname}/${url.search}`, ...SECURITY_HEADERS }).end();
      return;
    }
    const status = found ? 200 : 404;
    found ??= notFoundPage(dist, url.pathname);
    // Between a rebuild's two renames there is no build for a moment.
    if (!found) return void res.writeHead(503, { 'Retry-After': '2', ...SECURITY_HEADERS }).end();
    const { file, stat } = found;
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const immutable = url.pathname.startsWith('/_astro/');
    // Pages carry the visitor's visually-impaired settings, so they vary by that cookie.
    const page = type.startsWith('text/html');
    const headers = {
      'Content-Type': type,
      'Cache-Control': page ? 'no-cache' : immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      ...(page ? { Vary: 'Cookie, Accept-Encoding' } : COMPRESSIBLE.test(type) ? { Vary: 'Accept-Encoding' } : {}),
      ...SECURITY_HEADERS,
    };
    const kept =
      page || COMPRESSIBLE.test(type)
        ? bodies.get(file, stat, negotiateEncoding(req.headers['accept-encoding']), page ? readViCookie(req.headers.cookie) : {})
        : undefined;
    const send = ({ body, encoding, etag }) => {
      if (status === 200) headers.ETag = etag;
      if (status === 200 && matches(req.headers['if-none-match'], etag)) return void res.writeHead(304, headers).end();
      headers['Content-Length'] = body.length;
      if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (kept && 'body' in kept) return send(kept);
    if (kept) return void kept.then(send, () => res.writeHead(503, { 'Retry-After': '2', ...SECURITY_HEADERS }).end());
    // Images, fonts, and files too large to keep: as they are, from the disk.
    res.writeHead(status, headers);
    if (req.method === 'HEAD') res.end();
    else
      fs.createReadStream(file)
        .on('error', () => res.destroy())
        .pipe(res);
  });
  server.rebuilder = rebuilder;
  return server;
}

if (import.meta.main) {
  const port = Number(process.env.SITE_PORT ?? 4321);
  const host = process.env.SITE_HOST ?? '0.0.0.0';
  const token = process.env.SITE_REBUILD_TOKEN;
  const rebuild = token ? { token, delayMs: Number(process.env.SITE_REBUILD_DELAY_MS ?? 5000) } : undefined;
  const dist = process.env.SITE_OUT_DIR ? path.resolve(process.env.SITE_OUT_DIR) : path.join(import.meta.dirname, 'dist');
  createSiteServer(dist, { api: process.env.CMS_URL ?? 'http://127.0.0.1:1337', rebuild }).listen(port, host, () => {
    console.log(`Qabilet site on http://localhost:${port}/`);
  });
}
