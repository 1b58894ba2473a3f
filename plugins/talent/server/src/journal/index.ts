/**
 * The consultation journal (issue 18): an entry by its specialist for each completed consultation
 * or testing — drafts saved as they are typed, signed and then only amended (revisions kept); the
 * coordinator's sample checks of the region's signed entries; the person's own recommendations in
 * the cabinet. Every view of an entry, signature, amendment, sample and review is audited (ids only).
 */
import type { Context } from 'koa';
import { checkAmendment, checkDraft, checkReview, checkSample, checkSign, type JournalEntryView, type JournalList } from '@qabilet/domain';
import { audit, grantOnce, handle, routeConfigs, servicesOf } from '@qabilet/plugin-kit/server';
import type { AssessmentServices } from '@qabilet/strapi-plugin-assessment/strapi-server';
import type { Part } from '../part';
import { adminOf, can, knownOnly, pageOf, refuse } from '../admin';
import { objectBody, TalentError, type Problem } from '../errors';
import { onPersonRemoved } from '../people/project';
import { bookingInReach, idOf, journalistOf, type Journalist } from './access';
import { amendEntry, entryView, listEntries, saveDraft, signEntry } from './entries';
import { drawJournalSample, listSamples, reviewEntry, sampleView } from './samples';
import { forgetJournal, recommendationsFor } from './recommendations';
import { ensureJournalTables } from './tables';

export { recommendationsFor };

const { can: allowed, user } = routeConfigs('talent');
const USER_ACTIONS = ['plugin::talent.journal.mine'];
const MAX_PAGE_SIZE = 100;
/** Who reads an entry: its author's right, the coordinator's and whoever opens cards (the curator). */
const READERS = ['journal', 'review', 'card'];

const record = (j: Journalist, action: string, subjectType: string, subjectId: number, details?: Record<string, unknown>) => ({
  actorType: 'admin' as const,
  actorId: j.adminId,
  action: `talent.journal.${action}`,
  subjectType,
  subjectId,
  details,
});

