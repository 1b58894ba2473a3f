import type { Locale } from '../i18n';

/** A `YYYY-MM-DD` date written the way each language writes dates ("12 қыркүйек 2026"). */
export function formatDate(locale: Locale, isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year!, month! - 1, day!));
}
