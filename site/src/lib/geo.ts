/**
 * Draws Kazakhstan's regions as SVG paths at build time, so the map needs no tile server and no
 * outside request. An equirectangular projection scaled by the cosine of the middle latitude is
 * close enough at this size.
 */
type Ring = Array<[number, number]>;
type Geometry = { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };

export const BOUNDS = { west: 46.4, east: 87.4, south: 40.5, north: 55.5 };
const COS = Math.cos(((BOUNDS.north + BOUNDS.south) / 2) * (Math.PI / 180));
export const WIDTH = 1000;
const SCALE = WIDTH / ((BOUNDS.east - BOUNDS.west) * COS);
export const HEIGHT = Math.round((BOUNDS.north - BOUNDS.south) * SCALE);

export function project(lon: number, lat: number): [number, number] {
  // Whole pixels: finer than the map is ever drawn, and half the bytes of one decimal.
  return [Math.round((lon - BOUNDS.west) * COS * SCALE), Math.round((BOUNDS.north - lat) * SCALE)];
}

function rings(geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates as Ring[];
  return (geometry.coordinates as Ring[][]).flat();
}

/** The SVG path of a region; holes (the cities inside their oblasts) are cut by the even-odd rule. */
export function pathOf(geometry: Geometry): string {
  return rings(geometry)
    .map((ring) => 'M' + ring.map(([lon, lat]) => project(lon, lat).join(' ')).join('L') + 'Z')
    .join('');
}

/** Where to put a region's label or marker: the middle of its largest ring's bounding box. */
export function anchorOf(geometry: Geometry): [number, number] {
  const outer = rings(geometry).reduce((a, b) => (b.length > a.length ? b : a));
  const lons = outer.map((p) => p[0]);
  const lats = outer.map((p) => p[1]);
  return project((Math.min(...lons) + Math.max(...lons)) / 2, (Math.min(...lats) + Math.max(...lats)) / 2);
}
