import assert from 'node:assert/strict';
import { COUNTRY, determinedCells, OPEN_MEASURES, openCells, type Line, type OpenCount, type OpenMeasure } from './open-stats.ts';
import { AGE_GROUPS, SERVICE_FORMATS } from './statistics.ts';
import type { OpenCell } from './stats-view.ts';

const key = (c: Pick<OpenCell, 'year' | 'region' | 'ageGroup' | 'format'>) => `${c.year}/${c.region}/${c.ageGroup}/${c.format}`;

/** The lines a reader of the published table can add up, built from the cells' own names. */
function linesOf(cells: readonly OpenCell[]): string[][] {
  const lines = new Map<string, string[]>();
  const add = (line: string, cell: OpenCell) => lines.set(line, [...(lines.get(line) ?? []), key(cell)]);
  for (const cell of cells) {
    // Each line lists its members, then its total last.
    if (cell.region !== COUNTRY) add(`r ${cell.year} ${cell.ageGroup} ${cell.format}`, cell);
    if (cell.ageGroup !== 'all') add(`a ${cell.year} ${cell.region} ${cell.format}`, cell);
    if (cell.format !== 'all') add(`f ${cell.year} ${cell.region} ${cell.ageGroup}`, cell);
  }
  for (const cell of cells) {
    if (cell.region === COUNTRY) lines.get(`r ${cell.year} ${cell.ageGroup} ${cell.format}`)!.push(key(cell));
    if (cell.ageGroup === 'all') lines.get(`a ${cell.year} ${cell.region} ${cell.format}`)!.push(key(cell));
    if (cell.format === 'all') lines.get(`f ${cell.year} ${cell.region} ${cell.ageGroup}`)!.push(key(cell));
  }
  return [...lines.values()];
}

/** The attack: on any line with one unknown, it is the total minus the others (or their sum); repeated until nothing changes. */
function eliminate(cells: readonly OpenCell[], measure: OpenMeasure): Map<string, number> {
  const known = new Map(cells.filter((c) => c[measure] !== null).map((c) => [key(c), c[measure] as number]));
  const recovered = new Map<string, number>();
  const lines = linesOf(cells);
  for (let progress = true; progress;) {
    progress = false;
    for (const line of lines) {
      const unknown = line.filter((k) => !known.has(k));
      if (unknown.length !== 1) continue;
      const total = line[line.length - 1]!;
      const members = line.slice(0, -1);
      const value =
        unknown[0] === total
          ? members.reduce((s, k) => s + known.get(k)!, 0)
          : known.get(total)! - members.filter((k) => k !== unknown[0]).reduce((s, k) => s + known.get(k)!, 0);
      known.set(unknown[0]!, value);
      recovered.set(unknown[0]!, value);
      progress = true;
    }
  }
  return recovered;
}

/** The true value of every cell, added up here from the counts (not by the rule). */
function truth(counts: readonly OpenCount[], cell: OpenCell, measure: OpenMeasure): number {
  return counts
    .filter(
      (c) =>
        c.year === cell.year &&
        (cell.region === COUNTRY || c.region === cell.region) &&
        (cell.ageGroup === 'all' || c.ageGroup === cell.ageGroup) &&
        (cell.format === 'all' || c.format === cell.format),
    )
    .reduce((s, c) => s + c[measure], 0);
}

/** Checks a published table against its counts: exact where shown, 1–4 never shown, nothing recoverable. */
function assertSafe(counts: readonly OpenCount[], cells: readonly OpenCell[], context: string) {
  for (const measure of OPEN_MEASURES) {
    for (const cell of cells) {
      const value = truth(counts, cell, measure);
      if (cell[measure] !== null) assert.equal(cell[measure], value, `${context} ${measure} ${key(cell)} shown exactly`);
      if (value > 0 && value < 5) assert.equal(cell[measure], null, `${context} ${measure} ${key(cell)} = ${value} hidden`);
      if (value === 0) assert.equal(cell[measure], 0, `${context} ${measure} ${key(cell)}: zero is shown`);
    }
    assert.deepEqual([...eliminate(cells, measure).keys()], [], `${context} ${measure}: nothing recovered by subtraction`);
    // Nor by the lines taken together: the hidden cells solve to no single value.
    const index = new Map(cells.map((c, i) => [key(c), i]));
    const lines: Line[] = linesOf(cells).map((l) => ({ members: l.slice(0, -1).map((k) => index.get(k)!), total: index.get(l[l.length - 1]!)! }));
    assert.deepEqual(
      determinedCells(
        cells.map((c) => c[measure] === null),
        lines,
      ),
      [],
      `${context} ${measure}: no hidden cell solved by the lines together`,
    );
  }
}

const count = (region: string, ageGroup: OpenCount['ageGroup'], format: OpenCount['format'], consultations: number, tests = 0, year = 2026): OpenCount => ({
  year,
  region,
  ageGroup,
  format,
  consultations,
  tests,
});

