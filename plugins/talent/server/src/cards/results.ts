/** Diagnostic results over time, repeated diagnostics compared (the rule: packages/domain results-over-time.ts), and the specialists' recommendations. */
import type { Core } from '@strapi/strapi';
import { json, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import { resultsOverTime, type CardRecommendation, type Language, type ResultMeasurement, type ResultsOverTime } from '@qabilet/domain';
import type { PersonRow } from '../scope';
import { attemptsOf, isoOf, notesOf, professionNames, statementsOf } from './sources';
import { textIn } from './services';

export async function resultsOf(strapi: Core.Strapi, p: PersonRow, language: Language): Promise<ResultsOverTime> {
  const [attempts, statements] = await Promise.all([attemptsOf(strapi, p), statementsOf(strapi, p)]);
  const own: ResultMeasurement[] = attempts
    .filter((a) => a.status === 'finished' && a.finished_at !== null && a.scales.length)
    .map((a) => ({
      test: a.test_slug,
      title: textIn(a.title, language, a.test_slug),
      source: 'qabilet',
      at: isoOf(a.finished_at)!,
      attemptId: a.id,
      scales: a.scales.map((s) => ({ scale: s.scale, score: s.score, name: textIn(a.scaleNames.get(s.scale), language, s.scale) })),
    }));
  // Results from outside name Qabilet's scales by key: their names as the assessment plugin knows them.
  const named = new Map((await servicesOf<AssessmentServices>(strapi, 'assessment')('results').knownScales()).map((s) => [s.key, s.name]));
  const outside: ResultMeasurement[] = statements.map((s) => ({
    // The same test of the same source is a repeated diagnostic; its title says where it was taken.
    test: `${s.sourceId}:${s.test}`,
    title: `${textIn(s.title, language, s.test)} (${s.source})`,
    source: s.kind,
    at: isoOf(s.at) ?? '',
    attemptId: null,
    scales: s.scales.map((x) => ({ scale: x.scale, score: x.score, name: textIn(named.get(x.scale), language, x.scale) })),
  }));
  return resultsOverTime([...own, ...outside]);
}

export async function recommendationsOf(strapi: Core.Strapi, p: PersonRow, language: Language): Promise<CardRecommendation[]> {
  const [notes, professions] = await Promise.all([notesOf(strapi, p), professionNames(strapi, language)]);
  return notes.map((n) => ({
    id: n.id,
    text: n.text,
    author: n.author_name,
    createdAt: isoOf(n.created_at) ?? '',
    professions: json<string[]>(n.professions, []).map((slug) => ({ slug, name: professions.get(slug) ?? slug })),
  }));
}
