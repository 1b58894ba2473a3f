/**
 * The assessment plugin's content API (plugins/assessment/README.md) as the islands use it, and
 * the one place that turns its failures into the situations the pages explain.
 */
import type { AnswerValue, PublicTest, TestKind } from '@qabilet/domain';
import { api, authed, ApiError, setAccessToken } from './api';

export type { AnswerValue, PublicTest, PublicItem, TestKind } from '@qabilet/domain';

export type Level = 'low' | 'medium' | 'high';

export type TestSummary = {
  slug: string;
  kind: TestKind;
  title: string;
  summary: string;
  ageFrom: number;
  ageTo: number;
  timeLimitSeconds: number | null;
  profession: { slug: string; name: string } | null;
  items: number;
  version: number;
  running: { attemptId: number } | null;
  lastResult: { attemptId: number; finishedAt: string } | null;
};

export type ServerAnswer = { item: string; value: AnswerValue; seq: number; timeMs: number };
export type AnswerIn = ServerAnswer & { answeredAt: string };
export type Position = { item: string };

export type Attempt = {
  id: number;
  status: 'running' | 'finished';
  version: number;
  test: PublicTest;
  startedAt: string;
  deadline: string | null;
  extraTimePercent: number;
  now: string;
  answers: ServerAnswer[];
  position: Position | null;
  lastSeq: number;
};

export type Stored = { stored: number; unchanged: number; stale: number; answered: number; lastSeq: number };

export type ScaleResult = {
  scale: string; name: string; high: string; low: string; raw: number; min: number; max: number; percent: number;
  percentile: number | null; score: number; level: Level; answered: number; items: number;
};

export type Result = {
  attemptId: number;
  test: { slug: string; kind: TestKind; title: string; profession: { slug: string; name: string } | null };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  itemTimeMs: number;
  answered: number;
  total: number;
  scales: ScaleResult[];
  items: Array<{ item: string; timeMs: number }>;
  previous: { attemptId: number; finishedAt: string } | null;
  comparison: Array<{ scale: string; name: string; before: number; after: number; change: number }> | null;
};

export type Recommendation = {
  profession: { slug: string; name: string; summary: string; icon: string; sector: string };
  fit: number;
  interests: number | null;
  professionTest: number | null;
  explanation: string;
  scales: Array<{ scale: string; name: string; person: number; profession: number; weight: number; loss: number; gain: number }>;
  specialties: Array<{ key: string; name: string; level: string; code: string | null }>;
  institutions: Array<{ slug: string; name: string; locality: string | null; website: string | null }>;
  professionTestSlug: string | null;
};

/** Where a result came from: Qabilet's own test (null), a partner's, or a centre's desktop test. */
export type Source = { kind: 'partner' | 'desktop'; name: string } | null;

export type Profile = {
  /** A scale from one of Qabilet's attempts has its `attemptId`; one from outside, its `statementId`. */
  scales: Array<{ scale: string; name: string; score: number; level: Level; attemptId?: number | null; statementId?: string | null; finishedAt: string; source?: Source }>;
  inclinations: Array<{ scale: string; name: string }>;
  strengths: Array<{ scale: string; name: string }>;
  load: { level: Level; text: string } | null;
  recommendations: Recommendation[];
  notes: Array<{ id: number; text: string; professions: Array<{ slug: string; name: string }>; author: string; createdAt: string }>;
  /** Qabilet's own results have their `attemptId`; those from outside, their `statementId`, `source` (and `kind`: the source's). */
  results: Array<{ attemptId?: number | null; statementId?: string | null; slug: string; title: string; kind?: TestKind | 'partner' | 'desktop'; finishedAt: string; source?: Source }>;
};

/** A result from outside Qabilet (a partner's test, a centre's desktop test): the common result model's statement. */
export type Statement = {
  id: string;
  test: { title: string };
  source: { kind: 'partner' | 'desktop'; name: string };
  finishedAt: string;
  scales: Array<{ scale: string; name: string; score: number; level: Level }>;
};

export type Child = { documentId: string; firstName: string; surname: string; age: number };
export type Account = {
  profile: { id: number; userType: string; firstName: string; age: number };
  consent: { own: boolean; parentalNeeded: boolean; parental: boolean; servicesAllowed: boolean };
  children: Child[];
};

const BASE = '/api/assessment';
const withChild = (path: string, child?: string | null) => (child ? `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams({ child })}` : path);

export const loadAccount = (locale: string) => authed<Account>('/api/accounts/me', locale);
export const listTests = (locale: string, child?: string | null) => authed<{ data: TestSummary[] }>(withChild(`${BASE}/tests`, child), locale).then((r) => r.data);

