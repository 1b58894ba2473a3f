/**
 * What the talents are found from, read straight from the assessment plugin's tables by person key
 * (the one place this part reads another plugin's tables; it changes nothing there):
 * - `assessment_attempts` (finished) with their `assessment_versions` row: the test's kind, its
 *   profession and the version number whose age norm gave each scale's percentile;
 * - `assessment_statements`: partners' results and centres' desktop imports, their scales already
 *   mapped to Qabilet's scales (0–100) by the partner's mapping.
 * Only results finished since `since` (the rules' window) are read.
 */
import type { Core } from '@strapi/strapi';
import { measurementsOf, type Measurement, type TestKind } from '@qabilet/domain';
import { json, ms } from '@qabilet/plugin-kit/server';

const ATTEMPTS = 'assessment_attempts';
const VERSIONS = 'assessment_versions';
const STATEMENTS = 'assessment_statements';
const SCALES_EXTENSION = 'https://qabilet.kz/xapi/extensions/scales';

type ScaleScore = { scale: string; percent: number; percentile: number | null; answered: number; items: number };
type AttemptRow = {
  id: number;
  person_key: string;
  test_slug: string;
  finished_at: unknown;
  result: unknown;
  number: number;
  kind: TestKind;
  profession: string | null;
};
type StatementRow = {
  id: string;
  person_key: string;
  source_kind: 'partner' | 'desktop';
  source_name: string;
  test_key: string;
  timestamp: unknown;
  statement: unknown;
};
type Statement = { result?: { extensions?: Record<string, Array<{ scale: string; score: number }>> } };

export async function measurementsFor(strapi: Core.Strapi, keys: string[], since: number): Promise<Map<string, Measurement[]>> {
  const found = new Map<string, Measurement[]>(keys.map((k) => [k, []]));
  if (!keys.length) return found;
  const knex = strapi.db.connection;
  const attempts: AttemptRow[] = await knex(ATTEMPTS)
    .join(VERSIONS, `${VERSIONS}.id`, `${ATTEMPTS}.version_id`)
    .whereIn(`${ATTEMPTS}.person_key`, keys)
    .where(`${ATTEMPTS}.status`, 'finished')
    .where(`${ATTEMPTS}.finished_at`, '>=', since)
    .select(
      `${ATTEMPTS}.id`,
      `${ATTEMPTS}.person_key`,
      `${ATTEMPTS}.test_slug`,
      `${ATTEMPTS}.finished_at`,
      `${ATTEMPTS}.result`,
      `${VERSIONS}.number`,
      `${VERSIONS}.kind`,
      `${VERSIONS}.profession`,
    );
  for (const a of attempts) {
    const scales = json<{ score?: { scales?: ScaleScore[] } }>(a.result, {}).score?.scales ?? [];
    found.get(a.person_key)?.push(
      ...measurementsOf({
        source: 'qabilet',
        sourceName: null,
        attemptId: a.id,
        statementId: null,
        test: a.test_slug,
        at: ms(a.finished_at)!,
        norm: a.number,
        kind: a.kind,
        profession: a.profession,
        scales: scales.map((s) => ({ scale: s.scale, percent: s.percent, percentile: s.percentile, answered: s.answered, items: s.items })),
      }),
    );
  }
  const statements: StatementRow[] = await knex(STATEMENTS)
    .whereIn('person_key', keys)
    .where('timestamp', '>=', since)
    .select('id', 'person_key', 'source_kind', 'source_name', 'test_key', 'timestamp', 'statement');
  for (const s of statements) {
    const scales = json<Statement>(s.statement, {}).result?.extensions?.[SCALES_EXTENSION] ?? [];
    found.get(s.person_key)?.push(
      ...measurementsOf({
        source: s.source_kind,
        sourceName: s.source_name,
        attemptId: null,
        statementId: s.id,
        test: s.test_key,
        at: ms(s.timestamp)!,
        norm: null,
        kind: null,
        profession: null,
        // A statement is one whole result: its scores count as fully answered.
        scales: scales.map((x) => ({ scale: x.scale, percent: Math.round(x.score), percentile: null, answered: 1, items: 1 })),
      }),
    );
  }
  return found;
}
