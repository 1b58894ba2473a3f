/**
 * Versions of tests. Publishing a Test checks it and, when its content changed, adds the next
 * version; unpublishing or deleting withdraws the test from takers (their results stay, pointing
 * at the version they answered). Every instance reads versions from the database, so replicas
 * agree without hearing of the publish themselves.
 */
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { checkTest, type TestDefinition, type TestKind } from '@qabilet/domain';
import { fromEntry, hashOf } from './definition';
import { VERSIONS, isUniqueViolation, json, ms } from './tables';
import { message, type MessageKey } from './messages';

export const TEST = 'api::test.test';

/** `kind` is the definition's, copied into its own column when the version is written. */
export type Version = { id: number; slug: string; number: number; kind: TestKind; profession: string | null; definition: TestDefinition; createdAt: number };

type Row = { id: number; test_slug: string; number: number; kind: TestKind; profession: string | null; definition: unknown; created_at: unknown };
const toVersion = (r: Row): Version => ({
  id: r.id,
  slug: r.test_slug,
  number: r.number,
  kind: r.kind,
  profession: r.profession,
  definition: json<TestDefinition>(r.definition, {} as TestDefinition),
  createdAt: ms(r.created_at)!,
});

const cache = new Map<number, Version>();

/** A version by id (immutable, so kept in memory once read). */
export async function versionById(strapi: Core.Strapi, id: number): Promise<Version | undefined> {
  if (cache.has(id)) return cache.get(id);
  const row = await strapi.db.connection(VERSIONS).where({ id }).first();
  if (!row) return undefined;
  const version = toVersion(row);
  cache.set(id, version);
  return version;
}

/** The current version of every test takers may start, newest number per slug. */
export async function currentVersions(strapi: Core.Strapi): Promise<Version[]> {
  const knex = strapi.db.connection;
  const latest = knex(VERSIONS).select('test_slug').max({ number: 'number' }).where({ active: true }).groupBy('test_slug').as('l');
  const rows: Row[] = await knex(VERSIONS)
    .join(latest, function on() {
      this.on(`${VERSIONS}.test_slug`, '=', 'l.test_slug').andOn(`${VERSIONS}.number`, '=', 'l.number');
    })
    .select(`${VERSIONS}.id`)
    .orderBy(`${VERSIONS}.test_slug`);
  return (await Promise.all(rows.map((r) => versionById(strapi, r.id)))).filter((v): v is Version => !!v);
}

export async function currentVersion(strapi: Core.Strapi, slug: string): Promise<Version | undefined> {
  const row = await strapi.db.connection(VERSIONS).where({ test_slug: slug, active: true }).orderBy('number', 'desc').first('id');
  return row ? versionById(strapi, row.id) : undefined;
}

/** Stores `definition` as the test's next version unless its latest version already is it. */
async function snapshot(strapi: Core.Strapi, definition: TestDefinition, now: number): Promise<void> {
  const knex = strapi.db.connection;
  const hash = hashOf(definition);
  const latest = await knex(VERSIONS).where({ test_slug: definition.slug }).orderBy('number', 'desc').first('number', 'hash', 'active');
  if (latest?.hash === hash) {
    if (!latest.active) await knex(VERSIONS).where({ test_slug: definition.slug }).update({ active: true });
    return;
  }
  try {
    await knex(VERSIONS).insert({
      test_slug: definition.slug,
      number: (latest?.number ?? 0) + 1,
      kind: definition.kind,
      profession: definition.profession ?? null,
      hash,
      definition: JSON.stringify(definition),
      active: true,
      created_at: now,
    });
    await knex(VERSIONS).where({ test_slug: definition.slug }).update({ active: true });
  } catch (error) {
    // Another instance snapshotted the same publish first.
    if (!isUniqueViolation(error)) throw error;
  }
}

/** Makes the versions match what is published: new versions for changed tests, withdrawn ones for unpublished. */
export async function syncVersions(strapi: Core.Strapi, now = Date.now()): Promise<void> {
  const published = (await strapi
    .documents(TEST as never)
    .findMany({ status: 'published', populate: POPULATE as never, limit: 1000 } as never)) as unknown as Array<Record<string, unknown>>;
  const slugs = new Set<string>();
  for (const entry of published) {
    const definition = fromEntry(entry);
    if (checkTest(definition).length) continue;
    slugs.add(definition.slug);
    await snapshot(strapi, definition, now);
  }
  const knex = strapi.db.connection;
  await knex(VERSIONS)
    .where({ active: true })
    .whereNotIn('test_slug', [...slugs, ''])
    .update({ active: false });
}

export const POPULATE = { scales: true, norms: true, sections: { populate: { items: { populate: { options: true } } } } };

/** Refuses to publish a test that breaks the rules, field by field, in the admin's language. */
async function checkBeforePublish(strapi: Core.Strapi, documentId: string): Promise<void> {
  const draft = (await strapi.documents(TEST as never).findOne({ documentId, status: 'draft', populate: POPULATE } as never)) as unknown as Record<
    string,
    unknown
  > | null;
  if (!draft) return;
  const problems = checkTest(fromEntry(draft));
  if (!problems.length) return;
  const details = problems
    .slice(0, 30)
    .map((p) => ({ path: p.field.split('.'), message: `${p.field}: ${message('en', p.code as MessageKey, p.values)}`, name: 'ValidationError' }));
  throw new errors.ValidationError(details.map((d) => d.message).join(' '), { errors: details });
}

export function registerVersioning(strapi: Core.Strapi): void {
  strapi.documents.use(async (context, next) => {
    if (context.uid !== TEST) return next();
    const params = context.params as { documentId?: string };
    if (context.action === 'publish' && params.documentId) await checkBeforePublish(strapi, params.documentId);
    const result = await next();
    if (['publish', 'unpublish', 'delete', 'create', 'update', 'discardDraft'].includes(context.action)) await syncVersions(strapi);
    return result;
  });
}
