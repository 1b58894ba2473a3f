/**
 * HTTP handlers. Who acts comes from Strapi's auth (ctx.state.user), never from the body; the
 * person acted for must be the user or their own child; staff reach people only within their
 * scope (staff.ts), and every staff view is written to the audit log (ids only).
 */
import type { Context } from 'koa';
import type { Core } from '@strapi/strapi';
import {
  ageOn,
  kzDate,
  type AnswersSaved,
  type AssessedPerson,
  type PeoplePage,
  type PersonCardView,
  type PreferencesView,
  type TestSummaryView,
} from '@qabilet/domain';
import { audit } from '@qabilet/plugin-kit/server';
import { AssessmentError, allowOnly, handle, invalid, objectBody, unknownPerson } from './errors';
import { languageOf } from './messages';
import { attemptOf, extraTimeOf, finishAttempt, saveAnswers, setExtraTime, startAttempt, type AttemptRow } from './attempts';
import { consentedPerson, ownPerson, personById, type Person } from './people';
import { attemptView, notesOf, resultView } from './views';
import { professions } from './professions';
import { fitView } from './recommendations';
import { profileView } from './profile-view';
import { currentVersions } from './versions';
import { ATTEMPTS, NOTES, ms } from './tables';
import { noteWritten } from './notes';
import { inScope, profilesInScope, staffScope } from './staff';
import { statementById, statementsOf } from './statements';

const userId = (ctx: Context) => (ctx.state as { user: { id: number } }).user.id;
type Admin = { id: number; firstname?: string; lastname?: string; roles?: Array<{ code: string }> };
const admin = (ctx: Context) => (ctx.state as { user: Admin }).user;
const query = (ctx: Context) => ctx.query as Record<string, unknown>;

function onlyChild(q: Record<string, unknown>) {
  const problems = allowOnly(q, ['child', 'locale']);
  if (problems.length) throw invalid(problems);
  return q.child;
}

