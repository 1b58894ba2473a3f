import http from 'node:http';

// A local server standing in for a Matomo, for the web analytics test: it records every request
// its matomo.js and matomo.php get. Its matomo.js reads the page's `_paq` queue and sends the page
// view to matomo.php with navigator.sendBeacon (as Matomo's does) in Matomo's tracking parameters,
// adding `_cmds`, the `_paq` methods the page called, so that the configuration the site asks for
// can be checked.
const TRACKER_JS = `(() => {
  const calls = [];
  const config = {};
  const run = ([name, ...args]) => {
    calls.push(name);
    if (name === 'setTrackerUrl') config.tracker = args[0];
    else if (name === 'setSiteId') config.site = args[0];
    else if (name === 'setCustomUrl') config.url = args[0];
    else if (name === 'setReferrerUrl') config.referrer = args[0];
    else if (name === 'trackPageView') {
      const query = new URLSearchParams({ idsite: config.site, rec: '1', url: config.url ?? location.href,
        urlref: config.referrer ?? document.referrer, action_name: document.title, _cmds: calls.join(',') });
      navigator.sendBeacon(config.tracker, query);
    }
  };
  (window._paq || []).forEach(run);
  window._paq = { push: (...commands) => commands.forEach(run) };
})();`;

/** One request the stand-in got: its parameters from the query and the form body together. */
export type Hit = { method: string; path: string; params: URLSearchParams; cookie?: string };

export interface MatomoStandIn {
  /** Its origin, e.g. http://127.0.0.1:40123 (no trailing slash). */
  url: string;
  /** Every request so far, in order (empty it between tests). */
  hits: Hit[];
  close(): void;
}

export async function startMatomoStandIn(): Promise<MatomoStandIn> {
  const hits: Hit[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://tracker.invalid');
      const params = new URLSearchParams(url.search);
      for (const [key, value] of new URLSearchParams(body)) params.append(key, value);
      hits.push({ method: req.method ?? '', path: url.pathname, params, cookie: req.headers.cookie });
      if (url.pathname === '/matomo.js') res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(TRACKER_JS);
      else if (url.pathname === '/matomo.php') res.writeHead(204).end();
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, hits, close: () => server.close() };
}
