/* global window, document, location, Element */
// The visitor's say on web analytics, inline on the pages that may carry the tracker (./index.ts
// hashes it into their CSP). Matomo's script loads only after "Allow", never when the browser sends
// Do Not Track or Global Privacy Control; the choice stays in this browser's localStorage and is
// changed from the footer. Nothing personal goes out: no cookies, no user id, no browser features,
// the page's address without its query or fragment, another site's referrer by its origin only.
(() => {
  const KEY = 'qabilet-analytics';
  const banner = document.getElementById('analytics-consent');
  if (!banner) return;
  const refused = navigator.doNotTrack === '1' || window.doNotTrack === '1' || navigator.globalPrivacyControl === true;
  const stored = () => {
    try {
      return localStorage.getItem(KEY);
    } catch {
      return null;
    }
  };
  let loaded = false;
  let opener = null;

  const load = () => {
    if (loaded || refused) return;
    loaded = true;
    const base = banner.dataset.base;
    const from = document.referrer ? new URL(document.referrer) : undefined;
    const referrer = !from ? '' : from.origin === location.origin ? from.origin + from.pathname : `${from.origin}/`;
    const paq = (window._paq = window._paq || []);
    paq.push(
      ['disableCookies'],
      ['disableBrowserFeatureDetection'],
      ['setDoNotTrack', true],
      ['setCustomUrl', location.origin + location.pathname],
      ['setReferrerUrl', referrer],
      ['setTrackerUrl', `${base}matomo.php`],
      ['setSiteId', banner.dataset.site],
      ['trackPageView'],
    );
    const script = document.createElement('script');
    script.async = true;
    script.src = `${base}matomo.js`;
    document.head.append(script);
  };

  // `state`: ask (no choice yet), granted, denied (opened from the footer), refused (DNT/GPC).
  const show = (state) => {
    for (const part of banner.querySelectorAll('[data-for]')) part.hidden = !part.dataset.for.split(' ').includes(state);
    banner.hidden = false;
  };
  const close = () => {
    banner.hidden = true;
    (opener ?? document.getElementById('main'))?.focus();
    opener = null;
  };

  banner.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (!button) return;
    const choice = button.dataset.choice;
    if (choice === 'granted' || choice === 'denied') {
      try {
        localStorage.setItem(KEY, choice);
      } catch {
        // Private modes without storage: the choice holds for this page only.
      }
      if (choice === 'granted') load();
      const status = document.getElementById('analytics-status');
      if (status) status.textContent = status.dataset[choice];
    }
    close();
  });
  banner.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && opener) close();
  });
  document.addEventListener('click', (event) => {
    const settings = event.target instanceof Element ? event.target.closest('#analytics-settings') : null;
    if (!settings) return;
    opener = settings;
    show(refused ? 'refused' : (stored() ?? 'ask'));
    const title = banner.querySelector('h2');
    title.scrollIntoView({ block: 'nearest' });
    title.focus();
  });
  // The footer's settings button means nothing without this script, so it shows only with it.
  const reveal = () => {
    const item = document.getElementById('analytics-settings-item');
    if (item) item.hidden = false;
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', reveal);
  else reveal();

  if (refused) return;
  const choice = stored();
  if (choice === 'granted') load();
  else if (choice !== 'denied') show('ask');
})();