export default ({ strapi }: { strapi: Core.Strapi }) => {
  const noStore = (ctx: Context) => ctx.set('Cache-Control', 'no-store');

  const publicApi = {
    tests: handle(async (ctx) => {
      const person = await ownPerson(strapi, userId(ctx), onlyChild(query(ctx)));
      const language = languageOf(ctx);
      const [versions, catalogue] = await Promise.all([currentVersions(strapi), professions(strapi, language)]);
      const attempts: AttemptRow[] = await strapi.db
        .connection(ATTEMPTS)
        .where({ person_key: person.key })
        .orderBy('id', 'desc')
        .select('id', 'test_slug', 'status', 'finished_at');
      noStore(ctx);
      ctx.body = {
        data: versions.map((v): TestSummaryView => {
          const d = v.definition;
          const running = attempts.find((a) => a.test_slug === v.slug && a.status === 'running');
          const last = attempts.find((a) => a.test_slug === v.slug && a.status === 'finished');
          const profession = d.profession ? catalogue.find((p) => p.slug === d.profession) : undefined;
          return {
            slug: v.slug,
            kind: v.kind,
            title: d.title[language],
            summary: d.summary[language],
            ageFrom: d.ageFrom,
            ageTo: d.ageTo,
            timeLimitSeconds: d.timeLimitSeconds ?? null,
            profession: profession ? { slug: profession.slug, name: profession.name } : null,
            items: d.sections.reduce((n, s) => n + s.items.length, 0),
            version: v.number,
            running: running ? { attemptId: running.id } : null,
            lastResult: last ? { attemptId: last.id, finishedAt: new Date(ms(last.finished_at)!).toISOString() } : null,
          };
        }),
      };
    }),
    start: handle(async (ctx) => {
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['test', 'child']);
      if (problems.length) throw invalid(problems);
      const now = new Date();
      const person = await consentedPerson(strapi, userId(ctx), body.child);
      const { row, created } = await startAttempt(strapi, person, body.test, now);
      noStore(ctx);
      ctx.status = created ? 201 : 200;
      ctx.body = { data: await attemptView(strapi, row, now) };
    }),
    get: handle(async (ctx) => {
      const { row } = await attemptOf(strapi, userId(ctx), ctx.params.id);
      noStore(ctx);
      ctx.body = { data: await attemptView(strapi, row, new Date()) };
    }),
    answers: handle(async (ctx) => {
      const { row, version } = await attemptOf(strapi, userId(ctx), ctx.params.id);
      const now = new Date();
      // Withdrawn consent stops a running test too.
      await consentedPerson(strapi, userId(ctx), row.child_id ? await childDocument(row.child_id) : undefined);
      ctx.body = { data: await saveAnswers(strapi, row, version, objectBody(ctx.request.body), now) } satisfies { data: AnswersSaved };
    }),
    finish: handle(async (ctx) => {
      const { row, version } = await attemptOf(strapi, userId(ctx), ctx.params.id);
      // Withdrawn consent stops the scoring of a running test too; a finished one is only read again.
      if (row.status === 'running') await consentedPerson(strapi, userId(ctx), row.child_id ? await childDocument(row.child_id) : undefined);
      const finished = await finishAttempt(strapi, row, version, objectBody(ctx.request.body ?? {}), new Date());
      noStore(ctx);
      ctx.body = { data: await resultView(strapi, finished, languageOf(ctx)) };
    }),
    result: handle(async (ctx) => {
      const { row } = await attemptOf(strapi, userId(ctx), ctx.params.id);
      if (row.status !== 'finished') throw new AssessmentError(409, { code: 'attempt.running' });
      noStore(ctx);
      ctx.body = { data: await resultView(strapi, row, languageOf(ctx)) };
    }),
    statement: handle(async (ctx) => {
      const person = await ownPerson(strapi, userId(ctx), onlyChild(query(ctx)));
      const found = await statementById(strapi, person.key, String(ctx.params.id), languageOf(ctx));
      if (!found) throw new AssessmentError(404, { code: 'statement.unknown' });
      noStore(ctx);
      ctx.body = { data: found };
    }),
    profile: handle(async (ctx) => {
      const person = await ownPerson(strapi, userId(ctx), onlyChild(query(ctx)));
      noStore(ctx);
      ctx.body = { data: await profileView(strapi, person, languageOf(ctx)) };
    }),
    fit: handle(async (ctx) => {
      const person = await ownPerson(strapi, userId(ctx), onlyChild(query(ctx)));
      const view = await fitView(strapi, person, String(ctx.params.profession), languageOf(ctx));
      if (!view) throw new AssessmentError(404, { field: 'profession', code: 'profession.unknown' });
      noStore(ctx);
      ctx.body = view;
    }),
    preferences: handle(async (ctx) => {
      const person = await ownPerson(strapi, userId(ctx), onlyChild(query(ctx)));
      noStore(ctx);
      ctx.body = { data: { extraTimePercent: await extraTimeOf(strapi, person) } } satisfies { data: PreferencesView };
    }),
    setPreferences: handle(async (ctx) => {
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['extraTimePercent', 'child']);
      if (problems.length) throw invalid(problems);
      const person = await ownPerson(strapi, userId(ctx), body.child);
      ctx.body = { data: { extraTimePercent: await setExtraTime(strapi, person, body.extraTimePercent) } } satisfies { data: PreferencesView };
    }),
  };

  async function childDocument(childId: number): Promise<string> {
    const child = await strapi.db.query('api::child.child').findOne({ where: { id: childId }, select: ['documentId'] });
    if (!child) throw unknownPerson();
    return child.documentId;
  }

  /** The person named by the route, if in the staff member's scope; a reach outside it is logged and not found. */
  async function personInScope(ctx: Context): Promise<Person> {
    const scope = await staffScope(strapi, admin(ctx));
    const id = Number(ctx.params.id);
    const kind = String(ctx.params.kind);
    const person = Number.isInteger(id) && id > 0 ? await personById(strapi, kind, id).catch(() => undefined) : undefined;
    if (!person || !(await inScope(strapi, scope, person))) {
      await audit(strapi, {
        actorType: 'admin',
        actorId: admin(ctx).id,
        action: 'assessment.refused',
        details: { kind, id: Number.isInteger(id) ? id : null },
      });
      throw unknownPerson();
    }
    return person;
  }

  const adminApi = {
    people: handle(async (ctx) => {
      const q = query(ctx);
      const problems = allowOnly(q, ['page', 'pageSize', 'locale']);
      const page = q.page === undefined ? 1 : Number(q.page);
      const pageSize = q.pageSize === undefined ? 20 : Number(q.pageSize);
      if (!Number.isInteger(page) || page < 1 || page > 100_000) problems.push({ field: 'page', code: 'page.invalid' });
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) problems.push({ field: 'pageSize', code: 'page.invalid' });
      if (problems.length) throw invalid(problems);
      const scope = await staffScope(strapi, admin(ctx));
      const knex = strapi.db.connection;
      const [rows, [{ count }]] = await Promise.all([
        profilesInScope(knex, scope)
          .select('p.person_key', 'p.user_id', 'p.child_id', 'p.updated_at')
          .orderBy('p.updated_at', 'desc')
          .orderBy('p.person_key')
          .limit(pageSize)
          .offset((page - 1) * pageSize),
        profilesInScope(knex, scope).count({ count: '*' }),
      ]);
      const today = kzDate(new Date());
      const data = await Promise.all(
        rows.map(async (r: { person_key: string; user_id: number; child_id: number | null; updated_at: unknown }): Promise<AssessedPerson | undefined> => {
          const person = await personById(strapi, r.child_id ? 'child' : 'user', r.child_id ?? r.user_id).catch(() => undefined);
          const [{ attempts }] = await knex(ATTEMPTS).where({ person_key: r.person_key, status: 'finished' }).count({ attempts: '*' });
          return (
            person && {
              kind: r.child_id ? 'child' : 'user',
              id: r.child_id ?? r.user_id,
              name: person.name,
              region: person.region,
              age: ageOn(person.birthDate.slice(0, 10), today),
              lastFinishedAt: new Date(ms(r.updated_at)!).toISOString(),
              attempts: Number(attempts),
            }
          );
        }),
      );
      await audit(strapi, { actorType: 'admin', actorId: admin(ctx).id, action: 'assessment.people.list', details: { page, count: rows.length } });
      noStore(ctx);
      ctx.body = { data: data.filter((p) => p !== undefined), meta: { page, pageSize, total: Number(count) } } satisfies PeoplePage;
    }),
    card: handle(async (ctx) => {
      const person = await personInScope(ctx);
      const language = languageOf(ctx);
      const finished: AttemptRow[] = await strapi.db
        .connection(ATTEMPTS)
        .where({ person_key: person.key, status: 'finished' })
        .orderBy('finished_at', 'desc')
        .limit(50);
      const [profile, results, external] = await Promise.all([
        profileView(strapi, person, language),
        Promise.all(finished.map((r) => resultView(strapi, r, language))),
        statementsOf(strapi, person.key, language, 50),
      ]);
      await audit(strapi, {
        actorType: 'admin',
        actorId: admin(ctx).id,
        action: 'assessment.card.view',
        subjectType: person.childId ? 'api::child.child' : 'plugin::users-permissions.user',
        subjectId: person.childId ?? person.userId,
      });
      noStore(ctx);
      ctx.body = {
        data: {
          person: {
            kind: person.childId ? 'child' : 'user',
            id: person.childId ?? person.userId,
            name: person.name,
            region: person.region,
            age: ageOn(person.birthDate.slice(0, 10), kzDate(new Date())),
          },
          profile,
          results,
          external,
        },
      } satisfies { data: PersonCardView };
    }),
    addNote: handle(async (ctx) => {
      const person = await personInScope(ctx);
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['text', 'professions']);
      const text = typeof body.text === 'string' ? body.text.trim() : '';
      if (!text || text.length > 2000) problems.push({ field: 'text', code: 'note.text', values: { max: 2000 } });
      const slugs = body.professions === undefined ? [] : body.professions;
      const known = new Set((await professions(strapi, languageOf(ctx))).map((p) => p.slug));
      if (!Array.isArray(slugs) || slugs.length > 5 || new Set(slugs).size !== slugs.length)
        problems.push({ field: 'professions', code: 'note.professions', values: { max: 5 } });
      else
        slugs.forEach((s, i) => {
          if (typeof s !== 'string' || !known.has(s)) problems.push({ field: `professions.${i}`, code: 'profession.unknown' });
        });
      if (problems.length) throw invalid(problems);
      const me = admin(ctx);
      const now = Date.now();
      const [inserted] = await strapi.db
        .connection(NOTES)
        .insert({
          person_key: person.key,
          user_id: person.userId,
          author_id: me.id,
          author_name: [me.firstname, me.lastname].filter(Boolean).join(' ') || `#${me.id}`,
          text,
          professions: JSON.stringify(slugs),
          created_at: now,
        })
        .returning('id');
      const id = typeof inserted === 'object' ? inserted.id : inserted;
      noteWritten(person.key);
      await audit(strapi, {
        actorType: 'admin',
        actorId: me.id,
        action: 'assessment.note.create',
        subjectType: person.childId ? 'api::child.child' : 'plugin::users-permissions.user',
        subjectId: person.childId ?? person.userId,
        details: { note: id },
      });
      ctx.status = 201;
      ctx.body = { data: (await notesOf(strapi, person.key, languageOf(ctx))).find((n: { id: unknown }) => Number(n.id) === Number(id)) };
    }),
  };

  return { public: publicApi, admin: adminApi };
};
