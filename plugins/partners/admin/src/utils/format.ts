/** Times as the pages show them (in Kazakhstan's time, as the centres keep it), and texts in the page's language. */
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { catalogueLocale } from '@qabilet/plugin-kit/admin';
import type { Instant, Text } from '../api';

/** An instant as the server sends it: epoch milliseconds (as a number or in a string), or an ISO string. */
const instant = (at: Instant) => new Date(typeof at === 'string' && /^\d+$/.test(at) ? Number(at) : at);

const DAY: Intl.DateTimeFormatOptions = { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric' };
const DAY_AND_TIME: Intl.DateTimeFormatOptions = { ...DAY, hour: '2-digit', minute: '2-digit', second: '2-digit' };

export function useFormat() {
  const { formatDate, locale } = useIntl();
  const date = useCallback((at: Instant) => formatDate(instant(at), DAY), [formatDate]);
  const dateTime = useCallback((at: Instant) => formatDate(instant(at), DAY_AND_TIME), [formatDate]);
  /** A text kept in three languages, in the page's one (or the first one filled). */
  const text = useCallback((value: Partial<Text> | undefined) => value?.[catalogueLocale(locale)] || value?.ru || value?.kk || value?.en || '', [locale]);
  return useMemo(() => ({ date, dateTime, text }), [date, dateTime, text]);
}
