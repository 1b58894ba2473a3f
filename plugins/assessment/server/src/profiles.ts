/**
 * The profile stored against a person: their latest score on every scale, with the attempt it
 * came from. Interests (from the interests test or its primary-grades version) and soft skills
 * are kept by scale; a profession test by its profession (`profession:<slug>`: the mean of its
 * scales), which is what its share of the % fit reads.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import type { AttemptScore, Profile, Text } from '@qabilet/domain';
import { PROFILES, json } from './tables';
import type { Version } from './versions';

/** An entry from one of Qabilet's attempts has its `attemptId`; one from outside, its statement and source. */
export type ProfileEntry = {
  score: number;
  attemptId: number | null;
  finishedAt: number;
  test: string;
  name: Text;
  statementId?: string;
  source?: { kind: 'partner' | 'desktop'; name: string };
};
export type StoredProfile = Record<string, ProfileEntry>;

export const professionKey = (slug: string) => `profession:${slug}`;

/** A scale enters the profile when at least half of its items were answered. */
const MEASURED = 0.5;

export async function recordInProfile(
  strapi: Core.Strapi,
  trx: Knex.Transaction,
  attempt: { id: number; person_key: string; user_id: number; child_id: number | null },
  version: Version,
  score: AttemptScore,
  now: Date,
): Promise<void> {
  // Locked on PostgreSQL: two tests finishing at once for one person both land in the profile.
  const q = trx(PROFILES).where({ person_key: attempt.person_key });
  const row = await (strapi.db.dialect.client === 'postgres' ? q.forUpdate() : q).first();
  const scales: StoredProfile = json<StoredProfile>(row?.scales, {});
  const base = { attemptId: attempt.id, finishedAt: now.getTime(), test: version.slug };
  const answered = score.scales.filter((s) => s.items > 0 && s.answered / s.items >= MEASURED);
  if (version.definition.kind === 'profession' && version.definition.profession) {
    if (answered.length) {
      const mean = Math.round(answered.reduce((sum, s) => sum + s.score, 0) / answered.length);
      scales[professionKey(version.definition.profession)] = { ...base, score: mean, name: version.definition.title };
    }
  } else {
    for (const s of answered) scales[s.scale] = { ...base, score: s.score, name: version.definition.scales.find((d) => d.key === s.scale)!.name };
  }
  const values = { scales: JSON.stringify(scales), updated_at: now.getTime() };
  if (row) await trx(PROFILES).where({ person_key: attempt.person_key }).update(values);
  else await trx(PROFILES).insert({ person_key: attempt.person_key, user_id: attempt.user_id, child_id: attempt.child_id, ...values });
}

export async function storedProfile(db: Knex, personKey: string): Promise<StoredProfile> {
  const row = await db(PROFILES).where({ person_key: personKey }).first('scales');
  return json<StoredProfile>(row?.scales, {});
}

/** The scores the fit reads: scales by key, profession tests by profession. */
export function scoresOf(profile: StoredProfile): { scales: Profile; professionTests: Map<string, number> } {
  const scales: Profile = {};
  const professionTests = new Map<string, number>();
  for (const [key, entry] of Object.entries(profile)) {
    if (key.startsWith('profession:')) professionTests.set(key.slice('profession:'.length), entry.score);
    else scales[key] = entry.score;
  }
  return { scales, professionTests };
}
