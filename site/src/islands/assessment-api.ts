/**
 * The assessment plugin's content API (plugins/assessment/README.md) as the islands use it, and
 * the one place that turns its failures into the situations the pages explain.
 */
import type {
  AnswersSaved as Stored,
  AttemptView as Attempt,
  FitAnswer,
  PreferencesView,
  ProfileView as Profile,
  RecommendationView as Recommendation,
  ResultView as Result,
  SavedAnswer as ServerAnswer,
  ScaleResultView as ScaleResult,
  StatementView as Statement,
  TestSummaryView as TestSummary,
} from '@qabilet/domain';
import type { AccountView } from '@qabilet/domain';
import { api, authed, ApiError, setAccessToken } from './api';

export type { AnswerValue, ExternalScale, PublicTest, PublicItem, TestKind, Level, ResultSource } from '@qabilet/domain';
/** What the API sends (packages/domain/src/assessment-view.ts), by the names the islands use. */
export type { Attempt, Profile, Recommendation, Result, ScaleResult, ServerAnswer, Statement, Stored, TestSummary };

/** An answer as the runner sends it: when it was given, on the device's clock. */
export type AnswerIn = ServerAnswer & { answeredAt: string };
export type Position = NonNullable<Attempt['position']>;

/** GET /api/accounts/me (packages/domain/src/account-view.ts). */
export type { AccountView as Account, ChildView as Child } from '@qabilet/domain';

const BASE = '/api/assessment';
const withChild = (path: string, child?: string | null) => (child ? `${path}${path.includes('?') ? '&' : '?'}${new URLSearchParams({ child })}` : path);

export const loadAccount = (locale: string) => authed<AccountView>('/api/accounts/me', locale);
export const listTests = (locale: string, child?: string | null) =>
  authed<{ data: TestSummary[] }>(withChild(`${BASE}/tests`, child), locale).then((r) => r.data);

/** The running attempt of a test (200) or a new one (201): both answer with the attempt. */
export const startAttempt = (test: string, child: string | null, locale: string) =>
  authed<{ data: Attempt }>(`${BASE}/attempts`, locale, { method: 'POST', json: child ? { test, child } : { test } }).then((r) => r.data);
export const getAttempt = (id: number, locale: string) => authed<{ data: Attempt }>(`${BASE}/attempts/${id}`, locale).then((r) => r.data);
export const sendAnswers = (id: number, answers: AnswerIn[], position: Position | null, locale: string) =>
  authed<{ data: Stored }>(`${BASE}/attempts/${id}/answers`, locale, { method: 'POST', json: position ? { answers, position } : { answers } }).then(
    (r) => r.data,
  );
export const finishAttempt = (id: number, answers: AnswerIn[], position: Position | null, locale: string) =>
  authed<{ data: Result }>(`${BASE}/attempts/${id}/finish`, locale, { method: 'POST', json: position ? { answers, position } : { answers } }).then(
    (r) => r.data,
  );
export const getResult = (id: number, locale: string) => authed<{ data: Result }>(`${BASE}/attempts/${id}/result`, locale).then((r) => r.data);
export const getStatement = (id: string, locale: string, child?: string | null) =>
  authed<{ data: Statement }>(withChild(`${BASE}/statements/${encodeURIComponent(id)}`, child), locale).then((r) => r.data);
export const getProfile = (locale: string, child?: string | null) => authed<{ data: Profile }>(withChild(`${BASE}/profile`, child), locale).then((r) => r.data);
export const getFit = (profession: string, locale: string, child?: string | null) =>
  authed<FitAnswer>(withChild(`${BASE}/fit/${encodeURIComponent(profession)}`, child), locale);
/** The extra time of the person taking tests: the user, or the child they act for. */
export const getPreferences = (locale: string, child?: string | null) =>
  authed<{ data: PreferencesView }>(withChild(`${BASE}/preferences`, child), locale).then((r) => r.data);
export const setPreferences = (extraTimePercent: number, locale: string, child?: string | null) =>
  authed<{ data: PreferencesView }>(`${BASE}/preferences`, locale, { method: 'PUT', json: { extraTimePercent, ...(child ? { child } : {}) } }).then(
    (r) => r.data,
  );

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
export const isTransient = (error: unknown) =>
  !(error instanceof ApiError) || error.status >= 500 || error.status === 401 || error.status === 429 || error.status === 408;
