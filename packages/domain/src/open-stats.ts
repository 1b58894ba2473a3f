/**
 * The open regional statistics (R-CMS-3, issue 19): consultations delivered and tests taken, by
 * year × region × age group × format, with every "all" margin and the country's total, published
 * so that no child can be identified.
 *
 * The rule, for each year and each measure (consultations, tests) on its own:
 * 1. Primary suppression: a cell of 1–4 is not published (null, "fewer than 5"); 0 is published.
 * 2. Every cell lies on three lines, each of which is a sum: the regions add up to the country, the
 *    age groups to "all ages", the formats to "online and at a centre". A line with exactly one
 *    hidden cell would give it away by subtraction, so another cell of that line is hidden too —
 *    its smallest published non-zero cell, one with fewer "all" margins on a tie — until no line
 *    holds exactly one hidden cell (complementary suppression).
 * 3. Lines taken together could still pin a hidden cell down (x + y known on one line, y + z and
 *    x − z on others). The table's equations are solved for the hidden cells (Gaussian
 *    elimination); while any hidden cell is determined by them, the smallest published non-zero
 *    cell of one of its lines is hidden too, and step 2 runs again.
 * Only people whose region, age group and format are known are counted: the margins are the sums
 * of the published table's cells, so every line adds up.
 */
import { AGE_GROUPS, SERVICE_FORMATS, type AgeGroup, type ServiceFormat } from './statistics.ts';
import { OPEN_THRESHOLD, type OpenCell } from './stats-view.ts';

/** The country's code among the regions: its cells are the sums of the regions'. */
export const COUNTRY = 'KZ';
export const OPEN_MEASURES = ['consultations', 'tests'] as const;
export type OpenMeasure = (typeof OPEN_MEASURES)[number];

/** A count before publishing: one year, region, age group and format. */
export type OpenCount = { year: number; region: string; ageGroup: AgeGroup; format: ServiceFormat; consultations: number; tests: number };

/** A line of a table: its members add up to its total (indexes into the table's cells). */
export type Line = { members: readonly number[]; total: number };

const cellsOf = (line: Line) => [...line.members, line.total];

/** Whether the line equations determine a hidden cell: the hidden cells they pin down. */
export function determinedCells(hidden: readonly boolean[], lines: readonly Line[]): number[] {
  const unknowns = hidden.flatMap((h, i) => (h ? [i] : []));
  const column = new Map(unknowns.map((cell, j) => [cell, j]));
  // One equation per line holding a hidden cell: Σ hidden members − hidden total = published part.
  const rows: number[][] = [];
  for (const line of lines) {
    const row = new Array<number>(unknowns.length).fill(0);
    let any = false;
    for (const m of line.members)
      if (hidden[m]) {
        row[column.get(m)!]! += 1;
        any = true;
      }
    if (hidden[line.total]) {
      row[column.get(line.total)!]! -= 1;
      any = true;
    }
    if (any) rows.push(row);
  }
  // Reduced row echelon form: a hidden cell is determined when a row is its unit vector.
  const EPS = 1e-9;
  let pivotRow = 0;
  for (let col = 0; col < unknowns.length && pivotRow < rows.length; col++) {
    let best = pivotRow;
    for (let r = pivotRow + 1; r < rows.length; r++) if (Math.abs(rows[r]![col]!) > Math.abs(rows[best]![col]!)) best = r;
    if (Math.abs(rows[best]![col]!) < EPS) continue;
    [rows[pivotRow], rows[best]] = [rows[best]!, rows[pivotRow]!];
    const pivot = rows[pivotRow]!;
    const scale = pivot[col]!;
    for (let c = col; c < pivot.length; c++) pivot[c]! /= scale;
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const factor = row[col]!;
      if (r === pivotRow || Math.abs(factor) < EPS) continue;
      for (let c = col; c < row.length; c++) row[c]! -= factor * pivot[c]!;
    }
    pivotRow++;
  }
  return rows.flatMap((row) => {
    const nonZero = row.flatMap((v, j) => (Math.abs(v) > EPS ? [j] : []));
    return nonZero.length === 1 ? [unknowns[nonZero[0]!]!] : [];
  });
}

/**
 * Which cells of a table to hide (steps 1–3 above). `weight(cell)` orders the candidates of equal
 * value for complementary suppression (the number of "all" margins of the cell: the margins are the
 * figures people look for first).
 */