describe('domain: open statistics (suppression under 5)', () => {
  const regions = ['KZ-71', 'KZ-75', 'KZ-79'];

  it('shows every combination with its margins and the country, 0 as 0', () => {
    const cells = openCells([count('KZ-71', 'age-12-15', 'online', 40, 12)], regions);
    assert.equal(cells.length, (regions.length + 1) * (AGE_GROUPS.length + 1) * (SERVICE_FORMATS.length + 1));
    const at = (region: string, ageGroup: string, format: string) => cells.find((c) => c.region === region && c.ageGroup === ageGroup && c.format === format)!;
    assert.deepEqual(at(COUNTRY, 'all', 'all'), { year: 2026, region: COUNTRY, ageGroup: 'all', format: 'all', consultations: 40, tests: 12 });
    assert.equal(at('KZ-75', 'all', 'all').consultations, 0);
    assert.equal(at('KZ-71', 'age-12-15', 'offline').tests, 0);
  });

  it('hides a count of 1–4 and, on each of its lines, another cell so that subtraction gives nothing away', () => {
    const counts = [
      count('KZ-71', 'age-12-15', 'online', 3),
      count('KZ-71', 'age-12-15', 'offline', 20),
      count('KZ-71', 'age-16-18', 'online', 9),
      count('KZ-75', 'age-12-15', 'online', 30),
      count('KZ-75', 'age-16-18', 'offline', 7),
    ];
    const cells = openCells(counts, regions);
    const at = (region: string, ageGroup: string, format: string) =>
      cells.find((c) => c.region === region && c.ageGroup === ageGroup && c.format === format)!.consultations;
    assert.equal(at('KZ-71', 'age-12-15', 'online'), null, '3 is fewer than 5');
    // Its format line (3 + 20 = 23), age line (3 + 9 = 12) and region line (3 + 30 = 33) each hide one more.
    assert.ok([at('KZ-71', 'age-12-15', 'offline'), at('KZ-71', 'age-12-15', 'all')].includes(null));
    assert.ok([at('KZ-71', 'age-16-18', 'online'), at('KZ-71', 'all', 'online')].includes(null));
    assert.ok([at('KZ-75', 'age-12-15', 'online'), at(COUNTRY, 'age-12-15', 'online')].includes(null));
    assert.equal(at(COUNTRY, 'all', 'all'), 69, 'the country total stays');
    assertSafe(counts, cells, 'example');
  });

  it('is beaten by subtraction with the small cells hidden alone (the attack works)', () => {
    const counts = [count('KZ-71', 'age-12-15', 'online', 3), count('KZ-71', 'age-12-15', 'offline', 20)];
    const naive = openCells(counts, regions, 5).map((c) => ({ ...c, consultations: truth(counts, c, 'consultations') }));
    const primaryOnly = naive.map((c) => ({ ...c, consultations: c.consultations > 0 && c.consultations < 5 ? null : c.consultations }));
    assert.equal(eliminate(primaryOnly, 'consultations').get(key({ year: 2026, region: 'KZ-71', ageGroup: 'age-12-15', format: 'online' })), 3);
  });

  it('keeps the years apart, newest first', () => {
    const cells = openCells([count('KZ-71', 'age-6-11', 'offline', 8, 0, 2025), count('KZ-79', 'age-6-11', 'offline', 2, 0, 2026)], regions);
    assert.deepEqual([...new Set(cells.map((c) => c.year))], [2026, 2025]);
    assert.equal(cells.find((c) => c.year === 2025 && c.region === COUNTRY && c.ageGroup === 'all' && c.format === 'all')!.consultations, 8);
  });

  it('leaves out counts of an unknown region (they are in no line)', () => {
    const cells = openCells([count('', 'age-6-11', 'offline', 8), count('KZ-71', 'age-6-11', 'offline', 6)], regions);
    assert.equal(cells.find((c) => c.region === COUNTRY && c.ageGroup === 'all' && c.format === 'all')!.consultations, 6);
  });

  it('never lets a hidden value be recovered, over many random tables', () => {
    // A seeded generator: the same tables on every run, so a failure can be replayed.
    let seed = 19;
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const small = () => pick([0, 0, 1, 1, 2, 3, 4, 5, 6, 9, 14, 40]);
    for (let run = 0; run < 120; run++) {
      const codes = ['KZ-10', 'KZ-11', 'KZ-15', 'KZ-19', 'KZ-23', 'KZ-27'].slice(0, 2 + Math.floor(random() * 5));
      const counts: OpenCount[] = [];
      const n = Math.floor(random() * 30);
      for (let i = 0; i < n; i++) counts.push(count(pick(codes), pick(AGE_GROUPS), pick(SERVICE_FORMATS), small(), small(), pick([2025, 2026])));
      assertSafe(counts, openCells(counts, codes), `run ${run}`);
    }
  });
});
