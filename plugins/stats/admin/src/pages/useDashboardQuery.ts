/**
 * The dashboard's period and place live in the address (`?from&to&region&locality&centre`), so that
 * the browser's back button walks back up a drill-down and a view can be bookmarked or shared.
 * The names of the places passed on the way down travel with the link (the row's label), for the
 * breadcrumbs, when the server does not name the place itself.
 */
import { useCallback, useMemo } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { queryOf } from '@qabilet/plugin-kit/admin';
import type { DashboardQuery, DashboardView, PlaceFilter } from '../api';
import type { Period } from '../utils/period';

const KEYS = ['from', 'to', 'region', 'locality', 'centre'] as const;
export const PLACE_LEVELS = ['region', 'locality', 'centre'] as const;

/** Where a link to a place goes, and the names it carries along. */
export type PlaceLink = { to: string; state: { names: PlaceFilter } };
/** A place's link; `label` names its narrowest level (the row that was chosen). */
export type LinkOf = (place: PlaceFilter, label?: string) => PlaceLink;

export function useDashboardQuery() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { state } = useLocation();
  const search = params.toString();
  const query = useMemo(() => {
    const read = new URLSearchParams(search);
    return Object.fromEntries(KEYS.flatMap((key) => (read.get(key) ? [[key, read.get(key)!]] : []))) as DashboardQuery;
  }, [search]);
  /** The same place (and the names carried to it) over another period. */
  const setPeriod = useCallback(({ from, to }: Period) => navigate(`?${queryOf({ ...query, from, to })}`, { state }), [navigate, query, state]);
  return { query, setPeriod };
}

/** The names of the place shown (the server's first, then those carried here) and the links to other places over the same period. */
export function usePlaceLinks(query: DashboardQuery, view: DashboardView | undefined): { names: PlaceFilter; linkOf: LinkOf } {
  const carried = (useLocation().state as PlaceLink['state'] | null)?.names;
  const names = useMemo(() => ({ ...carried, ...view?.place.names }), [carried, view]);
  const linkOf = useCallback<LinkOf>(
    (place, label) => {
      const levels = PLACE_LEVELS.filter((level) => place[level]);
      const kept: PlaceFilter = Object.fromEntries(levels.flatMap((level) => (names[level] ? [[level, names[level]]] : [])));
      const narrowest = levels.at(-1);
      if (label && narrowest) kept[narrowest] = label;
      return { to: `?${queryOf({ from: query.from, to: query.to, ...place })}`, state: { names: kept } };
    },
    [names, query.from, query.to],
  );
  return { names, linkOf };
}