export function suppress(values: readonly number[], lines: readonly Line[], weight: (cell: number) => number = () => 0, threshold = OPEN_THRESHOLD): boolean[] {
  const hidden = values.map((v) => v > 0 && v < threshold);
  const linesOf = new Map<number, Line[]>();
  for (const line of lines) for (const cell of cellsOf(line)) linesOf.set(cell, [...(linesOf.get(cell) ?? []), line]);
  const cheapest = (cells: readonly number[]) =>
    cells.filter((c) => !hidden[c] && values[c]! > 0).sort((a, b) => values[a]! - values[b]! || weight(a) - weight(b) || a - b)[0];

  const closeLines = () => {
    for (let changed = true; changed;) {
      changed = false;
      for (const line of lines) {
        const cells = cellsOf(line);
        if (cells.filter((c) => hidden[c]).length !== 1) continue;
        const other = cheapest(cells);
        // A line with one hidden cell always has a published non-zero one: the hidden cell is a
        // member (the total is at least as large) or the total (some member is non-zero).
        if (other === undefined) continue;
        hidden[other] = true;
        changed = true;
      }
    }
  };

  closeLines();
  for (let pinned = determinedCells(hidden, lines); pinned.length; pinned = determinedCells(hidden, lines)) {
    const cell = pinned[0]!;
    const other = cheapest((linesOf.get(cell) ?? []).flatMap(cellsOf)) ?? cheapest(values.map((_, i) => i));
    if (other === undefined) break;
    hidden[other] = true;
    closeLines();
  }
  return hidden;
}

/** The open cells of one year: regions (and the country) × age groups (and all) × formats (and all). */
export function openCells(counts: readonly OpenCount[], regions: readonly string[], threshold = OPEN_THRESHOLD): OpenCell[] {
  const places = [...regions.filter((r) => r !== COUNTRY), COUNTRY];
  const ages = [...AGE_GROUPS, 'all'] as const;
  const formats = [...SERVICE_FORMATS, 'all'] as const;
  const [R, A, F] = [places.length, ages.length, formats.length];
  const at = (r: number, a: number, f: number) => (r * A + a) * F + f;
  const lines: Line[] = [];
  for (let a = 0; a < A; a++) for (let f = 0; f < F; f++) lines.push({ members: places.slice(0, -1).map((_, r) => at(r, a, f)), total: at(R - 1, a, f) });
  for (let r = 0; r < R; r++) for (let f = 0; f < F; f++) lines.push({ members: AGE_GROUPS.map((_, a) => at(r, a, f)), total: at(r, A - 1, f) });
  for (let r = 0; r < R; r++) for (let a = 0; a < A; a++) lines.push({ members: SERVICE_FORMATS.map((_, f) => at(r, a, f)), total: at(r, a, F - 1) });
  const margins = (cell: number) => {
    const f = cell % F;
    const a = Math.floor(cell / F) % A;
    const r = Math.floor(cell / (F * A));
    return Number(r === R - 1) + Number(a === A - 1) + Number(f === F - 1);
  };

  const years = [...new Set(counts.map((c) => c.year))].sort((x, y) => y - x);
  const placeIndex = new Map(places.slice(0, -1).map((code, i) => [code, i]));
  return years.flatMap((year) => {
    const published = Object.fromEntries(
      OPEN_MEASURES.map((measure) => {
        const values = new Array<number>(R * A * F).fill(0);
        for (const count of counts) {
          const r = placeIndex.get(count.region);
          const a = AGE_GROUPS.indexOf(count.ageGroup);
          const f = SERVICE_FORMATS.indexOf(count.format);
          if (count.year !== year || r === undefined || a < 0 || f < 0) continue;
          // The cell and each of its margins (the country, all ages, all formats, and their crossings).
          for (const rr of [r, R - 1]) for (const aa of [a, A - 1]) for (const ff of [f, F - 1]) values[at(rr, aa, ff)]! += count[measure];
        }
        const hidden = suppress(values, lines, margins, threshold);
        return [measure, values.map((v, i) => (hidden[i] ? null : v))];
      }),
    ) as Record<OpenMeasure, Array<number | null>>;
    return places.flatMap((region, r) =>
      ages.flatMap((ageGroup, a) =>
        formats.map((format, f) => ({
          year,
          region,
          ageGroup,
          format,
          consultations: published.consultations[at(r, a, f)]!,
          tests: published.tests[at(r, a, f)]!,
        })),
      ),
    );
  });
}
