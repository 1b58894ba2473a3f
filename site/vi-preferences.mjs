// The visually-impaired settings without JavaScript: the panel's form sends the choice to
// /vi/, which stores it in a cookie; every page is then served with the choice applied (the
// <html> attributes the styles key on, and the panel's radio buttons checked to match).
// nginx cannot do this rewrite, so in production pages go through this server too.

export const VI_OPTIONS = { size: ['150', '200'], theme: ['bw', 'wb', 'blue'], images: ['off'] };
const COOKIE = 'qabilet-vi';
const YEAR = 365 * 24 * 3600;

/** @returns {Record<string, string>} only known settings with known values */
export function readViCookie(header = '') {
  const raw =
    header
      .split(/;\s*/)
      .find((part) => part.startsWith(`${COOKIE}=`))
      ?.slice(COOKIE.length + 1) ?? '';
  const prefs = {};
  for (const pair of raw.split('.')) {
    const [name, value] = pair.split('-');
    if (VI_OPTIONS[name]?.includes(value)) prefs[name] = value;
  }
  return prefs;
}

/** The Set-Cookie header for the form's answer (`vi-reset` clears everything). */
export function viCookieFromQuery(params) {
  const chosen = params.get('vi-reset')
    ? []
    : Object.entries(VI_OPTIONS).flatMap(([name, values]) => (values.includes(params.get(`vi-${name}`)) ? [`${name}-${params.get(`vi-${name}`)}`] : []));
  const value = chosen.join('.');
  return `${COOKIE}=${value}; Path=/; Max-Age=${value ? YEAR : 0}; SameSite=Lax`;
}

export function applyViPreferences(html, prefs) {
  const names = Object.keys(prefs);
  if (!names.length) return html;
  let out = html.replace(/<html\b/, `<html ${names.map((name) => `data-vi-${name}="${prefs[name]}"`).join(' ')}`);
  for (const name of names) {
    out = out
      .replace(`name="vi-${name}" value="default" checked`, `name="vi-${name}" value="default"`)
      .replace(`name="vi-${name}" value="${prefs[name]}"`, `name="vi-${name}" value="${prefs[name]}" checked`);
  }
  return out;
}
