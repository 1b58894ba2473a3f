/**
 * What the API answers of an attempt: the attempt as the runner needs it, its result in the
 * reader's language (compared with the person's previous one), and the staff's notes.
 */
import type { Core } from '@strapi/strapi';
import { compareScores, levelOf, publicTest, type AttemptView, type Language, type NoteView, type ResultView } from '@qabilet/domain';
import { answersOf, type AttemptRow, type StoredResult } from './attempts';
import { ATTEMPTS, NOTES, json, ms } from './tables';
import { versionById } from './versions';
import { professions } from './professions';

const iso = (v: unknown) => (ms(v) === null ? null : new Date(ms(v)!).toISOString());
/** A time the row always has (a NOT NULL column, or a finished attempt's end). */
export const instant = (v: unknown) => new Date(ms(v)!).toISOString();

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
