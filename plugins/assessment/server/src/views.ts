/**
 * What the API answers: attempts as the runner needs them, results and profiles in the reader's
 * language, recommendations with the sentence that explains each % fit.
 */
import type { Core } from '@strapi/strapi';
import {
  compareScores,
  describeProfile,
  levelOf,
  publicTest,
  rankProfessions,
  professionFit,
  RIASEC_SCALES,
  hasInterests,
  type AttemptView,
  type Fit,
  type FitAnswer,
  type Language,
  type NoteView,
  type ProfileResult,
  type ProfileView,
  type RecommendationView,
  type ResultView,
  type RiasecProfile,
} from '@qabilet/domain';
import { answersOf, type AttemptRow, type StoredResult } from './attempts';
import { ATTEMPTS, NOTES, json, ms } from './tables';
import { currentVersions, versionById } from './versions';
import { scoresOf, storedProfile, type StoredProfile } from './profiles';
import { message, type MessageKey } from './messages';
import { statementsOf } from './statements';
import type { Person } from './people';

const iso = (v: unknown) => (ms(v) === null ? null : new Date(ms(v)!).toISOString());
/** A time the row always has (a NOT NULL column, or a finished attempt's end). */
const instant = (v: unknown) => new Date(ms(v)!).toISOString();

export async function attemptView(strapi: Core.Strapi, row: AttemptRow, now: Date): Promise<AttemptView> {
  const version = (await versionById(strapi, row.version_id))!;
  return {
    id: row.id,
    status: row.status,
    version: version.number,
    test: publicTest(version.definition),
    startedAt: instant(row.started_at),
    deadline: iso(row.deadline),
    extraTimePercent: row.extra_time,
    now: now.toISOString(),
    answers: row.status === 'running' ? await answersOf(strapi.db.connection, row.id) : [],
    position: row.position ? { item: row.position } : null,
    lastSeq: row.last_seq,
  };
}

type ProfessionRow = {
  slug: string;
  name: string;
  summary: string;
  icon: string;
  sector: string;
  riasec: RiasecProfile;
  specialties: Array<{ key: string; name: string; level: string; code: string | null }>;
  institutions: Array<{ slug: string; name: string; locality: string; website: string }>;
};

/** A profession as the query below reads it. */
type ProfessionDocument = {
  slug: string;
  name: string;
  summary: string;
  icon: string;
  sector: string;
  riasec?: Record<string, unknown> | null;
  specialties?: Array<{
    key: string;
    name: string;
    level: string;
    code?: string | null;
    institutions?: Array<{ slug: string; name: string; website?: string | null; locality?: { name: string } | null }>;
  }>;
};

const catalogue = new Map<Language, { at: number; rows: ProfessionRow[] }>();
const CATALOGUE_TTL_MS = 60_000;

/** The published professions with their specialties and institutions, kept a minute per language. */
export async function professions(strapi: Core.Strapi, language: Language): Promise<ProfessionRow[]> {
  const cached = catalogue.get(language);
  if (cached && Date.now() - cached.at < CATALOGUE_TTL_MS) return cached.rows;
  const published = { locale: language, publishedAt: { $notNull: true } };
  const found = await strapi.db.query('api::profession.profession').findMany({
    where: published,
    select: ['slug', 'name', 'summary', 'icon', 'sector'],
    populate: {
      riasec: true,
      specialties: {
        where: published,
        select: ['key', 'name', 'level', 'code'],
        populate: { institutions: { where: published, select: ['slug', 'name', 'website'], populate: { locality: { select: ['name'] } } } },
      },
    },
  });
  const rows = (found as ProfessionDocument[])
    .filter((p) => p.riasec)
    .map((p): ProfessionRow => {
      const institutions = new Map<string, ProfessionRow['institutions'][number]>();
      for (const s of p.specialties ?? [])
        for (const i of s.institutions ?? [])
          institutions.set(i.slug, { slug: i.slug, name: i.name, locality: i.locality?.name ?? '', website: i.website ?? '' });
      const riasec = Object.fromEntries(RIASEC_SCALES.map((k) => [k, Number(p.riasec?.[k])])) as RiasecProfile;
      return {
        slug: p.slug,
        name: p.name,
        summary: p.summary,
        icon: p.icon,
        sector: p.sector,
        riasec,
        specialties: (p.specialties ?? []).map((s) => ({ key: s.key, name: s.name, level: s.level, code: s.code ?? null })),
        institutions: [...institutions.values()].sort((a, b) => a.name.localeCompare(b.name)).slice(0, 6),
      };
    });
  catalogue.set(language, { at: Date.now(), rows });
  return rows;
}

