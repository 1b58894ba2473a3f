/** Assignment and Grade Services (AGS 2.0): line items, one per test, and scores, which become statements in the common result model. */
import type { Core } from '@strapi/strapi';
import { parseDateTime } from '@qabilet/domain';
import { PartnersError, type Problem } from '../errors';
import { uuidFrom } from '../crypto';
import { LAUNCHES, SUBJECTS, ms } from '../tables';
import { consentedCandidate } from '../desktop-match';
import { logEvent, type PartnerRow, type PartnerTest } from '../store';
import { logResult, recordPartnerStatement } from '../partner-statement';
import { lineItemUrl } from './shared';

export function lineItemView(partner: PartnerRow, test: PartnerTest) {
  return { id: lineItemUrl(partner, test), label: test.name.en, scoreMaximum: 100, resourceLinkId: test.key, resourceId: test.key, tag: 'score' };
}

const PROGRESS = ['Initialized', 'Started', 'InProgress', 'Submitted', 'Completed'];
const GRADING = ['FullyGraded', 'Pending', 'PendingManual', 'Failed', 'NotReady'];

/** AGS score publish (§3.4): a fully graded score of a launched person becomes a statement. */
export async function score(
  strapi: Core.Strapi,
  partner: PartnerRow,
  testKey: string,
  input: unknown,
): Promise<{ statementId: string | null; stored: boolean }> {
  const test = partner.tests.find((t) => t.key === testKey);
  if (!test) throw new PartnersError(404, { code: 'ags.lineItem' });
  const refuse = async (status: number, problems: Problem[]) => {
    await logEvent(strapi, { partnerId: partner.id, kind: 'score', outcome: 'refused', code: problems[0]!.code, detail: `test=${test.key}` });
    throw new PartnersError(status, problems);
  };
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return refuse(400, [{ code: 'body.invalid' }]);
  const body = input as Record<string, unknown>;
  // Fields beyond these (other platforms' extensions, a comment) are ignored, not refused.
  const problems: Problem[] = [];
  if (typeof body.userId !== 'string' || body.userId.length > 64) problems.push({ field: 'userId', code: 'ags.userId' });
  const max = body.scoreMaximum;
  const given = body.scoreGiven;
  if (given !== undefined && (typeof max !== 'number' || !Number.isFinite(max) || max <= 0)) problems.push({ field: 'scoreMaximum', code: 'ags.scoreMaximum' });
  if (given !== undefined && (typeof given !== 'number' || !Number.isFinite(given) || given < 0 || (typeof max === 'number' && given > max)))
    problems.push({ field: 'scoreGiven', code: 'ags.scoreGiven' });
  if (!PROGRESS.includes(body.activityProgress as string)) problems.push({ field: 'activityProgress', code: 'ags.activityProgress' });
  if (!GRADING.includes(body.gradingProgress as string)) problems.push({ field: 'gradingProgress', code: 'ags.gradingProgress' });
  const at = parseDateTime(body.timestamp);
  if (!at || at.getTime() > Date.now() + 5 * 60_000) problems.push({ field: 'timestamp', code: 'ags.timestamp' });
  if (problems.length) return refuse(400, problems);
  const knex = strapi.db.connection;
  const subject = await knex(SUBJECTS).where({ partner_id: partner.id, sub: body.userId }).first();
  if (!subject) return refuse(403, [{ field: 'userId', code: 'ags.userUnknown' }]);
  if (body.gradingProgress !== 'FullyGraded' || given === undefined) {
    await logEvent(strapi, {
      partnerId: partner.id,
      kind: 'score',
      outcome: 'ok',
      code: 'event.progress',
      detail: `test=${test.key} progress=${String(body.activityProgress)}`,
    });
    return { statementId: null, stored: false };
  }
  const id = uuidFrom(`lti:${partner.id}:${String(body.userId)}:${test.key}:${at!.toISOString()}`);
  // The same score sent again is the same statement: harmless, whatever became of the launch.
  if (await knex('assessment_statements').where({ id }).first('id')) {
    await logResult(strapi, partner.id, 'score', false, `test=${test.key} statement=${id}`);
    return { statementId: id, stored: false };
  }
  // A final score belongs to a launch of that test, used within the week, not yet scored.
  const launched = await knex(LAUNCHES)
    .where({ partner_id: partner.id, sub: body.userId, test_key: test.key, status: 'used' })
    .where('used_at', '>', Date.now() - 7 * 24 * 3600_000)
    .orderBy('used_at', 'desc')
    .first();
  if (!launched) return refuse(403, [{ field: 'userId', code: 'ags.userUnknown' }]);
  if (at!.getTime() < ms(launched.used_at)! - 5 * 60_000) return refuse(400, [{ field: 'timestamp', code: 'ags.timestamp' }]);
  const person = await consentedCandidate(strapi, subject.child_id ? { kind: 'child', id: subject.child_id } : { kind: 'user', id: subject.user_id });
  if (!person) return refuse(403, [{ field: 'userId', code: 'consent.withdrawn' }]);
  const percent = Math.round(((given as number) / (max as number)) * 100);
  const stored = await knex.transaction(async (trx) => {
    const taken = await trx(LAUNCHES).where({ id: launched.id, status: 'used' }).update({ status: 'completed', completed_at: Date.now() });
    if (!taken) return null;
    const scales = test.scales.map((m) => ({ scale: m.to, score: percent, raw: given as number, min: 0, max: max as number }));
    return recordPartnerStatement(strapi, trx, { id, subject, partner, test, scales, at: at! });
  });
  if (stored === null) return refuse(409, [{ field: 'userId', code: 'ags.scored' }]);
  await logResult(strapi, partner.id, 'score', stored, `test=${test.key} statement=${id}`);
  return { statementId: id, stored };
}
