// A small built site and plain HTTP requests, for the tests of the site server and of nginx.conf.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { precompress } from '../../site/integrations/precompress.mjs';

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A GET with exactly these headers (fetch would add its own Accept-Encoding and decode the answer). */
export function get(base: string, urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${urlPath}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

export const decoded = ({ headers, body }: Answer): string => {
  const encoding = headers['content-encoding'] ?? 'identity';
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString('utf8');
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString('utf8');
  assert.equal(encoding, 'identity');
  return body.toString('utf8');
};

/** A page as the build writes it: the panel's radio buttons, and enough text to be worth compressing. */
export const pageHtml = (locale: string, text: string) =>
  `<!DOCTYPE html><html lang="${locale}"><head><title>${text}</title></head><body>` +
  '<input type="radio" name="vi-size" value="default" checked><input type="radio" name="vi-size" value="200">' +
  '<input type="radio" name="vi-theme" value="default" checked><input type="radio" name="vi-theme" value="wb">' +
  `<main id="main"><h1>${text}</h1>${'<p>Бағдарламашы бағдарламалық жасақтаманы әзірлейді және сүйемелдейді.</p>'.repeat(40)}</main></body></html>`;

/** Writes a small site into `dir` with its .br/.gz copies, as `astro build` and the precompress integration do. */
export async function writeBuild(dir: string, text: string): Promise<void> {
  const files: Record<string, string> = {
    'kk/index.html': pageHtml('kk', `${text} kk`),
    'kk/professions/software-developer/index.html': pageHtml('kk', `${text} developer`),
    'kk/404/index.html': pageHtml('kk', 'Табылмады'),
    'ru/404/index.html': pageHtml('ru', 'Не найдено'),
    '404.html': pageHtml('kk', 'Табылмады'),
    'sitemap.xml': `<?xml version="1.0"?><urlset>${'<url><loc>http://localhost/kk/</loc></url>'.repeat(50)}</urlset>`,
    'robots.txt': 'a',
  };
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  fs.writeFileSync(path.join(dir, 'logo.png'), Buffer.alloc(300, 7));
  await precompress(dir);
}

export const listen = async (server: http.Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
};