const part: Part = {
  name: 'journal',
  actions: { journal: 'Keep the consultation journal of one’s own completed consultations', review: 'Check samples of the region’s consultation journal' },
  tables: ensureJournalTables,
  async bootstrap(strapi) {
    await grantOnce(strapi, 'talent', USER_ACTIONS);
    onPersonRemoved(forgetJournal);
  },
  admin: [
    // The samples first: `/journal/samples` is not an entry's id.
    ['GET /journal/samples', 'samples', allowed('review')],
    ['POST /journal/samples', 'sample', allowed('review')],
    ['GET /journal/samples/:id', 'sampleView', allowed('review')],
    ['POST /journal/samples/:id/reviews', 'review', allowed('review')],
    ['GET /journal', 'list', allowed('journal')],
    // Strapi's policy asks for every action it names: the readers' rights (any one of them) are checked in `view`.
    ['GET /journal/:id', 'view', allowed('read')],
    ['PUT /journal/:id/draft', 'draft', allowed('journal')],
    ['POST /journal/:id/sign', 'sign', allowed('journal')],
    ['POST /journal/:id/amend', 'amend', allowed('journal')],
  ],
  contentApi: [['GET /journal/mine', 'mine', user]],
  controllers: (strapi) => {
    const staff = (ctx: Context) => journalistOf(strapi, adminOf(ctx));
    /** The entry of the route's booking, within the staff member's reach. */
    const entry = async (ctx: Context) => {
      const j = await staff(ctx);
      return { j, booking: await bookingInReach(strapi, j, idOf(ctx.params.id)) };
    };
    const answer = async (ctx: Context, j: Journalist, booking: Awaited<ReturnType<typeof entry>>['booking']) => {
      ctx.set('Cache-Control', 'no-store');
      ctx.body = { data: (await entryView(strapi, j, booking)) satisfies JournalEntryView };
    };
    return {
      list: handle(async (ctx) => {
        const query = ctx.query as Record<string, unknown>;
        const paging = pageOf(query, MAX_PAGE_SIZE);
        refuse([...knownOnly(query, ['page', 'pageSize', 'locale']), ...paging.problems]);
        const j = await staff(ctx);
        const list = await listEntries(strapi, j, paging.page, paging.pageSize);
        await audit(strapi, { actorType: 'admin', actorId: j.adminId, action: 'talent.journal.list', details: { page: paging.page, rows: list.data.length } });
        ctx.set('Cache-Control', 'no-store');
        ctx.body = list satisfies JournalList;
      }),
      view: handle(async (ctx) => {
        if (!READERS.some((right) => can(ctx, right))) throw new TalentError(403, { code: 'journal.notReader' });
        const { j, booking } = await entry(ctx);
        await audit(strapi, record(j, 'view', 'booking', booking.id));
        await answer(ctx, j, booking);
      }),
      draft: handle(async (ctx) => {
        const checked = checkDraft(objectBody(ctx.request.body));
        refuse(checked.problems as Problem[]);
        const { j, booking } = await entry(ctx);
        // Autosaves are not audited one by one: the signature and every amendment are.
        await saveDraft(strapi, j, booking, checked.draft);
        await answer(ctx, j, booking);
      }),
      sign: handle(async (ctx) => {
        const checked = checkSign(objectBody(ctx.request.body));
        refuse(checked.problems as Problem[]);
        const { j, booking } = await entry(ctx);
        await signEntry(strapi, j, booking, checked.version);
        await audit(strapi, record(j, 'sign', 'booking', booking.id, { revision: 1 }));
        await answer(ctx, j, booking);
      }),
      amend: handle(async (ctx) => {
        const checked = checkAmendment(objectBody(ctx.request.body));
        refuse(checked.problems as Problem[]);
        const { j, booking } = await entry(ctx);
        const revision = await amendEntry(strapi, j, booking, checked.draft, checked.reason);
        await audit(strapi, record(j, 'amend', 'booking', booking.id, { revision }));
        await answer(ctx, j, booking);
      }),
      samples: handle(async (ctx) => {
        const j = await staff(ctx);
        const data = await listSamples(strapi, j);
        await audit(strapi, { actorType: 'admin', actorId: j.adminId, action: 'talent.journal.samples', details: { rows: data.length } });
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data };
      }),
      sample: handle(async (ctx) => {
        const checked = checkSample(objectBody(ctx.request.body));
        refuse(checked.problems as Problem[]);
        const j = await staff(ctx);
        const id = await drawJournalSample(strapi, j, checked.sample);
        const view = await sampleView(strapi, j, String(id));
        await audit(strapi, record(j, 'sample', 'journal-sample', id, { from: checked.sample.from, to: checked.sample.to, size: view.size }));
        ctx.status = 201;
        ctx.body = { data: view };
      }),
      sampleView: handle(async (ctx) => {
        const j = await staff(ctx);
        const view = await sampleView(strapi, j, ctx.params.id);
        await audit(strapi, record(j, 'sampleView', 'journal-sample', view.id));
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data: view };
      }),
      review: handle(async (ctx) => {
        const checked = checkReview(objectBody(ctx.request.body));
        refuse(checked.problems as Problem[]);
        const j = await staff(ctx);
        const id = await reviewEntry(strapi, j, ctx.params.id, checked.review);
        await audit(strapi, record(j, 'review', 'booking', checked.review.entryId, { sample: id, verdict: checked.review.verdict }));
        ctx.body = { data: await sampleView(strapi, j, String(id)) };
      }),
      mine: handle(async (ctx) => {
        const query = ctx.query as Record<string, unknown>;
        refuse(knownOnly(query, ['child', 'locale']));
        const userId = (ctx.state.user as { id: number }).id;
        const person = await servicesOf<AssessmentServices>(strapi, 'assessment')('people').own(userId, query.child);
        const data = await recommendationsFor(strapi, person.key);
        await audit(strapi, { actorType: 'user', actorId: userId, action: 'talent.journal.mine', details: { child: !!person.childId, rows: data.length } });
        ctx.set('Cache-Control', 'no-store');
        ctx.body = { data };
      }),
    };
  },
};

export default part;
