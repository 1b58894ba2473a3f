import { useEffect, useId, useMemo, useState } from 'react';
import { AGE_GROUPS, SERVICE_FORMATS, type AgeGroup, type ServiceFormat } from '@qabilet/domain';
import { format, type Messages } from './Form';

export type MapRegion = { code: string; name: string; kind: 'oblast' | 'city'; d: string; x: number; y: number; centre: { name: string; href: string } | null };
/**
 * A published cell, compact for the page: [year, region index (-1: the country), age group index
 * (AGE_GROUPS, then 'all'), format index (SERVICE_FORMATS, then 'all'), consultations, tests],
 * a figure null when fewer than 5.
 */
export type CompactCell = [number, number, number, number, number | null, number | null];
type Measure = 'consultations' | 'tests';
type UsageFilter = { year: number; ageGroup: AgeGroup | 'all'; format: ServiceFormat | 'all' };

const STEPS = 5;
const ALL_AGES = AGE_GROUPS.length;
const ALL_FORMATS = SERVICE_FORMATS.length;

/**
 * The map of service usage (R-CMS-3), from the open statistics' published cells: every region is a
 * link to the centre that serves it, named with its figure ("fewer than 5" for a hidden cell, never
 * 0), so it can be reached with Tab and heard with a screen reader; the same figures are in the
 * table below, which is what the page shows before (or without) JavaScript.
 */
