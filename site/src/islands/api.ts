/**
 * The islands' way to the CMS: same-origin /api/… (the site's server or nginx passes it on).
 * The session lives in an httpOnly refresh cookie that page scripts cannot read; the short-lived
 * access token is kept in this module's memory only and renewed from the cookie when needed.
 */
import { claimDevice, clearRunnerData } from './runner-store';

export type FieldError = { path: string[]; message: string; code?: string };
export class ApiError extends Error {
  readonly status: number;
  readonly fields: FieldError[];
  /** The error's `details` as the server sent them (a code, the nearest free slots…). */
  readonly details: Record<string, unknown>;
  constructor(status: number, message: string, fields: FieldError[], details: Record<string, unknown> = {}) {
    super(message);
    this.status = status;
    this.fields = fields;
    this.details = details;
  }
}

let accessToken: string | undefined;

type CallInit = Omit<RequestInit, 'headers'> & { json?: unknown; language: string; auth?: boolean; headers?: Record<string, string> };

async function call<T>(path: string, init: CallInit): Promise<T> {
  const headers: Record<string, string> = { ...init.headers, 'Accept-Language': init.language, Accept: 'application/json' };
  if (init.json !== undefined) headers['Content-Type'] = 'application/json';
  if (init.auth && accessToken) headers.Authorization = `Bearer ${accessToken}`;
  const response = await fetch(path, {
    ...init,
    headers,
    credentials: 'same-origin',
    body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
  });
  if (response.status === 204) return undefined as T;
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiError(response.status, error.message ?? response.statusText, error.details?.errors ?? [], error.details ?? {});
  }
  return body as T;
}

export const api = {
  post: <T>(path: string, json: unknown, language: string) => call<T>(path, { method: 'POST', json, language }),
  get: <T>(path: string, language: string) => call<T>(path, { method: 'GET', language }),
};

export async function logIn(identifier: string, password: string, language: string): Promise<void> {
  const result = await call<{ jwt: string; user?: { id?: unknown } }>('/api/auth/local', { method: 'POST', json: { identifier, password }, language });
  accessToken = result.jwt;
  // The test runner's copies of another account (whose session ended without logging out) go.
  if (Number.isInteger(result.user?.id)) claimDevice(result.user!.id as number);
}

export function setAccessToken(token: string): void {
  accessToken = token;
}

/** Renews the access token from the refresh cookie; false when there is no session. */
export async function resume(language: string): Promise<boolean> {
  try {
    const result = await call<{ jwt: string }>('/api/auth/refresh', { method: 'POST', json: {}, language });
    accessToken = result.jwt;
    return true;
  } catch {
    accessToken = undefined;
    return false;
  }
}

/** A call as the logged-in user; one renewal from the cookie if the access token has expired. */
export async function authed<T>(path: string, language: string, init: { method?: string; json?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const request = { method: init.method ?? 'GET', json: init.json, headers: init.headers, language, auth: true };
  try {
    return await call<T>(path, request);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401 && (await resume(language))) {
      return call<T>(path, request);
    }
    throw error;
  }
}

export async function logOut(language: string): Promise<void> {
  await call('/api/auth/logout', { method: 'POST', json: {}, language, auth: true }).catch(() => undefined);
  accessToken = undefined;
  // Nothing personal stays on the device: the test runner's copies of attempts go too.
  clearRunnerData();
}
