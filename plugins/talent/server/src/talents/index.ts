/**
 * The registry of talents (R-NFR-4): entries found by the written rule (packages/domain/src/talent.ts)
 * from every result, kept by evaluate.ts as results arrive (the registry of users refreshes the
 * person, then this part re-evaluates them), after a change of the rules and nightly; listed within
 * the staff member's scope with the evidence that explains each entry; confirmed by specialists with
 * a note; its rules edited by the curator, each change a new version, audited.
 */
import type { Core } from '@strapi/strapi';
import {
  checkTalentFilters,
  checkTalentRules,
  TALENT_FILTER_KEYS,
  TALENT_RULE_KEYS,
  type CardTalent,
  type TalentEvidence,
  type TalentRulesView,
} from '@qabilet/domain';
import { audit, handle, json, ms, routeConfigs, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { Part } from '../part';
import { adminOf, knownOnly, pageOf, refuse } from '../admin';
import { allowOnly, invalid, objectBody, TalentError, type Problem } from '../errors';
import { assertWrites, talentScope, type TalentScope } from '../scope';
import { onPeopleRefreshed, onPersonRemoved, reconcilePeople } from '../people/project';
import { queueRefresh, settled as peopleSettled } from '../people/events';
import { CONFIRMATIONS, ENTRIES, ensureTalentTables } from './tables';
import { registerCardSection } from '../cards/sections';
import { currentRules, rulesHistory, saveRules } from './rules';
import { evaluateEveryone, evaluatePeople, evaluationsSettled, forgetPeople, removeOrphans, serially } from './evaluate';
import { listTalents, MAX_PAGE_SIZE, talentInScope } from './list';

const { can: allowed } = routeConfigs('talent');
const NOTE_MAX = 2000;

/** The operator's limited view has no talents in it. */
function assertFull(scope: TalentScope) {
  if (scope.limited) throw new TalentError(403, { code: 'talents.limited' });
}

/** Waits until every queued refresh and evaluation is done (tests, and the nightly task). */
export async function talentsSettled(): Promise<void> {
  await peopleSettled();
  await evaluationsSettled();
  await peopleSettled();
}

/**
 * The nightly reconciliation: the registry of users is rebuilt from its sources (each person it
 * writes is re-evaluated, as after any refresh — so everyone is, under the rules in force and the
 * window as of tonight), then entries of people it no longer holds are removed.
 */
export async function reconcileTalents(strapi: Core.Strapi, now = Date.now()) {
  const people = await reconcilePeople(strapi, now);
  await talentsSettled();
  const orphans = await serially(() => removeOrphans(strapi));
  return { ...people, orphans };
}

// The person's card shows their entries with the reason (their own card without a specialist's note).
registerCardSection('talents', async (strapi, person, audience, { language }): Promise<CardTalent[]> => {
  const rows = await strapi.db
    .connection(ENTRIES)
    .where({ person_id: person.id })
    .orderBy('strength', 'desc')
    .orderBy('id', 'desc')
    .select('id', 'domain', 'status', 'strength', 'trend', 'evidence', 'updated_at');
  if (!rows.length) return [];
  const scales = new Map((await servicesOf<AssessmentServices>(strapi, 'assessment')('results').knownScales()).map((s) => [s.key, s.name]));
  return rows.map(
    (r: { id: number; domain: string; status: CardTalent['status']; strength: number; trend: CardTalent['trend']; evidence: unknown; updated_at: unknown }) => {
      const evidence = json<TalentEvidence>(r.evidence, { rulesVersion: 0, threshold: 0, agreeing: [], previous: null, confirmation: null });
      if (audience === 'self' && evidence.confirmation) evidence.confirmation = { ...evidence.confirmation, note: '' };
      const [kind, key = ''] = r.domain.split(':');
      const domainName = kind === 'profession' ? key : (scales.get(key)?.[language] ?? key);
      return {
        id: r.id,
        domain: r.domain,
        domainName,
        status: r.status,
        strength: r.strength,
        trend: r.trend,
        evidence,
        updatedAt: new Date(ms(r.updated_at) ?? 0).toISOString(),
      };
    },
  );
});

function reevaluateEveryone(strapi: Core.Strapi) {
  void serially(() => evaluateEveryone(strapi)).catch((e: Error) =>
    strapi.log.warn(`talent: re-evaluation after a change of the rules failed: ${e.name} ${e.message}`),
  );
}

const part: Part = {
  name: 'talents',
  actions: { confirm: 'Confirm a talent candidate with a note (within the role’s scope)', settings: 'Edit the rules by which talents are found' },
  tables: ensureTalentTables,
  async bootstrap(strapi: Core.Strapi) {
    onPeopleRefreshed((s, rows) => serially(() => evaluatePeople(s, rows)));
    onPersonRemoved((s, keys) => forgetPeople(s, keys));
    // A new result refreshes its person in the registry, which re-evaluates their talents.
    servicesOf<AssessmentServices>(strapi, 'assessment')('results').on((key) => queueRefresh(strapi, [key]));
  },
  admin: [
    ['GET /talents', 'list', allowed('read')],
    ['POST /talents/:entryId/confirm', 'confirm', allowed('confirm')],
    ['GET /rules', 'rules', allowed('settings')],
    ['PUT /rules', 'updateRules', allowed('settings')],
  ],
  controllers: (strapi) => ({
    list: handle(async (ctx) => {
      const query = ctx.query as Record<string, unknown>;
      const paging = pageOf(query, MAX_PAGE_SIZE);
      const checked = checkTalentFilters(query);
      refuse([...knownOnly(query, [...TALENT_FILTER_KEYS, 'page', 'pageSize', 'locale']), ...paging.problems, ...(checked.problems as Problem[])]);
      const scope = await talentScope(strapi, adminOf(ctx));
      assertFull(scope);
      const list = await listTalents(strapi, scope, checked.filters, paging.page, paging.pageSize);
      await audit(strapi, {
        actorType: 'admin',
        actorId: scope.adminId,
        action: 'talent.talents.list',
        details: { filters: Object.keys(checked.filters), page: paging.page, rows: list.data.length },
      });
      ctx.set('Cache-Control', 'no-store');
      ctx.body = list;
    }),
    confirm: handle(async (ctx) => {
      const scope = await talentScope(strapi, adminOf(ctx));
      assertFull(scope);
      assertWrites(scope);
      const id = /^\d{1,10}$/.test(String(ctx.params.entryId)) ? Number(ctx.params.entryId) : NaN;
      const entry = Number.isSafeInteger(id) ? await talentInScope(strapi, scope, id) : undefined;
      if (!entry) throw new TalentError(404, { code: 'talents.notFound' });
      const body = objectBody(ctx.request.body);
      const problems = allowOnly(body, ['note']);
      const note = typeof body.note === 'string' ? body.note.trim() : '';
      if (note.length < 3 || note.length > NOTE_MAX) problems.push({ field: 'note', code: 'talents.note', values: { max: NOTE_MAX } });
      refuse(problems);
      const admin = adminOf(ctx);
      const person = await strapi.db.connection('talent_people').where({ id: entry.personId }).first('id', 'person_key');
      await strapi.db.connection(CONFIRMATIONS).insert({
        person_key: person.person_key,
        domain: entry.domain,
        author_id: admin.id,
        author_name: [admin.firstname, admin.lastname].filter(Boolean).join(' ').slice(0, 120) || `#${admin.id}`,
        note,
        created_at: Date.now(),
      });
      await serially(() => evaluatePeople(strapi, [{ id: person.id, key: person.person_key }]));
      await audit(strapi, {
        actorType: 'admin',
        actorId: scope.adminId,
        action: 'talent.talents.confirm',
        subjectType: 'talent-entry',
        subjectId: entry.id,
        details: { person: entry.personId, domain: entry.domain, status: entry.status },
      });
      ctx.body = { data: (await talentInScope(strapi, scope, entry.id)) ?? null };
    }),
    rules: handle(async (ctx) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: { current: await currentRules(strapi), history: await rulesHistory(strapi) } satisfies TalentRulesView };
    }),
    updateRules: handle(async (ctx) => {
      const body = objectBody(ctx.request.body);
      const current = await currentRules(strapi);
      const checked = checkTalentRules(body, current.rules);
      if (!checked.rules) throw invalid(checked.problems as Problem[]);
      const admin = adminOf(ctx);
      const saved = await saveRules(strapi, current.version, checked.rules, {
        id: admin.id,
        name: [admin.firstname, admin.lastname].filter(Boolean).join(' ') || `#${admin.id}`,
      });
      const changes = Object.fromEntries(
        TALENT_RULE_KEYS.filter((k) => JSON.stringify(current.rules[k]) !== JSON.stringify(saved.rules[k])).map((k) => [
          k,
          { from: current.rules[k], to: saved.rules[k] },
        ]),
      );
      await audit(strapi, {
        actorType: 'admin',
        actorId: admin.id,
        action: 'talent.talents.settings',
        subjectType: 'talent-rules',
        subjectId: saved.version,
        details: { from: current.version, to: saved.version, changes },
      });
      // Everyone is re-evaluated under the new rules, in the background, one evaluation at a time.
      reevaluateEveryone(strapi);
      ctx.body = { data: { current: saved, history: await rulesHistory(strapi) } satisfies TalentRulesView };
    }),
  }),
};

export default part;
