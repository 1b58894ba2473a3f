/**
 * A partner's result kept: the statement recorded in the assessment plugin's common result model
 * (within the transaction that completes the launch), and the event log's line for it. The signed
 * callback (callback.ts) and the LTI score (lti/scores.ts) both end here.
 */
import type { Knex } from 'knex';
import type { Core } from '@strapi/strapi';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { logEvent, type PartnerRow, type PartnerTest } from './store';

type Subject = { person_key: string; user_id: number; child_id?: number | null };
type Scale = { scale: string; score: number; raw: number; min: number; max: number };

/** Records the statement; false when one with its id was already kept. */
export async function recordPartnerStatement(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  statement: { id: string; subject: Subject; partner: PartnerRow; test: PartnerTest; scales: Scale[]; at: Date },
): Promise<boolean> {
  const { id, subject, partner, test, scales, at } = statement;
  const results = servicesOf<AssessmentServices>(strapi, 'assessment')('results');
  const person = { key: subject.person_key, userId: subject.user_id, childId: subject.child_id ?? null };
  const source = { kind: 'partner' as const, partnerId: partner.id, name: partner.name };
  return (await results.record({ id, person, source, object: { test: test.key, name: test.name }, scales, timestamp: at }, trx)).stored;
}

/** The log's line for a result received: new (`event.<kind>`) or a repeat of one kept. */
export const logResult = (strapi: Core.Strapi, partnerId: number, kind: 'callback' | 'score', stored: boolean, detail: string) =>
  logEvent(strapi, { partnerId, kind, outcome: 'ok', code: stored ? (`event.${kind}` as const) : 'event.repeat', detail });
