/**
 * The one pipeline for a centre's results, from an uploaded file or the desktop program's push:
 * each row checked, keyed, matched to its person and either recorded as a statement on the
 * person's card or left in the review queue. Each row is its own transaction, and the row's key
 * is unique per partner, so a crash leaves no half row and a file sent again stores nothing.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices, Person } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { Problem } from './errors';
import type { PartnerRow, DesktopConfig } from './store';
import { IMPORT_ROWS } from './desktop-tables';
import { isUniqueViolation } from './tables';
import { checkRow, rowKeyOf, statementIdOf, valuesOf, type CheckedRow } from './desktop-values';
import { matcher, type Match } from './desktop-match';

/** A row as received, with its place: the file's row number or the push's index. */
export type Incoming = { at: number; raw: Record<string, unknown> };
export type Outcome = { imported: number; queued: number; duplicates: number; rejected: Array<{ at: number; problems: Problem[] }> };

export const personColumns = (p: Person) => ({ person_key: p.key, user_id: p.userId, child_id: p.childId });

type Keyed = { at: number; row: CheckedRow; key: string };

/** Records the row's result on the person's profile, within the row's transaction. */
export function recordRow(
  strapi: Core.Strapi,
  partner: PartnerRow,
  trx: Knex.Transaction,
  person: Person,
  row: { key: string; test: CheckedRow['test']; takenAt: Date; scores: CheckedRow['scores'] },
) {
  return servicesOf<AssessmentServices>(
    strapi,
    'assessment',
  )('results').record(
    {
      id: statementIdOf(partner.id, row.key),
      person: { key: person.key, userId: person.userId, childId: person.childId },
      source: { kind: 'desktop', partnerId: partner.id, name: partner.name },
      object: { test: row.test.key, name: row.test.name },
      scales: row.scores.map((s) => ({ scale: s.scale, score: s.score, raw: s.raw, min: s.min, max: s.max })),
      timestamp: row.takenAt,
    },
    trx,
  );
}

/** Keys already stored for the partner, looked up in chunks the databases accept. */
async function storedKeys(strapi: Core.Strapi, partnerId: number, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows: Array<{ row_key: string }> = await strapi.db
      .connection(IMPORT_ROWS)
      .where({ partner_id: partnerId })
      .whereIn('row_key', keys.slice(i, i + 500))
      .select('row_key');
    for (const r of rows) found.add(r.row_key);
  }
  return found;
}

/** Stores one row: imported with its statement, or queued with the reason. False when it was there already. */
async function storeRow(strapi: Core.Strapi, partner: PartnerRow, item: Keyed, match: Match, fileName: string | null, now: Date): Promise<boolean> {
  const base = { partner_id: partner.id, row_key: item.key, file_name: fileName?.slice(0, 200) ?? null, created_at: now.getTime() };
  try {
    await strapi.db.transaction(async ({ trx }: { trx: Knex.Transaction }) => {
      if (!match.ok) {
        await trx(IMPORT_ROWS).insert({ ...base, status: 'queued', reason: match.reason, data: JSON.stringify(valuesOf(item.row, true)) });
        return;
      }
      const statementId = statementIdOf(partner.id, item.key);
      await trx(IMPORT_ROWS).insert({
        ...base,
        status: 'imported',
        data: JSON.stringify(valuesOf(item.row, false)),
        statement_id: statementId,
        ...personColumns(match.person),
      });
      await recordRow(strapi, partner, trx, match.person, { key: item.key, ...item.row });
    });
    return true;
  } catch (error) {
    // Another import of the same row (a second instance, a double click) got there first.
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

export async function importRows(strapi: Core.Strapi, partner: PartnerRow, rows: Incoming[], fileName: string | null, now = new Date()): Promise<Outcome> {
  const outcome: Outcome = { imported: 0, queued: 0, duplicates: 0, rejected: [] };
  const fresh: Keyed[] = [];
  const inBatch = new Set<string>();
  for (const { at, raw } of rows) {
    const checked = checkRow(raw, partner.tests, now);
    if (!checked.ok) {
      outcome.rejected.push({ at, problems: checked.problems });
      continue;
    }
    const key = rowKeyOf(checked.row);
    if (inBatch.has(key)) outcome.duplicates++;
    else fresh.push({ at, row: checked.row, key });
    inBatch.add(key);
  }
  const stored = await storedKeys(
    strapi,
    partner.id,
    fresh.map((f) => f.key),
  );
  const match = matcher(strapi, (partner.config as DesktopConfig).centre);
  for (const item of fresh) {
    if (stored.has(item.key)) {
      outcome.duplicates++;
      continue;
    }
    const found = await match(item.row);
    if (!(await storeRow(strapi, partner, item, found, fileName, now))) outcome.duplicates++;
    else if (found.ok) outcome.imported++;
    else outcome.queued++;
  }
  return outcome;
}
