/**
 * The stats plugin's contracts (issue 19): the rollups' catalogue (what is counted, along which
 * dimensions), the dashboards' shape the server sends to the admin, and the person's own progress
 * the server sends to the site's cabinet. The rules that fill them live in stats.ts (facts → rollups)
 * and stats-figures.ts (percentiles, shares, growth).
 */
import type { BookingStatus } from './slots.ts';
import type { AgeGroup, ServiceFormat } from './statistics.ts';

export const STATS_SERVICES = ['consultation', 'testing'] as const;
export type StatsService = (typeof STATS_SERVICES)[number];
/** Where a result came from: the site's runner, a partner's platform (LTI or callback), a centre's desktop import. */
export const RESULT_ORIGINS = ['site', 'partner', 'desktop'] as const;
export type ResultOrigin = (typeof RESULT_ORIGINS)[number];

/**
 * The metrics the rollups keep (one row per period × metric × dim × value × region × locality ×
 * centre, with a count `n` and a sum `total`). `booking.<service>.<status>` counts bookings by the
 * day they are (or were) held; the others are described in the README's definitions.
 */
export type BookingMetric = `booking.${StatsService}.${BookingStatus}`;
export type StatsMetric =
  | BookingMetric
  | 'booking.afterTest'
  | `request.${string}`
  | 'test'
  | 'test.time'
  | 'item.time'
  | 'repeat'
  | 'repeat.scale'
  | 'recommendation'
  | 'first.recommendation'
  | 'first.consultation'
  | 'talent'
  | 'active';

/**
 * The dimensions a metric is sliced along; `all` has the one value ''. Composite dimensions join
 * their values with '|' (`ageFormat`: `age-12-15|online`; `time`: `<test>|<bucket seconds>` or
 * `<test>|<item>|<bucket seconds>`; `scale`: `<test>|<scale>|up|down|same`).
 */
export const STATS_DIMS = ['all', 'format', 'ageGroup', 'userType', 'staff', 'ageFormat', 'direction', 'source', 'status', 'service', 'time', 'scale'] as const;
export type StatsDim = (typeof STATS_DIMS)[number];

/** A place to narrow the figures to, within the staff member's scope (region → locality → centre). */
export type PlaceFilter = { region?: string; locality?: string; centre?: string };
export type PlaceLevel = 'country' | 'region' | 'locality' | 'centre';

export type StatsRole = 'admin' | 'curator' | 'coordinator' | 'specialist';

export const PANEL_IDS = [
  // the specialist's
  'consultations',
  'noShows',
  'recommendations',
  'afterTest',
  'ratings',
  // the coordinator's and the curator's
  'testsByPlace',
  'testsByAge',
  'testsByDirection',
  'servicesByFormat',
  'growth',
  'repeats',
  'testTime',
  'itemTime',
  'partnersShare',
] as const;
export type PanelId = (typeof PANEL_IDS)[number];

/** How a column's figures read: a name, a count, a share (0–1), seconds, score points. */
export type ColumnKind = 'label' | 'count' | 'share' | 'seconds' | 'points';
/** A column of a panel's table; the admin names it `column.<key>` from its catalogue. */
export type PanelColumn = { key: string; kind: ColumnKind };
/**
 * A row of a panel's table: its key, its label in the asked language (a region's, a test's name),
 * its figures by column key (null: not defined — no data to divide by), and where a click drills down.
 */
export type PanelRow = { key: string; label: string; values: Record<string, number | null>; drill?: PlaceFilter };
export type Panel = {
  id: PanelId;
  /** How the admin draws it; every chart is also shown as its table. */
  chart: 'bar' | 'stackedBar' | 'line' | 'pie' | 'table';
  columns: PanelColumn[];
  /** The columns the chart draws (of one kind); when left out, those of the first figure column's kind. The table shows every column. */
  series?: string[];
  rows: PanelRow[];
  total?: Record<string, number | null>;
  /** Why a panel has nothing yet (`ratings` until feedback is collected). */
  unavailable?: 'notCollected';
};

/** GET /stats/dashboard: the panels of the staff member's role, within their scope, for a period and a place. */
export type DashboardView = {
  role: StatsRole;
  period: { from: string; to: string };
  /** `names`: the place's names in the asked language (region, locality, centre), which the admin's breadcrumbs show; a code when left out. */
  place: PlaceFilter & { level: PlaceLevel; names?: PlaceFilter };
  /** Where the staff member may go: the regions of their scope (codes), null when the whole country. */
  regions: string[] | null;
  panels: Panel[];
};

/** GET /stats/summary: the home page's widgets — a few figures of the role over the last 30 days. */
export type SummaryFigure = { key: string; value: number | null; kind: ColumnKind };
export type SummaryView = { role: StatsRole; period: { from: string; to: string }; figures: SummaryFigure[] };

/** How a scale's score moved between a result and the previous result of the same test: `same` when by less than a point (the `repeat.scale` dim's last part). */
export const SCALE_MOVES = ['up', 'down', 'same'] as const;
export type ScaleMove = (typeof SCALE_MOVES)[number];

/** GET /api/stats/mine: the person's own progress in the cabinet (themselves, or their child's with ?child=). */
export type ProgressScale = { key: string; name: string; score: number };
export type ProgressDiagnostic = { test: string; testName: string; at: string; source: ResultOrigin; scales: ProgressScale[] };
export type ProgressRepeat = {
  test: string;
  testName: string;
  from: string;
  to: string;
  /** Each scale both results measured: delta = after − before (points 0–100), and how it moved (progress.ts `scaleMove`). */
  scales: Array<{ key: string; name: string; before: number; after: number; delta: number; move: ScaleMove }>;
};
export type ProgressView = {
  diagnostics: ProgressDiagnostic[];
  repeats: ProgressRepeat[];
  recommendations: Array<{ at: string; author: string; professions: string[] }>;
  consultations: {
    booked: number;
    delivered: number;
    noShows: number;
    list: Array<{ date: string; centre: string; format: ServiceFormat; status: BookingStatus }>;
  };
};

/** The published open statistics (GET /api/stats/open): cells under the threshold are null ("fewer than 5"). */
export const OPEN_THRESHOLD = 5;
export type OpenCell = {
  year: number;
  region: string;
  ageGroup: AgeGroup | 'all';
  format: ServiceFormat | 'all';
  consultations: number | null;
  tests: number | null;
};
export type OpenStatistics = { snapshotAt: string; threshold: number; years: number[]; regions: Array<{ code: string; kato: string }>; cells: OpenCell[] };
