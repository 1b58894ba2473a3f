/**
 * Recommendations: a profession's % fit for a person with the sentence that explains it, and the
 * answer of GET /fit/:profession (the fit, what is still missing for it, the profession's test).
 */
import type { Core } from '@strapi/strapi';
import { professionFit, hasInterests, type Fit, type FitAnswer, type Language, type RecommendationView } from '@qabilet/domain';
import { currentVersions } from './versions';
import { scoresOf, storedProfile, type StoredProfile } from './profiles';
import { message, type MessageKey } from './messages';
import { professions, type ProfessionRow } from './professions';
import type { Person } from './people';

export const nameOf = (profile: StoredProfile, scale: string, language: Language): string =>
  profile[scale]?.name[language] ?? message(language, `scale.${scale}` as MessageKey);
const list = (language: Language, names: string[]) =>
  names.length > 1 ? message(language, 'list.and', { a: names.slice(0, -1).join(', '), b: names[names.length - 1]! }) : (names[0] ?? '');

export function explain(language: Language, fit: Fit, profile: StoredProfile): string {
  const parts = [message(language, 'explain.fit', { fit: fit.fit })];
  if (fit.interests !== null) {
    parts.push(message(language, 'explain.interests', { score: fit.interests }));
    const scaleNames = (scales: readonly string[]) =>
      list(
        language,
        scales.map((s) => nameOf(profile, s, language)),
      );
    if (fit.drivers.length) parts.push(message(language, 'explain.drivers', { scales: scaleNames(fit.drivers) }));
    if (fit.gaps.length) parts.push(message(language, 'explain.gaps', { scales: scaleNames(fit.gaps) }));
  } else parts.push(message(language, 'explain.noInterests'));
  if (fit.professionTest !== null) parts.push(message(language, 'explain.professionTest', { score: fit.professionTest }));
  return parts.join(' ');
}

export function recommendation(language: Language, p: ProfessionRow, fit: Fit, profile: StoredProfile, testFor: Map<string, string>): RecommendationView {
  return {
    profession: { slug: p.slug, name: p.name, summary: p.summary, icon: p.icon, sector: p.sector },
    fit: fit.fit,
    interests: fit.interests,
    professionTest: fit.professionTest,
    explanation: explain(language, fit, profile),
    scales: fit.scales.map((s) => ({ ...s, name: nameOf(profile, s.scale, language) })),
    specialties: p.specialties,
    institutions: p.institutions,
    professionTestSlug: testFor.get(p.slug) ?? null,
  };
}

/** Profession slug → the slug of the test for it. */
export async function professionTests(strapi: Core.Strapi): Promise<Map<string, string>> {
  return new Map((await currentVersions(strapi)).filter((v) => v.profession).map((v) => [v.profession!, v.slug]));
}

export async function fitView(strapi: Core.Strapi, person: Person, slug: string, language: Language): Promise<FitAnswer | undefined> {
  const profile = await storedProfile(strapi.db.connection, person.key);
  const { scales, professionTests: tests } = scoresOf(profile);
  const p = (await professions(strapi, language)).find((x) => x.slug === slug);
  if (!p) return undefined;
  const testFor = await professionTests(strapi);
  const fit = professionFit(scales, p.riasec, tests.get(slug) ?? null);
  const missing: FitAnswer['missing'] = [
    ...(hasInterests(scales) ? [] : ['interests' as const]),
    ...(testFor.has(slug) && !tests.has(slug) ? ['professionTest' as const] : []),
  ];
  return { data: fit ? recommendation(language, p, fit, profile, testFor) : null, missing, professionTestSlug: testFor.get(slug) ?? null };
}
