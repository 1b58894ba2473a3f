/**
 * Registers runner-sw.js and hands it the runner page and the /_astro/ files this page loaded, so
 * that a reload works without a connection. Resolves true once the worker has them cached.
 */
export async function keepForOffline(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return false;
  try {
    await navigator.serviceWorker.register('/runner-sw.js', { scope: '/' });
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active;
    if (!worker) return false;
    const assets = performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => {
        try {
          const url = new URL(name);
          return url.origin === location.origin && url.pathname.startsWith('/_astro/');
        } catch {
          return false;
        }
      });
    return await new Promise<boolean>((resolve) => {
      const channel = new MessageChannel();
      const timer = setTimeout(() => resolve(false), 30_000);
      channel.port1.onmessage = (event) => {
        clearTimeout(timer);
        resolve(Boolean((event.data as { ok?: boolean } | null)?.ok));
      };
      worker.postMessage({ type: 'keep', urls: [location.pathname, ...assets] }, [channel.port2]);
    });
  } catch {
    return false; // no worker (private window, old browser): the runner still works, a reload needs the network
  }
}
