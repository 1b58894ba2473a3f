/**
 * Partners as the other modules read them, their secrets, the event log and the scale mapping.
 */
import type { Core } from '@strapi/strapi';
import type { PartnerConfig, PartnerKind, PartnerTestConfig as PartnerTest, ScaleMap } from '@qabilet/domain';
import { decrypt } from './crypto';
import { EVENTS, PARTNERS, json, ms } from './tables';
import type { MessageKey } from './messages';

export type {
  CallbackConfig,
  DesktopColumns,
  DesktopConfig,
  LtiConfig,
  PartnerConfig,
  PartnerKind,
  ScaleMap,
  Share,
  PartnerTestConfig as PartnerTest,
} from '@qabilet/domain';

export type PartnerRow = {
  id: number;
  clientId: string;
  kind: PartnerKind;
  name: string;
  config: PartnerConfig;
  tests: PartnerTest[];
  active: boolean;
  secretHint: string | null;
  secretEnc: string | null;
  createdAt: number;
  updatedAt: number;
};

export function partnerOf(row: Record<string, unknown>): PartnerRow {
  return {
    id: Number(row.id),
    clientId: String(row.client_id),
    kind: row.kind as PartnerKind,
    name: String(row.name),
    config: json<PartnerConfig>(row.config, {} as PartnerConfig),
    tests: json<PartnerTest[]>(row.tests, []),
    active: row.active === true || row.active === 1,
    secretHint: (row.secret_hint as string | null) ?? null,
    secretEnc: (row.secret_enc as string | null) ?? null,
    createdAt: ms(row.created_at)!,
    updatedAt: ms(row.updated_at)!,
  };
}

export async function partnerById(strapi: Core.Strapi, id: number): Promise<PartnerRow | undefined> {
  if (!Number.isSafeInteger(id)) return undefined;
  const row = await strapi.db.connection(PARTNERS).where({ id }).first();
  return row ? partnerOf(row) : undefined;
}

export async function partnerByClientId(strapi: Core.Strapi, clientId: unknown): Promise<PartnerRow | undefined> {
  if (typeof clientId !== 'string' || !/^[0-9a-f-]{36}$/.test(clientId)) return undefined;
  const row = await strapi.db.connection(PARTNERS).where({ client_id: clientId }).first();
  return row ? partnerOf(row) : undefined;
}

/** The partner's secret in clear (callback: the HMAC key; desktop: the API key); null for LTI. */
export const partnerSecret = (partner: PartnerRow): string | null => (partner.secretEnc ? decrypt(partner.secretEnc) : null);

export type EventKind = 'launch' | 'auth' | 'token' | 'score' | 'callback' | 'import';

/** One line of the partner's log: ids and counts only, never a name, phone or e-mail. */
export async function logEvent(
  strapi: Core.Strapi,
  e: { partnerId: number; kind: EventKind; outcome: 'ok' | 'refused'; code: MessageKey; detail?: string },
): Promise<void> {
  await strapi.db
    .connection(EVENTS)
    .insert({ partner_id: e.partnerId, kind: e.kind, outcome: e.outcome, code: e.code, detail: e.detail?.slice(0, 300) ?? null, at: Date.now() });
}

/** A partner's value on our 0–100 scale, or null when it is outside the range the admin set. */
export function scaled(map: ScaleMap, value: number): number | null {
  if (!Number.isFinite(value) || value < map.min || value > map.max || map.max <= map.min) return null;
  return Math.round(((value - map.min) / (map.max - map.min)) * 100);
}

export const publicUrl = () => (process.env.PUBLIC_URL || 'http://localhost:1337').replace(/\/$/, '');
