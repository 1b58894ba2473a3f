/**
 * The partners plugin's content API (plugins/partners/CONTRACT.md, "HTTP — site") as the cabinet
 * uses it: the partners' tests with their status and last result, and the launch that sends the
 * person to the partner's site with a signed token.
 */
import { ApiError, authed } from './api';
import type { PartnerTestView as PartnerTest } from '@qabilet/domain';
import { problemOf, type Problem } from './assessment-api';

/** A partner's test as the API sends it (packages/domain/src/partners-view.ts). */
export type { PartnerTest };
export type PartnerStatus = PartnerTest['status'];

const BASE = '/api/partners';

export const listPartnerTests = (locale: string, child?: string | null) =>
  authed<{ data: PartnerTest[] }>(`${BASE}/tests${child ? `?${new URLSearchParams({ child })}` : ''}`, locale).then((r) => r.data);

/** A launch: the URL of the partner's test, with a token valid for a few minutes. */
export const launchPartnerTest = (partner: string, test: string, child: string | null, locale: string) =>
  authed<{ data: { url: string } }>(`${BASE}/launches`, locale, { method: 'POST', json: child ? { partner, test, child } : { partner, test } }).then(
    (r) => r.data,
  );

/**
 * A refusal in the server's own words: a refused field's messages (already in the page's
 * language) say more than the error's summary.
 */
export function partnerProblemOf(error: unknown): Problem {
  const found = problemOf(error);
  if (found.kind === 'other' && error instanceof ApiError && error.fields.length) {
    return {
      ...found,
      message:
        error.fields
          .map((f) => f.message)
          .filter(Boolean)
          .join(' ') || found.message,
    };
  }
  return found;
}

/**
 * Which launch the person came back from. The partner sends them back to the tests page with only
 * the partner and the test in the address (nothing personal); whom the test was for — the account
 * holder or one of their children — stays in this tab from the moment of leaving.
 */
const RETURN_KEY = 'qabilet.partners.launch';
export type Return = { partner: string; test: string; child: string | null };

export function rememberLaunch(launch: Return): void {
  try {
    sessionStorage.setItem(RETURN_KEY, JSON.stringify(launch));
  } catch {
    // Storage refused (a private window's quota): coming back shows the account holder's tests.
  }
}

export function returnedFrom(search: string): Return | null {
  const params = new URLSearchParams(search);
  const partner = params.get('partner');
  const test = params.get('test');
  if (!partner || !test) return null;
  let child: string | null = null;
  try {
    const kept = JSON.parse(sessionStorage.getItem(RETURN_KEY) ?? 'null') as Partial<Return> | null;
    if (kept && kept.partner === partner && kept.test === test && typeof kept.child === 'string') child = kept.child;
  } catch {
    // Nothing kept: the account holder's own tests.
  }
  return { partner, test, child };
}