/** The running attempt of a test (200) or a new one (201): both answer with the attempt. */
export const startAttempt = (test: string, child: string | null, locale: string) =>
  authed<{ data: Attempt }>(`${BASE}/attempts`, locale, { method: 'POST', json: child ? { test, child } : { test } }).then((r) => r.data);
export const getAttempt = (id: number, locale: string) => authed<{ data: Attempt }>(`${BASE}/attempts/${id}`, locale).then((r) => r.data);
export const sendAnswers = (id: number, answers: AnswerIn[], position: Position | null, locale: string) =>
  authed<{ data: Stored }>(`${BASE}/attempts/${id}/answers`, locale, { method: 'POST', json: position ? { answers, position } : { answers } }).then((r) => r.data);
export const finishAttempt = (id: number, answers: AnswerIn[], position: Position | null, locale: string) =>
  authed<{ data: Result }>(`${BASE}/attempts/${id}/finish`, locale, { method: 'POST', json: position ? { answers, position } : { answers } }).then((r) => r.data);
export const getResult = (id: number, locale: string) => authed<{ data: Result }>(`${BASE}/attempts/${id}/result`, locale).then((r) => r.data);
export const getStatement = (id: string, locale: string, child?: string | null) =>
  authed<{ data: Statement }>(withChild(`${BASE}/statements/${encodeURIComponent(id)}`, child), locale).then((r) => r.data);
export const getProfile = (locale: string, child?: string | null) => authed<{ data: Profile }>(withChild(`${BASE}/profile`, child), locale).then((r) => r.data);
export const getFit = (profession: string, locale: string, child?: string | null) =>
  authed<{ data: Recommendation | null; missing?: string[]; professionTestSlug?: string | null }>(withChild(`${BASE}/fit/${encodeURIComponent(profession)}`, child), locale);
/** The extra time of the person taking tests: the user, or the child they act for. */
export const getPreferences = (locale: string, child?: string | null) => authed<{ data: { extraTimePercent: number } }>(withChild(`${BASE}/preferences`, child), locale).then((r) => r.data);
export const setPreferences = (extraTimePercent: number, locale: string, child?: string | null) =>
  authed<{ data: { extraTimePercent: number } }>(`${BASE}/preferences`, locale, { method: 'PUT', json: { extraTimePercent, ...(child ? { child } : {}) } }).then((r) => r.data);

/**
 * Renews the access token from the refresh cookie, telling a missing session (log in again) from
 * a missing connection (go on from this device's copy and try again when it returns).
 */
export async function renewSession(locale: string): Promise<'ok' | 'loggedOut' | 'offline'> {
  try {
    const result = await api.post<{ jwt: string }>('/api/auth/refresh', {}, locale);
    setAccessToken(result.jwt);
    return 'ok';
  } catch (error) {
    return error instanceof ApiError && error.status < 500 ? 'loggedOut' : 'offline';
  }
}

/** The error's code (`consent.parental`, `attempt.finished`…), if the server gave one. */
export const codeOf = (error: unknown): string | undefined =>
  error instanceof ApiError && typeof error.details.code === 'string' ? error.details.code : undefined;

/** A field path as one string: the server may send `['answers', '3', 'value']` or `answers.3.value`. */
export const pathOf = (path: unknown): string => (Array.isArray(path) ? path.join('.') : String(path ?? ''));

export type Problem =
  | { kind: 'offline' }
  | { kind: 'unreachable' }
  | { kind: 'loggedOut' }
  | { kind: 'consent'; code: 'consent.missing' | 'consent.parental' | 'consent.child'; message: string }
  | { kind: 'other'; message: string; code?: string; status: number };

export function problemOf(error: unknown): Problem {
  if (!(error instanceof ApiError)) return { kind: typeof navigator !== 'undefined' && !navigator.onLine ? 'offline' : 'unreachable' };
  if (error.status === 401) return { kind: 'loggedOut' };
  const code = codeOf(error);
  if (error.status === 403) {
    const known = code === 'consent.parental' || code === 'consent.child' ? code : 'consent.missing';
    return { kind: 'consent', code: known, message: error.message };
  }
  if (error.status >= 500) return { kind: 'unreachable' };
  return { kind: 'other', message: error.message, code, status: error.status };
}

/** Whether the request may simply not have arrived (try again later) rather than been refused. */
export const isTransient = (error: unknown) => !(error instanceof ApiError) || error.status >= 500 || error.status === 401 || error.status === 429 || error.status === 408;
