/**
 * When an account is anonymised, its assessments go with it: attempts, answers, the profiles,
 * specialists' notes, preferences and external results of the user and of their children. Statistics keep counts
 * elsewhere; a result tied to no one would still be a minor's answers.
 */
import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';
import { ANSWERS, ATTEMPTS, NOTES, PREFERENCES, PROFILES, STATEMENTS } from './tables';

/** Within the anonymisation's transaction when there is one (on SQLite, its only connection). */
export async function forgetPerson(strapi: Core.Strapi, userId: number): Promise<void> {
  if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => forget(trx, userId)) as unknown as Promise<void>;
  return forget(strapi.db.connection, userId);
}

async function forget(knex: Knex, userId: number): Promise<void> {
  await knex(ANSWERS)
    .whereIn('attempt_id', knex(ATTEMPTS).where({ user_id: userId }).select('id'))
    .delete();
  await knex(ATTEMPTS).where({ user_id: userId }).delete();
  await knex(PROFILES).where({ user_id: userId }).delete();
  await knex(NOTES).where({ user_id: userId }).delete();
  await knex(PREFERENCES).where({ user_id: userId }).delete();
  await knex(STATEMENTS).where({ user_id: userId }).delete();
}

/** A parent deleted a child profile: the child's attempts, answers, profile and notes go with it. */
export async function forgetChild(strapi: Core.Strapi, childId: number): Promise<void> {
  const run = async (knex: Knex) => {
    await knex(ANSWERS)
      .whereIn('attempt_id', knex(ATTEMPTS).where({ child_id: childId }).select('id'))
      .delete();
    await knex(ATTEMPTS).where({ child_id: childId }).delete();
    await knex(PROFILES)
      .where({ person_key: `c:${childId}` })
      .delete();
    await knex(NOTES)
      .where({ person_key: `c:${childId}` })
      .delete();
    await knex(PREFERENCES)
      .where({ person_key: `c:${childId}` })
      .delete();
    await knex(STATEMENTS)
      .where({ person_key: `c:${childId}` })
      .delete();
  };
  if (strapi.db.inTransaction()) return strapi.db.transaction(({ trx }: { trx: Knex.Transaction }) => run(trx)) as unknown as Promise<void>;
  return run(strapi.db.connection);
}
