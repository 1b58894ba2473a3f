import { useEffect, useId, useMemo, useState } from 'react';
import { AGE_GROUPS, SERVICE_FORMATS, summariseByRegion, type StatisticRow, type UsageFilter } from '@qabilet/domain';
import { format, type Messages } from './Form';

export type MapRegion = { code: string; name: string; kind: 'oblast' | 'city'; d: string; x: number; y: number; centre: { name: string; href: string } | null };
/** [year, region index, age group index, format index, consultations, tests]: compact for the page. */
export type CompactRow = [number, number, number, number, number, number];
type Measure = 'consultations' | 'tests';

const STEPS = 5;

/**
 * The map of service usage (R-CMS-3): every region is a link to the centre that serves it, named
 * with its figure, so it can be reached with Tab and heard with a screen reader; the same figures
 * are in the table below, which is what the page shows before (or without) JavaScript.
 */
export default function UsageMap(props: {
  regions: MapRegion[];
  rows: CompactRow[];
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

  const rows: StatisticRow[] = useMemo(
    () =>
      props.rows.map(([year, r, a, f, consultations, tests]) => ({
        year,
        region: regions[r]!.code,
        ageGroup: AGE_GROUPS[a]!,
        format: SERVICE_FORMATS[f]!,
        consultations,
        tests,
      })),
    [props.rows, regions],
  );
  const totals = useMemo(() => summariseByRegion(rows, filter), [rows, filter]);
  const value = (code: string) => totals.get(code)?.[measure] ?? 0;
  const max = Math.max(1, ...regions.map((r) => value(r.code)));
  const step = (v: number) => (v === 0 ? 0 : Math.min(STEPS - 1, Math.floor((v / max) * STEPS)));
  const number = new Intl.NumberFormat(props.locale);
  const measureLabel = t[`map.measure.${measure}`] ?? measure;
  const describe = (region: MapRegion) =>
    format(t['map.region'], { region: region.name, value: number.format(value(region.code)), measure: measureLabel.toLocaleLowerCase(props.locale) }) +
    (region.centre ? ` ${format(t['map.servedBy'], { centre: region.centre.name })}` : '');
  const caption = format(t['map.caption'], {
    measure: measureLabel,
    year: filter.year,
    age: filter.ageGroup === 'all' ? t['map.age.all'] : t[`age.${filter.ageGroup}`],
    format: filter.format === 'all' ? t['map.format.all'] : t[`format.${filter.format}`],
  });
  const total = regions.reduce((sum, r) => sum + value(r.code), 0);
  const activeRegion = regions.find((r) => r.code === active);
  const sorted = [...regions].sort((a, b) => value(b.code) - value(a.code));

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
        {caption}. {format(t['map.total'], { value: number.format(total) })}
      </p>
      <svg viewBox={`0 0 ${props.width} ${props.height}`} role="group" aria-labelledby={`${id}-caption`} className="map">
        {regions.map((region) => {
          const shape = (
            <>
              <path d={region.d} fillRule="evenodd" className={`region q${step(value(region.code))}`} />
              {region.kind === 'city' ? <circle cx={region.x} cy={region.y} r={11} className={`region city q${step(value(region.code))}`} /> : null}
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
              <td>{number.format(totals.get(region.code)?.consultations ?? 0)}</td>
              <td>{number.format(totals.get(region.code)?.tests ?? 0)}</td>
              <td>{region.centre ? <a href={region.centre.href}>{region.centre.name}</a> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
