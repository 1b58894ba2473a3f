/**
 * Keeps `talent_entries` true to the rule (packages/domain/src/talent.ts): a person's entries are
 * worked out again from their measurements, the specialists' confirmations and the rules in force,
 * whenever the registry refreshes them (a new result, a changed account), after a change of the
 * rules (everyone) and nightly. The same inputs write the same rows (unchanged entries are not
 * touched), so running twice is harmless. Evaluations run one at a time within an instance, so that
 * one reading the old rules never writes after one reading the new; the nightly reconciliation
 * repairs what a race between instances could leave.
 */
import type { Core } from '@strapi/strapi';
import { evaluateTalents, talentStatusOf, windowStart, type TalentConfirmation, type TalentEntry } from '@qabilet/domain';
import { json, ms } from '@qabilet/plugin-kit/server';
import { PEOPLE } from '../scope';
import { CONFIRMATIONS, ENTRIES } from './tables';
import { currentRules } from './rules';
import { measurementsFor } from './sources';

const BATCH = 400;
type Person = { id: number; key: string };
type EntryRow = {
  id: number;
  person_key: string;
  domain: string;
  status: string;
  strength: number;
  trend: string | null;
  evidence: unknown;
  rules_version: number;
};

let chain: Promise<unknown> = Promise.resolve();
/** Runs `fn` after every evaluation already asked for. */
export function serially<T>(fn: () => Promise<T>): Promise<T> {
  const run = chain.then(fn);
  chain = run.catch(() => undefined);
  return run;
}

/** Waits until no evaluation is running or waiting. */
export async function evaluationsSettled(): Promise<void> {
  let seen: Promise<unknown>;
  do {
    seen = chain;
    await seen;
  } while (seen !== chain);
}

const same = (row: EntryRow, e: TalentEntry, version: number) =>
  row.status === e.status &&
  row.strength === e.strength &&
  row.trend === e.trend &&
  row.rules_version === version &&
  JSON.stringify(json(row.evidence, {})) === JSON.stringify(e.evidence);

/** Works out these people's entries again and writes what changed; people no longer in the registry are left out. */
export async function evaluatePeople(strapi: Core.Strapi, people: Person[], now = Date.now()): Promise<void> {
  if (!people.length) return;
  const knex = strapi.db.connection;
  const { version, rules } = await currentRules(strapi);
  const keys = people.map((p) => p.key);
  const measured = await measurementsFor(strapi, keys, windowStart(now, rules.windowMonths));
  const confirmations = (await knex(CONFIRMATIONS).whereIn('person_key', keys)) as Array<{
    id: number;
    person_key: string;
    domain: string;
    author_name: string;
    note: string;
    created_at: unknown;
  }>;
  await knex.transaction(async (trx) => {
    const present = new Map(
      ((await trx(PEOPLE).whereIn('person_key', keys).select('id', 'person_key')) as Array<{ id: number; person_key: string }>).map((r) => [
        r.person_key,
        r.id,
      ]),
    );
    const held = (await trx(ENTRIES).whereIn('person_key', keys)) as EntryRow[];
    for (const key of keys) {
      const personId = present.get(key);
      const mine = held.filter((r) => r.person_key === key);
      if (personId === undefined) {
        if (mine.length) await trx(ENTRIES).where({ person_key: key }).delete();
        continue;
      }
      const entries = evaluateTalents({
        measurements: measured.get(key) ?? [],
        confirmations: confirmations
          .filter((c) => c.person_key === key)
          .map((c): TalentConfirmation => ({ id: c.id, domain: c.domain, authorName: c.author_name, note: c.note, at: ms(c.created_at)! })),
        rules,
        rulesVersion: version,
        now,
      });
      const gone = mine.filter((r) => !entries.some((e) => e.domain === r.domain)).map((r) => r.id);
      if (gone.length) await trx(ENTRIES).whereIn('id', gone).delete();
      const changed = entries.filter((e) => {
        const row = mine.find((r) => r.domain === e.domain);
        return !row || !same(row, e, version);
      });
      if (changed.length)
        await trx(ENTRIES)
          .insert(
            changed.map((e) => ({
              person_id: personId,
              person_key: key,
              domain: e.domain,
              status: e.status,
              strength: e.strength,
              trend: e.trend,
              evidence: JSON.stringify(e.evidence),
              rules_version: version,
              updated_at: now,
            })),
          )
          .onConflict(['person_key', 'domain'])
          .merge(['person_id', 'status', 'strength', 'trend', 'evidence', 'rules_version', 'updated_at']);
      await trx(PEOPLE)
        .where({ id: personId })
        .whereNot({ talent_status: talentStatusOf(entries) })
        .update({ talent_status: talentStatusOf(entries) });
    }
  });
}

/** Everyone in the registry, in batches (after a change of the rules). */
export async function evaluateEveryone(strapi: Core.Strapi, now = Date.now()): Promise<number> {
  const knex = strapi.db.connection;
  let after = 0;
  let count = 0;
  for (;;) {
    const rows = (await knex(PEOPLE).where('id', '>', after).orderBy('id').limit(BATCH).select('id', 'person_key')) as Array<{
      id: number;
      person_key: string;
    }>;
    if (!rows.length) return count;
    await evaluatePeople(
      strapi,
      rows.map((r) => ({ id: r.id, key: r.person_key })),
      now,
    );
    count += rows.length;
    after = rows[rows.length - 1]!.id;
  }
}

/** A person left the registry: their entries and the confirmations about them go at once. */
export async function forgetPeople(strapi: Core.Strapi, keys: string[]): Promise<void> {
  const knex = strapi.db.connection;
  for (let i = 0; i < keys.length; i += BATCH) {
    const part = keys.slice(i, i + BATCH);
    await knex(ENTRIES).whereIn('person_key', part).delete();
    await knex(CONFIRMATIONS).whereIn('person_key', part).delete();
  }
}

/** Entries and confirmations of people the registry no longer holds (left behind by a failure): removed. */
export async function removeOrphans(strapi: Core.Strapi): Promise<number> {
  const knex = strapi.db.connection;
  const held = knex(PEOPLE).select('person_key');
  const entries = await knex(ENTRIES).whereNotIn('person_key', held).delete();
  await knex(CONFIRMATIONS).whereNotIn('person_key', knex(PEOPLE).select('person_key')).delete();
  return Number(entries);
}
