/**
 * What the partners plugin sends to the "Partners" and "Imports" admin pages and to the cabinet's
 * partner tests (types only), as its server builds it. Instants are ISO strings (UTC). The
 * protocol answers to partners themselves (LTI, AGS, JWKS, the desktop push) follow their
 * standards and are not here.
 */
import type { Text } from './assessment.ts';
import type { ExternalScale } from './assessment-view.ts';

export type PartnerKind = 'lti' | 'callback' | 'desktop';
export type ScaleMap = { from: string; to: string; min: number; max: number };
export type PartnerTestConfig = { key: string; name: Text; url?: string; scales: ScaleMap[] };
/** What an LTI tool is told about the person (a signed redirect may carry nothing personal). */
export type Share = { name: boolean; email: boolean };
export type DesktopColumns = { externalId?: string; phone?: string; email?: string; bookingRef?: string; test?: string; takenAt: string };
export type LtiConfig = { loginUrl: string; launchUrl: string; redirectUris: string[]; jwksUrl: string; deploymentId: string; share: Share };
export type CallbackConfig = { share: Share };
export type DesktopConfig = { centre: string; columns: DesktopColumns };
export type PartnerConfig = LtiConfig | CallbackConfig | DesktopConfig;

/** A partner as the admin reads it (`/partners/partners…`). */
export type PartnerAdminView = {
  id: number;
  clientId: string;
  kind: PartnerKind;
  name: string;
  config: PartnerConfig;
  tests: PartnerTestConfig[];
  active: boolean;
  secretHint: string | null;
  createdAt: string;
  updatedAt: string;
  counts: { launches: number; results: number; refused: number };
};

/** What to give the partner: the platform's addresses and ids, those of other kinds null. */
export type PartnerPlatform = {
  issuer: string;
  clientId: string;
  deploymentId: string | null;
  authUrl: string | null;
  tokenUrl: string | null;
  jwksUrl: string;
  lineItemsUrl: string | null;
  callbackUrl: string | null;
  desktopUrl: string | null;
};

/** A line of the partner's log; `explanation` in the reader's language. */
export type PartnerEventView = { id: number; kind: string; outcome: 'ok' | 'refused'; code: string; explanation: string; detail: string | null; at: string };
export type PartnerEventPage = { data: PartnerEventView[]; meta: { page: number; pageSize: number; total: number } };

/** A scale a partner's scores may be mapped to. */
export type KnownScale = { key: string; name: Text };

/** A desktop test database's partner, as the "Imports" page reads it. */
export type DesktopPartnerView = {
  id: number;
  clientId: string;
  name: string;
  active: boolean;
  centre: string;
  columns: DesktopColumns;
  tests: PartnerTestConfig[];
};

/** A rejected row's problem in Strapi's error shape; `column` the file's header it came from. */
export type RowProblem = { path: string[]; message: string; code: string; column?: string };
/** What an imported file did, row by row (`row` is the file's line). */
export type ImportSummary = { rows: number; imported: number; queued: number; duplicates: number; rejected: Array<{ row: number; errors: RowProblem[] }> };

export type QueueCandidate = { kind: 'user' | 'child'; id: number; name: string };
export type QueuedRowView = {
  id: number;
  partnerId: number;
  fileName: string | null;
  createdAt: string;
  reason: string | null;
  explanation: string | null;
  /** The row as received (its phone and e-mail while it waits). */
  values: {
    externalId: string | null;
    phone: string | null;
    email: string | null;
    bookingRef: string | null;
    test: string;
    takenAt: string;
    scores: Record<string, number>;
  };
  candidates: QueueCandidate[];
};
export type QueuePage = { data: QueuedRowView[]; meta: { page: number; pageSize: number; total: number } };
export type QueueResolution = { id: number; status: 'discarded' } | { id: number; status: 'imported'; person: Pick<QueueCandidate, 'kind' | 'id'> };

/** A partner's test in the cabinet, with where the person stands with it. */
export type PartnerTestView = {
  partner: { clientId: string; name: string; kind: 'lti' | 'callback' };
  key: string;
  title: string;
  summary: string;
  status: 'available' | 'started' | 'completed';
  launchedAt: string | null;
  completedAt: string | null;
  result: { statementId: string; completedAt: string; scales: ExternalScale[] } | null;
};
