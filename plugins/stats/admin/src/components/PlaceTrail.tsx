/**
 * Where the figures are from, as breadcrumbs: the country (or the staff member's regions), then the
 * region, the locality and the centre chosen. Each level above the current one is a link back up;
 * after a move the current place takes the focus, so that keyboard and screen-reader users hear
 * where they are instead of being left on a link that has gone.
 */
import { useEffect, useRef } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { Flex, Link, Typography } from '@strapi/design-system';
import { ChevronRight } from '@strapi/icons';
import type { DashboardView, PlaceFilter } from '../api';
import { PLACE_LEVELS, type LinkOf } from '../pages/useDashboardQuery';
import { useT } from '../utils/translations';

type Props = { view: DashboardView; names: PlaceFilter; linkOf: LinkOf };

export function PlaceTrail({ view, names, linkOf }: Props) {
  const t = useT();
  const { place } = view;
  const crumbs: Array<{ key: string; label: string; place: PlaceFilter }> = [
    { key: 'country', label: t(view.regions === null ? 'place.country' : 'place.scope'), place: {} },
  ];
  let reached: PlaceFilter = {};
  for (const level of PLACE_LEVELS) {
    const code = place[level];
    if (!code) continue;
    reached = { ...reached, [level]: code };
    crumbs.push({ key: level, label: names[level] ?? code, place: reached });
  }
  const current = useRef<HTMLSpanElement>(null);
  const where = crumbs.map((c) => c.label).join('/');
  const first = useRef(where);
  useEffect(() => {
    if (where !== first.current) current.current?.focus();
  }, [where]);
  return (
    <nav aria-label={t('place.label')}>
      <Flex tag="ol" gap={1} wrap="wrap" alignItems="center">
        {crumbs.map((crumb, i) => (
          <Flex tag="li" key={crumb.key} gap={1} alignItems="center">
            {i > 0 && <ChevronRight aria-hidden width="1.2rem" height="1.2rem" fill="neutral600" />}
            {i < crumbs.length - 1 ? (
              <Link tag={RouterLink} {...linkOf(crumb.place)}>
                {crumb.label}
              </Link>
            ) : (
              <Typography ref={current} tabIndex={-1} aria-current="location" fontWeight="bold" textColor="neutral800">
                {crumb.label}
              </Typography>
            )}
          </Flex>
        ))}
      </Flex>
    </nav>
  );
}