export default function UsageMap(props: {
  regions: MapRegion[];
  cells: CompactCell[];
  years: number[];
  width: number;
  height: number;
  locale: string;
  t: Messages;
}) {
  const { t, regions } = props;
  const id = useId().replace(/:/g, '');
  const [mounted, setMounted] = useState(false);
  const [filter, setFilter] = useState<UsageFilter>({ year: props.years[0] ?? 0, ageGroup: 'all', format: 'all' });
  const [measure, setMeasure] = useState<Measure>('consultations');
  const [active, setActive] = useState<string | null>(null);
  useEffect(() => setMounted(true), []);

  const lookup = useMemo(
    () => new Map(props.cells.map(([year, r, a, f, consultations, tests]) => [`${year}|${r}|${a}|${f}`, { consultations, tests }])),
    [props.cells],
  );
  const cellOf = (r: number) => {
    const a = filter.ageGroup === 'all' ? ALL_AGES : AGE_GROUPS.indexOf(filter.ageGroup);
    const f = filter.format === 'all' ? ALL_FORMATS : SERVICE_FORMATS.indexOf(filter.format);
    return lookup.get(`${filter.year}|${r}|${a}|${f}`) ?? { consultations: 0, tests: 0 };
  };
  const indexOf = new Map(regions.map((r, i) => [r.code, i]));
  const valueOf = (code: string, m: Measure = measure) => cellOf(indexOf.get(code) ?? -2)[m];
  const max = Math.max(1, ...regions.map((r) => valueOf(r.code) ?? 0));
  const step = (v: number | null) => (v === null ? 'qx' : v === 0 ? 'q0' : `q${Math.min(STEPS - 1, Math.floor((v / max) * STEPS))}`);
  const number = new Intl.NumberFormat(props.locale);
  const text = (v: number | null) => (v === null ? t['map.fewer']! : number.format(v));
  const measureLabel = t[`map.measure.${measure}`] ?? measure;
  const describe = (region: MapRegion) =>
    format(t['map.region'], { region: region.name, value: text(valueOf(region.code)), measure: measureLabel.toLocaleLowerCase(props.locale) }) +
    (region.centre ? ` ${format(t['map.servedBy'], { centre: region.centre.name })}` : '');
  const caption = format(t['map.caption'], {
    measure: measureLabel,
    year: filter.year,
    age: filter.ageGroup === 'all' ? t['map.age.all'] : t[`age.${filter.ageGroup}`],
    format: filter.format === 'all' ? t['map.format.all'] : t[`format.${filter.format}`],
  });
  // The country's own cell: the sum of every region's, published (or hidden) by the same rule.
  const total = cellOf(-1)[measure];
  const activeRegion = regions.find((r) => r.code === active);
  // A hidden cell (1–4) sorts between 0 and 5.
  const sorted = [...regions].sort((a, b) => (valueOf(b.code) ?? 2.5) - (valueOf(a.code) ?? 2.5));

  return (
    <div className="usage-map">
      {mounted ? (
        <form className="map-filters" aria-label={t['map.filters']} onSubmit={(e) => e.preventDefault()}>
          <div className="field">
            <label htmlFor={`${id}-year`}>{t['map.year']}</label>
            <select id={`${id}-year`} value={filter.year} onChange={(e) => setFilter({ ...filter, year: Number(e.target.value) })}>
              {props.years.map((y) => (
                <option key={y} value={y}>
                  {y}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-age`}>{t['map.age']}</label>
            <select id={`${id}-age`} value={filter.ageGroup} onChange={(e) => setFilter({ ...filter, ageGroup: e.target.value as UsageFilter['ageGroup'] })}>
              <option value="all">{t['map.age.all']}</option>
              {AGE_GROUPS.map((a) => (
                <option key={a} value={a}>
                  {t[`age.${a}`]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-format`}>{t['map.format']}</label>
            <select id={`${id}-format`} value={filter.format} onChange={(e) => setFilter({ ...filter, format: e.target.value as UsageFilter['format'] })}>
              <option value="all">{t['map.format.all']}</option>
              {SERVICE_FORMATS.map((f) => (
                <option key={f} value={f}>
                  {t[`format.${f}`]}
                </option>
              ))}
            </select>
          </div>
          <fieldset className="map-measure">
            <legend>{t['map.measure']}</legend>
            {(['consultations', 'tests'] as const).map((m) => (
              <label key={m} className="choice">
                <input type="radio" name={`${id}-measure`} value={m} checked={measure === m} onChange={() => setMeasure(m)} />
                {t[`map.measure.${m}`]}
              </label>
            ))}
          </fieldset>
        </form>
      ) : null}
      <p className="map-caption" id={`${id}-caption`} aria-live="polite">
        {caption}. {format(t['map.total'], { value: text(total) })}
      </p>
      <svg viewBox={`0 0 ${props.width} ${props.height}`} role="group" aria-labelledby={`${id}-caption`} className="map">
        <defs>
          <pattern id={`${id}-fewer`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="fewer-ground" />
            <line x1="0" y1="0" x2="0" y2="8" className="fewer-line" />
          </pattern>
        </defs>
        {regions.map((region) => {
          const shape = (
            <>
              <path
                d={region.d}
                fillRule="evenodd"
                className={`region ${step(valueOf(region.code))}`}
                fill={valueOf(region.code) === null ? `url(#${id}-fewer)` : undefined}
              />
              {region.kind === 'city' ? (
                <circle
                  cx={region.x}
                  cy={region.y}
                  r={11}
                  className={`region city ${step(valueOf(region.code))}`}
                  fill={valueOf(region.code) === null ? `url(#${id}-fewer)` : undefined}
                />
              ) : null}
            </>
          );
          const named = {
            'aria-label': describe(region),
            onFocus: () => setActive(region.code),
            onMouseEnter: () => setActive(region.code),
            onBlur: () => setActive(null),
          };
          return region.centre ? (
            <a key={region.code} href={region.centre.href} {...named}>
              {shape}
            </a>
          ) : (
            <g key={region.code} tabIndex={0} role="img" {...named}>
              {shape}
            </g>
          );
        })}
      </svg>
      <p className="map-active" aria-hidden="true">
        {activeRegion ? describe(activeRegion) : t['map.hint']}
      </p>
      <ol className="map-legend" aria-label={t['map.legend']}>
        {Array.from({ length: STEPS }, (_, i) => (
          <li key={i}>
            <span className={`swatch q${i}`} aria-hidden="true" /> {number.format(Math.round((max * i) / STEPS))}–
            {number.format(Math.round((max * (i + 1)) / STEPS))}
          </li>
        ))}
        <li>
          <span className="swatch qx" aria-hidden="true" /> {t['map.fewer']}
        </li>
      </ol>
      <table className="map-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t['map.table.region']}</th>
            <th scope="col">{t['map.measure.consultations']}</th>
            <th scope="col">{t['map.measure.tests']}</th>
            <th scope="col">{t['map.table.centre']}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((region) => (
            <tr key={region.code}>
              <th scope="row">{region.name}</th>
              <td>{text(valueOf(region.code, 'consultations'))}</td>
              <td>{text(valueOf(region.code, 'tests'))}</td>
              <td>{region.centre ? <a href={region.centre.href}>{region.centre.name}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
