/** Dates as the registry's pages show them (in Kazakhstan's time, as the centres keep it). */
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';

export function useFormat() {
  const { formatDate } = useIntl();
  const date = useCallback(
    (iso: string) =>
      formatDate(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso), { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric' }),
    [formatDate],
  );
  const dateTime = useCallback(
    (iso: string) => formatDate(new Date(iso), { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    [formatDate],
  );
  return useMemo(() => ({ date, dateTime }), [date, dateTime]);
}
