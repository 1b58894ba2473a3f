/** Times as the pages show them (in Kazakhstan's time, as the centres keep it), and texts in the page's language. */
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { catalogueLocale, type Instant, type Text } from '../api';

export function useFormat() {
  const { formatDate, locale } = useIntl();
  const date = useCallback(
    (at: Instant) =>
      formatDate(new Date(typeof at === 'string' && /^\d+$/.test(at) ? Number(at) : at), {
        timeZone: 'Asia/Almaty',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
      }),
    [formatDate],
  );
  const dateTime = useCallback(
    (at: Instant) =>
      formatDate(new Date(typeof at === 'string' && /^\d+$/.test(at) ? Number(at) : at), {
        timeZone: 'Asia/Almaty',
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      }),
    [formatDate],
  );
  /** A text kept in three languages, in the page's one (or the first one filled). */
  const text = useCallback((value: Partial<Text> | undefined) => value?.[catalogueLocale(locale)] || value?.ru || value?.kk || value?.en || '', [locale]);
  return useMemo(() => ({ date, dateTime, text }), [date, dateTime, text]);
}
