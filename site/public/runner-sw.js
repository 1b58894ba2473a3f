/*
 * Qabilet's test runner offline (R-NFR-6). Keeps the runner page of each language and the
 * /_astro/ files it loads, so that a reload works without a connection; the answers themselves
 * live in the page's localStorage, never here. Network first: when online, every request goes to
 * the server as usual and the copy is refreshed. Nothing under /api/ is ever touched or kept.
 */
const CACHE = 'qabilet-runner-v1';
const PAGES = ['kk', 'ru', 'en'].map((locale) => `/${locale}/account/tests/run/`);
const RUNNER = /^\/(kk|ru|en)\/account\/tests\/run\/$/;
const ASSET = /^\/_astro\//;
// The files a page or a script refers to: Astro's island attributes, <script src>, <link href>, imports.
const REFERENCES =
  /(?:src|href|component-url|renderer-url|before-hydration-url)="(\/_astro\/[^"]+)"|(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js|\/_astro\/[^"']+\.js)["']/g;

const sameOrigin = (url) => url.origin === self.location.origin;

/**
 * Keeps `paths` (runner pages and /_astro/ files) and, for pages and scripts, what they refer to.
 * With `prune`, /_astro/ files of earlier builds that the pages no longer use are dropped.
 */
async function keep(paths, prune = false) {
  const cache = await caches.open(CACHE);
  const seen = new Set();
  const queue = [...paths];
  while (queue.length) {
    const path = queue.shift();
    const url = new URL(path, self.location.origin);
    if (!sameOrigin(url) || !(RUNNER.test(url.pathname) || ASSET.test(url.pathname)) || seen.has(url.pathname)) continue;
    seen.add(url.pathname);
    const response = await fetch(url.pathname, { credentials: 'same-origin' }).catch(() => undefined);
    if (!response || !response.ok) continue;
    await cache.put(url.pathname, response.clone());
    const type = response.headers.get('Content-Type') ?? '';
    if (!/html|javascript/.test(type)) continue;
    const text = await response.text();
    for (const match of text.matchAll(REFERENCES)) queue.push(new URL(match[1] ?? match[2], url).pathname);
  }
  if (!prune || !seen.size) return;
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (ASSET.test(path) && !seen.has(path)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    keep(PAGES)
      .catch(() => undefined)
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('qabilet-runner-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => self.clients.claim()),
  );
});

// The runner page asks for what it loaded to be kept and is told when it is.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  const reply = event.ports && event.ports[0];
  event.waitUntil(
    keep(
      data.urls.filter((u) => typeof u === 'string'),
      true,
    )
      .then(() => reply && reply.postMessage({ ok: true }))
      .catch(() => reply && reply.postMessage({ ok: false })),
  );
});

async function networkFirst(request, key, store) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && (store || (await cache.match(key, { ignoreVary: true })))) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key, { ignoreSearch: true, ignoreVary: true });
    if (kept) return kept;
    throw error;
  }
}

async function fromRunner(clientId) {
  if (!clientId) return false;
  const client = await self.clients.get(clientId);
  return !!client && RUNNER.test(new URL(client.url).pathname);
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (!sameOrigin(url) || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate' && RUNNER.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname, true));
  } else if (ASSET.test(url.pathname)) {
    // Kept when the runner page loads it (or already kept); other pages' files are only passed on.
    event.respondWith(fromRunner(event.clientId).then((store) => networkFirst(request, url.pathname, store)));
  }
});
