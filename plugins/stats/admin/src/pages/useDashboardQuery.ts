/**
 * The dashboard's period and place live in the address (`?from&to&region&locality&centre`), so that
 * the browser's back button walks back up a drill-down and a view can be bookmarked or shared.
 */
import { useCallback, useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { queryOf } from '@qabilet/plugin-kit/admin';
import type { DashboardQuery, PlaceFilter } from '../api';
import type { Period } from '../utils/period';

const KEYS = ['from', 'to', 'region', 'locality', 'centre'] as const;

export function useDashboardQuery() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const search = params.toString();
  const query = useMemo(() => {
    const read = new URLSearchParams(search);
    return Object.fromEntries(KEYS.flatMap((key) => (read.get(key) ? [[key, read.get(key)!]] : []))) as DashboardQuery;
  }, [search]);
  const period = useMemo(() => ({ from: query.from, to: query.to }), [query]);
  /** The address of a place over the same period. */
  const hrefOf = useCallback((place: PlaceFilter) => `?${queryOf({ ...period, ...place })}`, [period]);
  /** The same place over another period. */
  const setPeriod = useCallback(({ from, to }: Period) => navigate(`?${queryOf({ ...query, from, to })}`), [navigate, query]);
  return { query, hrefOf, setPeriod };
}
