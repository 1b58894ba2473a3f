/**
 * What the talents are found from, by person key (this part changes nothing of the assessment plugin's):
 * - `assessment_attempts` (finished) with their `assessment_versions` row, read straight from the
 *   assessment plugin's tables (the one place this part reads another plugin's tables): the test's
 *   kind, its profession and the version number whose age norm gave each scale's percentile;
 * - the statements (partners' results and centres' desktop imports), through the assessment
 *   plugin's `results.statementsSince`: their scales already mapped to Qabilet's scales (0–100) by
 *   the partner's mapping.
 * Only results finished since `since` (the rules' window) are read.
 */
import type { Core } from '@strapi/strapi';
import { measurementsOf, type Measurement, type TestKind } from '@qabilet/domain';
import { json, ms, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { ATTEMPTS, VERSIONS } from '../sources';

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
  const statements = await servicesOf<AssessmentServices>(strapi, 'assessment')('results').statementsSince(keys, since);
  for (const s of statements) {
    found.get(s.personKey)?.push(
      ...measurementsOf({
        source: s.sourceKind,
        sourceName: s.sourceName,
        attemptId: null,
        statementId: s.id,
        test: s.test,
        at: s.at,
        norm: null,
        kind: null,
        profession: null,
        // A statement is one whole result: its scores count as fully answered.
        scales: s.scales.map((x) => ({ scale: x.scale, percent: Math.round(x.score), percentile: null, answered: 1, items: 1 })),
      }),
    );
  }
  return found;
}
