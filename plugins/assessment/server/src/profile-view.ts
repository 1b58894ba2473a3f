/**
 * A person's profile as they and the staff read it: the scales measured so far, inclinations and
 * strengths, the recommended professions, the staff's notes, and every result — Qabilet's own
 * attempts next to the partners' and the centres' desktop statements.
 */
import type { Core } from '@strapi/strapi';
import { describeProfile, levelOf, rankProfessions, type Language, type ProfileResult, type ProfileView } from '@qabilet/domain';
import type { AttemptRow } from './attempts';
import { ATTEMPTS } from './tables';
import { versionById } from './versions';
import { scoresOf, storedProfile } from './profiles';
import { message, type MessageKey } from './messages';
import { statementsOf } from './statements';
import { professions } from './professions';
import { nameOf, professionTests, recommendation } from './recommendations';
import { instant, notesOf } from './views';
import type { Person } from './people';

export async function profileView(strapi: Core.Strapi, person: Person, language: Language, top = 5): Promise<ProfileView> {
  const profile = await storedProfile(strapi.db.connection, person.key);
  const { scales, professionTests: tests } = scoresOf(profile);
  const testFor = await professionTests(strapi);
  const catalogueRows = await professions(strapi, language);
  const ranked = rankProfessions(scales, catalogueRows, tests).slice(0, top);
  const described = describeProfile(scales);
  const finished = await strapi.db.connection(ATTEMPTS).where({ person_key: person.key, status: 'finished' }).orderBy('finished_at', 'desc').limit(100);
  const own = await Promise.all(
    finished.map(async (r: AttemptRow): Promise<ProfileResult> => {
      const v = (await versionById(strapi, r.version_id))!;
      return {
        attemptId: r.id,
        statementId: null,
        slug: v.slug,
        title: v.definition.title[language],
        kind: v.kind,
        finishedAt: instant(r.finished_at),
        source: null,
        scales: null,
      };
    }),
  );
  // Results from partners and the centres' desktop test databases, next to Qabilet's own, marked with their source.
  const external = (await statementsOf(strapi, person.key, language)).map((s): ProfileResult => ({
    attemptId: null,
    statementId: s.id,
    slug: s.test.key,
    title: s.test.title,
    kind: s.source.kind,
    finishedAt: s.finishedAt,
    source: s.source,
    scales: s.scales,
  }));
  const results = [...own, ...external].sort((a, b) => String(b.finishedAt).localeCompare(String(a.finishedAt)));
  const named = (scale: string) => ({ scale, name: nameOf(profile, scale, language) });
  return {
    scales: Object.entries(profile)
      .filter(([k]) => !k.startsWith('profession:'))
      .map(([scale, e]) => ({
        scale,
        name: e.name[language],
        score: e.score,
        level: levelOf(e.score),
        attemptId: e.attemptId,
        statementId: e.statementId ?? null,
        source: e.source ?? null,
        finishedAt: instant(e.finishedAt),
      })),
    inclinations: described.inclinations.map(named),
    strengths: described.strengths.map(named),
    load: described.load ? { level: described.load, text: message(language, `load.${described.load}` as MessageKey) } : null,
    recommendations: ranked.map((r) => recommendation(language, r.profession, r, profile, testFor)),
    notes: await notesOf(strapi, person.key, language),
    results,
  };
}
