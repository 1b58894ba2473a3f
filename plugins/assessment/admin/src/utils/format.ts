/** Dates, durations and places as the pages show them (dates in Kazakhstan's time, as the centres keep it). */
import { useCallback, useMemo } from 'react';
import { useIntl } from 'react-intl';
import { useRegions } from '@qabilet/plugin-kit/admin';
import type { Person } from '../api';
import { useT } from './translations';

export function useFormat() {
  const t = useT();
  const { formatDate } = useIntl();
  const date = useCallback(
    (iso: string) => formatDate(new Date(iso), { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric' }),
    [formatDate],
  );
  const dateTime = useCallback(
    (iso: string) => formatDate(new Date(iso), { timeZone: 'Asia/Almaty', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
    [formatDate],
  );
  const duration = useCallback(
    (ms: number) => {
      const seconds = Math.max(Math.round(ms / 1000), 0);
      const minutes = Math.floor(seconds / 60);
      return minutes > 0 ? t('duration.minutes', { minutes, seconds: seconds % 60 }) : t('duration.seconds', { seconds });
    },
    [t],
  );
  return useMemo(() => ({ date, dateTime, duration }), [date, dateTime, duration]);
}

/** The region's name, from the code the server gives (named from the public catalogue of regions once it has loaded). */
export function useRegionName() {
  const regions = useRegions();
  const names = useMemo(() => new Map(regions.map((r) => [r.code, r.name])), [regions]);
  return useCallback(
    (region: Person['region']): string | null => {
      if (!region) return null;
      return names.get(region) ?? region;
    },
    [names],
  );
}
