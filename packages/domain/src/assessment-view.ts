/**
 * What the assessment API sends, as the server's views build it and the site's islands and the
 * "Results" admin page read it (types only). Instants are ISO strings (UTC); texts are already in
 * the reader's language. Qabilet's own results carry an `attemptId`, those from outside (a
 * partner's test, a centre's desktop test database) a `statementId` and their `source`.
 */
import type { AnswerValue, PublicTest, TestKind } from './assessment.ts';
import type { Level, ScaleFit } from './fit.ts';
import type { ScaleScore } from './scoring.ts';

type Named = { slug: string; name: string };
/** A scale as the reader's language names it. */
export type ScaleName = { scale: string; name: string };
/** Where a result from outside Qabilet came from. */
export type ResultSource = { kind: 'partner' | 'desktop'; name: string };
export type ExternalScale = { scale: string; name: string; score: number; level: Level };

/** One line of `GET /api/assessment/tests`: a current test, with the person's running attempt and last result. */
export type TestSummaryView = {
  slug: string;
  kind: TestKind;
  title: string;
  summary: string;
  ageFrom: number;
  ageTo: number;
  timeLimitSeconds: number | null;
  profession: Named | null;
  items: number;
  version: number;
  running: { attemptId: number } | null;
  lastResult: { attemptId: number; finishedAt: string } | null;
};

export type SavedAnswer = { item: string; value: AnswerValue; seq: number; timeMs: number };

/** An attempt as the runner needs it; `answers` only while it runs. */
export type AttemptView = {
  id: number;
  status: 'running' | 'finished';
  version: number;
  test: PublicTest;
  startedAt: string;
  deadline: string | null;
  extraTimePercent: number;
  /** The server's clock, so the runner can tell how far the device's is off. */
  now: string;
  answers: SavedAnswer[];
  position: { item: string } | null;
  lastSeq: number;
};

/** What a batch of answers did (`POST …/answers`). */
export type AnswersSaved = { stored: number; unchanged: number; stale: number; answered: number; lastSeq: number };

export type ScaleResultView = ScaleScore & { name: string; high: string; low: string; level: Level };

/** A finished attempt's result, compared with the person's previous one of the same test. */
export type ResultView = {
  attemptId: number;
  test: { slug: string; kind: TestKind; title: string; profession: Named | null };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  itemTimeMs: number;
  answered: number;
  total: number;
  scales: ScaleResultView[];
  /** Scales none of whose items was answered: named apart, not shown as a low score. */
  unmeasured: ScaleName[];
  items: Array<{ item: string; timeMs: number }>;
  previous: { attemptId: number; finishedAt: string } | null;
  comparison: Array<{ scale: string; name: string; before: number; after: number; change: number }> | null;
};

/** A profession with its % fit and the sentence that explains it. */
export type RecommendationView = {
  profession: { slug: string; name: string; summary: string; icon: string; sector: string };
  fit: number;
  interests: number | null;
  professionTest: number | null;
  explanation: string;
  scales: Array<ScaleFit & { name: string }>;
  specialties: Array<{ key: string; name: string; level: string; code: string | null }>;
  /** `locality` and `website` are '' when the catalogue has none. */
  institutions: Array<{ slug: string; name: string; locality: string; website: string }>;
  professionTestSlug: string | null;
};

/** `GET /api/assessment/fit/:profession` (not wrapped in `data` alone: it says what is missing). */
export type FitAnswer = {
  data: RecommendationView | null;
  missing: Array<'interests' | 'professionTest'>;
  professionTestSlug: string | null;
};

/** A specialist's note on a person. */
export type NoteView = { id: number; text: string; author: string; createdAt: string; professions: Named[] };

/** A result from outside Qabilet: the common result model's statement, in the reader's language. */
export type StatementView = { id: string; test: { key: string; title: string }; source: ResultSource; finishedAt: string; scales: ExternalScale[] };

/** A line of the profile's list of results: one of Qabilet's attempts, or a statement from outside. */
export type ProfileResult =
  | { attemptId: number; statementId: null; slug: string; title: string; kind: TestKind; finishedAt: string; source: null; scales: null }
  | {
      attemptId: null;
      statementId: string;
      slug: string;
      title: string;
      kind: ResultSource['kind'];
      finishedAt: string;
      source: ResultSource;
      scales: ExternalScale[];
    };

export type ProfileView = {
  /** Each scale's latest score, from an attempt (`attemptId`) or a statement (`statementId`, `source`). */
  scales: Array<{
    scale: string;
    name: string;
    score: number;
    level: Level;
    attemptId: number | null;
    statementId: string | null;
    source: ResultSource | null;
    finishedAt: string;
  }>;
  inclinations: ScaleName[];
  strengths: ScaleName[];
  load: { level: Level; text: string } | null;
  recommendations: RecommendationView[];
  notes: NoteView[];
  results: ProfileResult[];
};

export type PreferencesView = { extraTimePercent: number };

/** Someone in a staff member's scope who has taken a test (`GET /assessment/people`). */
export type AssessedPerson = {
  kind: 'user' | 'child';
  id: number;
  name: string;
  /** The region's code (`KZ-39`). */
  region: string;
  age: number;
  lastFinishedAt: string;
  attempts: number;
};
export type PeoplePage = { data: AssessedPerson[]; meta: { page: number; pageSize: number; total: number } };

/** A person's card for staff (`GET /assessment/people/:kind/:id`). */
export type PersonCardView = {
  person: Pick<AssessedPerson, 'kind' | 'id' | 'name' | 'region' | 'age'>;
  profile: ProfileView;
  results: ResultView[];
  external: StatementView[];
};