const nameOf = (profile: StoredProfile, scale: string, language: Language): string =>
  profile[scale]?.name[language] ?? message(language, `scale.${scale}` as MessageKey);
const list = (language: Language, names: string[]) =>
  names.length > 1 ? message(language, 'list.and', { a: names.slice(0, -1).join(', '), b: names[names.length - 1]! }) : (names[0] ?? '');

export function explain(language: Language, fit: Fit, profile: StoredProfile): string {
  const parts = [message(language, 'explain.fit', { fit: fit.fit })];
  if (fit.interests !== null) {
    parts.push(message(language, 'explain.interests', { score: fit.interests }));
    if (fit.drivers.length)
      parts.push(
        message(language, 'explain.drivers', {
          scales: list(
            language,
            fit.drivers.map((s) => nameOf(profile, s, language)),
          ),
        }),
      );
    if (fit.gaps.length)
      parts.push(
        message(language, 'explain.gaps', {
          scales: list(
            language,
            fit.gaps.map((s) => nameOf(profile, s, language)),
          ),
        }),
      );
  } else parts.push(message(language, 'explain.noInterests'));
  if (fit.professionTest !== null) parts.push(message(language, 'explain.professionTest', { score: fit.professionTest }));
  return parts.join(' ');
}

function recommendation(language: Language, p: ProfessionRow, fit: Fit, profile: StoredProfile, testFor: Map<string, string>): RecommendationView {
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
async function professionTests(strapi: Core.Strapi): Promise<Map<string, string>> {
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

export async function resultView(strapi: Core.Strapi, row: AttemptRow, language: Language): Promise<ResultView> {
  const version = (await versionById(strapi, row.version_id))!;
  const stored = json<StoredResult>(row.result, { score: { scales: [], answered: 0, total: 0, itemTimeMs: 0, late: [] }, items: [], durationMs: 0 });
  const previous: AttemptRow | undefined = await strapi.db
    .connection(ATTEMPTS)
    .where({ person_key: row.person_key, test_slug: row.test_slug, status: 'finished' })
    .where('finished_at', '<', ms(row.finished_at)!)
    .orderBy('finished_at', 'desc')
    .first();
  const scaleText = (key: string, field: 'name' | 'high' | 'low') => version.definition.scales.find((s) => s.key === key)?.[field][language] ?? key;
  const prevScales = previous ? json<StoredResult>(previous.result, stored).score.scales.filter((s) => s.answered) : null;
  const measured = stored.score.scales.filter((s) => s.answered);
  const profession = version.definition.profession ? (await professions(strapi, language)).find((p) => p.slug === version.definition.profession) : undefined;
  return {
    attemptId: row.id,
    test: {
      slug: version.slug,
      kind: version.kind,
      title: version.definition.title[language],
      profession: profession ? { slug: profession.slug, name: profession.name } : null,
    },
    startedAt: instant(row.started_at),
    finishedAt: instant(row.finished_at),
    durationMs: stored.durationMs,
    itemTimeMs: stored.score.itemTimeMs,
    answered: stored.score.answered,
    total: stored.score.total,
    // A scale none of whose items was answered is not measured: it is named apart, not shown as a low score.
    scales: measured.map((s) => ({
      ...s,
      name: scaleText(s.scale, 'name'),
      high: scaleText(s.scale, 'high'),
      low: scaleText(s.scale, 'low'),
      level: levelOf(s.score),
    })),
    unmeasured: stored.score.scales.filter((s) => !s.answered).map((s) => ({ scale: s.scale, name: scaleText(s.scale, 'name') })),
    items: stored.items,
    previous: previous ? { attemptId: previous.id, finishedAt: instant(previous.finished_at) } : null,
    comparison: prevScales ? compareScores(measured, prevScales).map((c) => ({ ...c, name: scaleText(c.scale, 'name') })) : null,
  };
}

type NoteRow = { id: number; text: string; author_name: string; created_at: unknown; professions: unknown };

export async function notesOf(strapi: Core.Strapi, personKey: string, language: Language): Promise<NoteView[]> {
  const rows: NoteRow[] = await strapi.db.connection(NOTES).where({ person_key: personKey }).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(50);
  const all = await professions(strapi, language);
  return rows.map((n) => ({
    id: n.id,
    text: n.text,
    author: n.author_name,
    createdAt: instant(n.created_at),
    professions: json<string[]>(n.professions, []).map((slug) => ({ slug, name: all.find((p) => p.slug === slug)?.name ?? slug })),
  }));
}

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
