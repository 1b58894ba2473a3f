/**
 * The rules in force and their history. Every change is a new version (nothing is overwritten), so
 * that each entry's explanation names the rules that produced it and an old entry can be read
 * against the rules of its day.
 */
import type { Core } from '@strapi/strapi';
import { DEFAULT_TALENT_RULES, type TalentRules, type TalentRulesVersion } from '@qabilet/domain';
import { isUniqueViolation, json, ms } from '@qabilet/plugin-kit/server';
import { conflict } from '../errors';
import { RULES } from './tables';

type RulesRow = { version: number; rules: unknown; author_id: number | null; author_name: string | null; created_at: unknown };

const viewOf = (r: RulesRow): TalentRulesVersion => ({
  version: r.version,
  // A version written before a setting existed takes the setting's default.
  rules: { ...DEFAULT_TALENT_RULES, ...json<Partial<TalentRules>>(r.rules, {}) },
  authorId: r.author_id,
  authorName: r.author_name,
  createdAt: new Date(ms(r.created_at)!).toISOString(),
});

export async function currentRules(strapi: Core.Strapi): Promise<TalentRulesVersion> {
  const row: RulesRow | undefined = await strapi.db.connection(RULES).orderBy('version', 'desc').first();
  return row ? viewOf(row) : { version: 1, rules: DEFAULT_TALENT_RULES, authorId: null, authorName: null, createdAt: new Date(0).toISOString() };
}

export async function rulesHistory(strapi: Core.Strapi, limit = 50): Promise<TalentRulesVersion[]> {
  const rows: RulesRow[] = await strapi.db.connection(RULES).orderBy('version', 'desc').limit(limit);
  return rows.map(viewOf);
}

/** Stores `rules` as the version after `after`; a concurrent change of the same version is a conflict. */
export async function saveRules(strapi: Core.Strapi, after: number, rules: TalentRules, author: { id: number; name: string }): Promise<TalentRulesVersion> {
  const row = { version: after + 1, rules: JSON.stringify(rules), author_id: author.id, author_name: author.name.slice(0, 120), created_at: Date.now() };
  try {
    await strapi.db.connection(RULES).insert(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict({ code: 'talents.rules.changed' });
    throw error;
  }
  return viewOf(row);
}
