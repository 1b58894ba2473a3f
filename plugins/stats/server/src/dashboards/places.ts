/**
 * Tests (and consultations delivered) by place, one level below the place asked: the regions of the
 * country, the localities of a region, the centres that served the people of a locality. A row
 * drills down to its place when that place lies within the staff member's scope (a coordinator sees
 * the people of other regions their centres served, but cannot narrow to those regions).
 */
import { placeLevel, type Panel, type PanelRow, type PlaceFilter } from '@qabilet/domain';
import { sumRollups, type Group } from './reads';
import { withinScope } from './scope';
import { byLabel, columns, word, type Frame } from './view';

const TESTS = 'test';
const CONSULTATIONS = 'booking.consultation.completed';

const COLUMN_OF = { country: 'region', region: 'locality', locality: 'centre', centre: 'centre' } as const;

export async function testsByPlace(f: Frame): Promise<Panel> {
  const level = placeLevel(f.place);
  const column = COLUMN_OF[level];
  const sums = await sumRollups(f.knex, {
    ...f,
    slices: [TESTS, CONSULTATIONS].map((metric) => ({ metric, dim: 'all' })),
    group: ['metric', column as Group],
  });
  const places = [...new Set(sums.map((s) => s[column]))];
  const label = (key: string) => {
    if (column === 'region') return f.names.regions.get(key) ?? (key || word(f, 'label.unknown'));
    if (column === 'locality') return f.names.localities.get(key)?.name ?? (key || word(f, 'label.unknown'));
    return f.names.centres.get(key) ?? (key || word(f, 'label.noCentre'));
  };
  const drillOf = (key: string): PlaceFilter | undefined => {
    if (!key || level === 'centre') return undefined;
    const target: PlaceFilter = { ...f.place, [column]: key };
    if (column === 'locality') target.region = f.names.localities.get(key)?.region ?? f.place.region;
    return withinScope(f.scope, target, f.names) ? target : undefined;
  };
  const rows: PanelRow[] = places.map((key) => {
    const of = (metric: string) => sums.filter((s) => s[column] === key && s.metric === metric).reduce((n, s) => n + s.n, 0);
    const drill = drillOf(key);
    return { key, label: label(key), values: { tests: of(TESTS), consultations: of(CONSULTATIONS) }, ...(drill ? { drill } : {}) };
  });
  const compare = byLabel(f);
  rows.sort((a, b) => (b.values.tests ?? 0) - (a.values.tests ?? 0) || compare(a.label, b.label));
  const sum = (metric: string) => sums.filter((s) => s.metric === metric).reduce((n, s) => n + s.n, 0);
  return {
    id: 'testsByPlace',
    chart: 'bar',
    columns: [columns.count('tests'), columns.count('consultations')],
    rows,
    total: { tests: sum(TESTS), consultations: sum(CONSULTATIONS) },
  };
}
