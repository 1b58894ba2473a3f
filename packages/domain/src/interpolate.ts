/**
 * Fills a message's `{name}` placeholders from `values`. A placeholder without a value stays as it
 * is, so a missing value shows in the text instead of an empty gap. The one helper for the server's
 * messages, the admin's, the site's and the tests'.
 */
export function interpolate(template: string, values: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
